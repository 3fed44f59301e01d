package dev.arkchat.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.arkchat.chat.ChatChoice;
import dev.arkchat.chat.ChatDelta;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.chat.ChunkChoice;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.Usage;
import dev.arkchat.context.ContextChatChunk;
import dev.arkchat.context.ContextChatCompletion;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Writes one context chat answer, blocking ({@code chat.completion}) or as the data of stream events
 * ({@code chat.completion.chunk}): text pieces, the last with {@code finish_reason: stop}, then, when the request
 * asked for {@code stream_options.include_usage}, a chunk with {@code choices: []} and the usage, then
 * {@code [DONE]}. Usage carries {@code prompt_tokens_details.cached_tokens}.
 */
final class ContextAnswerWriter {

	private final String requestId;

	private final String model;

	private final String content;

	private final Usage usage;

	private final long created = Instant.now().getEpochSecond();

	ContextAnswerWriter(String requestId, String model, String content, ContextState.TurnUsage usage) {
		this.requestId = requestId;
		this.model = model;
		this.content = content;
		this.usage = new Usage(usage.promptTokens(), usage.completionTokens(),
				usage.promptTokens() + usage.completionTokens(), new Usage.PromptTokensDetails(usage.cachedTokens()),
				null);
	}

	/** The text of the last user message of a request (its text parts, when multimodal). */
	static String lastUserText(JsonNode body) {
		JsonNode messages = body.path("messages");
		for (int i = messages.size() - 1; i >= 0; i--) {
			JsonNode message = messages.get(i);
			if ("user".equals(message.path("role").asString(""))) {
				return text(message.path("content"));
			}
		}
		return "";
	}

	/** The tokens of a message list, estimated from their text. */
	static int tokens(JsonNode messages) {
		int tokens = 0;
		for (JsonNode message : messages) {
			tokens += CodePoints.tokens(text(message.path("content")));
		}
		return tokens;
	}

	private static String text(JsonNode content) {
		if (content.isString()) {
			return content.asString();
		}
		StringBuilder sb = new StringBuilder();
		for (JsonNode part : content) {
			if (part.path("text").isString()) {
				sb.append(part.path("text").asString());
			}
		}
		return sb.toString();
	}

	/**
	 * The blocking answer's body.
	 * @return the JSON bytes
	 */
	byte[] completion() {
		ContextChatCompletion completion = new ContextChatCompletion(this.requestId, "chat.completion", this.created,
				this.model,
				List.of(new ChatChoice(0, ChatMessage.assistant(this.content), FinishReason.STOP, null)), this.usage);
		return ArkJson.mapper().writeValueAsBytes(completion);
	}

	/**
	 * The data of the stream's events, {@code [DONE]} last.
	 * @param chunkSize code points per piece
	 * @param includeUsage whether a final usage chunk is sent
	 * @return the events' data
	 */
	List<String> events(int chunkSize, boolean includeUsage) {
		List<String> pieces = CodePoints.split(this.content, chunkSize);
		if (pieces.isEmpty()) {
			pieces = List.of("");
		}
		List<String> events = new ArrayList<>(pieces.size() + 2);
		for (int i = 0; i < pieces.size(); i++) {
			boolean last = i == pieces.size() - 1;
			ChunkChoice choice = new ChunkChoice(0, new ChatDelta(ChatRole.ASSISTANT, pieces.get(i), null, null),
					last ? FinishReason.STOP : null, null);
			events.add(chunk(List.of(choice), null));
		}
		if (includeUsage) {
			events.add(chunk(List.of(), this.usage));
		}
		events.add("[DONE]");
		return events;
	}

	private String chunk(List<ChunkChoice> choices, @Nullable Usage usage) {
		return ArkJson.mapper()
			.writeValueAsString(new ContextChatChunk(this.requestId, "chat.completion.chunk", this.created,
					this.model, choices, usage));
	}

}
