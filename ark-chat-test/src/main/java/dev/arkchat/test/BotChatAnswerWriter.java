package dev.arkchat.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.arkchat.bot.BotChatChunk;
import dev.arkchat.bot.BotChatCompletion;
import dev.arkchat.bot.BotUsage;
import dev.arkchat.bot.Reference;
import dev.arkchat.chat.ChatChoice;
import dev.arkchat.chat.ChatDelta;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.chat.ChunkChoice;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.FunctionCall;
import dev.arkchat.chat.ToolCall;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Writes one bot chat answer, blocking ({@code chat.completion}) or streamed ({@code chat.completion.chunk} events),
 * from the stub's settings and the actual request: the request's {@code metadata} is echoed, the default text echoes
 * the last user message, estimated usage counts the request's messages.
 * <p>
 * A stream carries the reasoning pieces, then the text pieces, then the tool-call fragments, every delta repeating
 * {@code role: assistant} as Ark does; the last of them has the finish reason and the references, and the
 * {@code bot_usage} too unless the request asked for {@code stream_options.include_usage}, in which case a final
 * chunk with {@code choices: []} carries it (as in the documented stream). Then {@code data: [DONE]}.
 */
final class BotChatAnswerWriter {

	private static final String ECHO_PREFIX = "Echo: ";

	private final BotChatAnswer answer;

	private final String requestId;

	private final long created = Instant.now().getEpochSecond();

	private final JsonNode metadata;

	private final String content;

	private final int promptTokens;

	BotChatAnswerWriter(BotChatAnswer answer, RecordedRequest request, JsonNode body, String requestId) {
		this.answer = answer;
		this.requestId = requestId;
		JsonNode metadata = body.get("metadata");
		this.metadata = (metadata != null && metadata.isObject()) ? metadata.deepCopy()
				: ArkJson.mapper().createObjectNode();
		this.content = content(answer, request, body);
		this.promptTokens = promptTokens(body);
	}

	private static String content(BotChatAnswer answer, RecordedRequest request, JsonNode body) {
		if (answer.content() != null) {
			return Objects.requireNonNullElse(answer.content().apply(request), "");
		}
		return answer.toolCalls().isEmpty() ? ECHO_PREFIX + lastUserText(body) : "";
	}

	/** The text of the last user message (its text parts, when multimodal). */
	private static String lastUserText(JsonNode body) {
		JsonNode messages = body.path("messages");
		for (int i = messages.size() - 1; i >= 0; i--) {
			JsonNode message = messages.get(i);
			if ("user".equals(message.path("role").asString(""))) {
				return text(message.path("content"));
			}
		}
		return "";
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

	private static int promptTokens(JsonNode body) {
		int tokens = 0;
		for (JsonNode message : body.path("messages")) {
			tokens += CodePoints.tokens(text(message.path("content")));
		}
		return Math.max(1, tokens);
	}

	/**
	 * The blocking answer.
	 * @return {@code 200} with the completion
	 */
	ResponseDefinition completion() {
		ChatMessage message = ChatMessage.of(ChatRole.ASSISTANT, this.content, this.answer.reasoning(),
				this.answer.toolCalls().isEmpty() ? null : this.answer.toolCalls());
		BotChatCompletion completion = new BotChatCompletion(this.requestId, "chat.completion", this.created,
				this.answer.model(), List.of(new ChatChoice(0, message, finishReason(), null)), null, botUsage(),
				references(), null);
		ObjectNode json = ArkJson.mapper().valueToTree(completion);
		json.set("metadata", this.metadata);
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withHeader(ArkErrorResponses.REQUEST_ID_HEADER, this.requestId)
			.withBody(ArkJson.mapper().writeValueAsBytes(json))
			.build();
	}

	/**
	 * The streamed answer, broken as the stub says.
	 * @param includeUsage whether the request asked for the final usage chunk
	 * @return {@code 200} with the event stream
	 */
	ResponseDefinition stream(boolean includeUsage) {
		List<ChatDelta> deltas = deltas();
		List<JsonNode> chunks = new ArrayList<>(deltas.size() + 1);
		for (int i = 0; i < deltas.size(); i++) {
			boolean last = i == deltas.size() - 1;
			ChunkChoice choice = new ChunkChoice(0, deltas.get(i), last ? finishReason() : null, null);
			chunks.add(chunk(List.of(choice), (last && !includeUsage) ? botUsage() : null,
					last ? references() : null));
		}
		if (includeUsage) {
			chunks.add(chunk(List.of(), botUsage(), null));
		}
		EventStreamBody body = new EventStreamBody();
		BotChatAnswer.StreamFault fault = this.answer.streamFault();
		int sent = (fault != null) ? Math.min(fault.afterEvents(), chunks.size()) : chunks.size();
		for (int i = 0; i < sent; i++) {
			body.add(ArkJson.mapper().writeValueAsString(chunks.get(i)));
		}
		if (fault == null) {
			body.add("[DONE]");
		}
		else if (fault.code() != null) {
			body.add(ArkJson.mapper()
				.writeValueAsString(ArkErrorResponses.body(500, fault.code(),
						Objects.requireNonNullElse(fault.message(), ""), "", this.requestId)));
		}
		return body.toResponse(this.requestId, this.answer.chunkDelay());
	}

	private List<ChatDelta> deltas() {
		int size = this.answer.chunkSize();
		List<ChatDelta> deltas = new ArrayList<>();
		if (this.answer.reasoning() != null) {
			for (String piece : CodePoints.split(this.answer.reasoning(), size)) {
				deltas.add(new ChatDelta(ChatRole.ASSISTANT, "", piece, null));
			}
		}
		for (String piece : CodePoints.split(this.content, size)) {
			deltas.add(new ChatDelta(ChatRole.ASSISTANT, piece, null, null));
		}
		List<ToolCall> calls = this.answer.toolCalls();
		for (int index = 0; index < calls.size(); index++) {
			ToolCall call = calls.get(index);
			deltas.add(new ChatDelta(ChatRole.ASSISTANT, "", null,
					List.of(new ToolCall(index, call.id(), "function", new FunctionCall(call.name(), "")))));
			for (String piece : CodePoints.split(Objects.requireNonNull(call.arguments()), size)) {
				deltas.add(new ChatDelta(ChatRole.ASSISTANT, "", null,
						List.of(new ToolCall(index, null, null, new FunctionCall(null, piece)))));
			}
		}
		if (this.content.isEmpty() && calls.isEmpty()) {
			deltas.add(new ChatDelta(ChatRole.ASSISTANT, "", null, null));
		}
		return deltas;
	}

	private JsonNode chunk(List<ChunkChoice> choices, @Nullable BotUsage botUsage,
			@Nullable List<Reference> references) {
		BotChatChunk chunk = new BotChatChunk(this.requestId, "chat.completion.chunk", this.created,
				this.answer.model(), choices, null, botUsage, references, null);
		ObjectNode json = ArkJson.mapper().valueToTree(chunk);
		json.set("metadata", this.metadata);
		return json;
	}

	private FinishReason finishReason() {
		if (this.answer.finishReason() != null) {
			return this.answer.finishReason();
		}
		return this.answer.toolCalls().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
	}

	private @Nullable List<Reference> references() {
		return this.answer.references().isEmpty() ? null : this.answer.references();
	}

	private BotUsage botUsage() {
		BotChatAnswer.Usage usage = this.answer.usage();
		String name = (usage != null && usage.name() != null) ? usage.name() : this.answer.model();
		int prompt = (usage != null) ? usage.promptTokens() : this.promptTokens;
		int completion = (usage != null) ? usage.completionTokens() : estimatedCompletionTokens();
		return new BotUsage(List.of(new BotUsage.ModelUsage(name, prompt, completion, prompt + completion)), List.of(),
				List.of());
	}

	private int estimatedCompletionTokens() {
		int tokens = CodePoints.tokens(this.content);
		if (this.answer.reasoning() != null) {
			tokens += CodePoints.tokens(this.answer.reasoning());
		}
		for (ToolCall call : this.answer.toolCalls()) {
			tokens += CodePoints.tokens(Objects.requireNonNull(call.arguments()));
		}
		return Math.max(1, tokens);
	}

}
