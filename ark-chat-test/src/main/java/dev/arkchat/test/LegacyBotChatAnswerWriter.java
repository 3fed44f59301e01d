package dev.arkchat.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.arkchat.bot.BotUsage;
import dev.arkchat.bot.Reference;
import dev.arkchat.bot.legacy.LegacyBotChatResponse;
import dev.arkchat.bot.legacy.LegacyBotError;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Writes one v2 bot answer, blocking or streamed, with core's own wire types (which write back exactly the wire
 * shape): {@code req_id}, one choice whose {@code message} holds the text (of a chunk: its piece) and the references,
 * and {@code usage.model_usage}. A stream's last chunk has the finish reason, the references and the usage; then
 * {@code data: [DONE]}.
 */
final class LegacyBotChatAnswerWriter {

	private static final String ECHO_PREFIX = "Echo: ";

	private static final String ASSISTANT = "assistant";

	private final LegacyBotChatAnswer answer;

	private final String requestId;

	private final String content;

	private final int promptTokens;

	LegacyBotChatAnswerWriter(LegacyBotChatAnswer answer, RecordedRequest request, JsonNode body, String requestId) {
		this.answer = answer;
		this.requestId = requestId;
		this.content = (answer.content() != null)
				? Objects.requireNonNullElse(answer.content().apply(request), "") : ECHO_PREFIX + lastUserText(body);
		int tokens = 0;
		for (JsonNode message : body.path("messages")) {
			tokens += CodePoints.tokens(message.path("content").asString(""));
		}
		this.promptTokens = Math.max(1, tokens);
	}

	private static String lastUserText(JsonNode body) {
		JsonNode messages = body.path("messages");
		for (int i = messages.size() - 1; i >= 0; i--) {
			if ("user".equals(messages.get(i).path("role").asString(""))) {
				return messages.get(i).path("content").asString("");
			}
		}
		return "";
	}

	/**
	 * The blocking answer.
	 * @return {@code 200} with the answer
	 */
	ResponseDefinition completion() {
		LegacyBotChatResponse response = response(this.content, finishReason(), references(), usage());
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withHeader(ArkErrorResponses.REQUEST_ID_HEADER, this.requestId)
			.withBody(ArkJson.mapper().writeValueAsBytes(response))
			.build();
	}

	/**
	 * The streamed answer, broken as the stub says.
	 * @return {@code 200} with the event stream
	 */
	ResponseDefinition stream() {
		List<String> pieces = CodePoints.split(this.content, this.answer.chunkSize());
		if (pieces.isEmpty()) {
			pieces = List.of("");
		}
		List<LegacyBotChatResponse> chunks = new ArrayList<>(pieces.size());
		for (int i = 0; i < pieces.size(); i++) {
			boolean last = i == pieces.size() - 1;
			chunks.add(last ? response(pieces.get(i), finishReason(), references(), usage())
					: response(pieces.get(i), null, null, null));
		}
		EventStreamBody body = new EventStreamBody();
		LegacyBotChatAnswer.StreamFault fault = this.answer.streamFault();
		int sent = (fault != null) ? Math.min(fault.afterEvents(), chunks.size()) : chunks.size();
		for (int i = 0; i < sent; i++) {
			body.add(ArkJson.mapper().writeValueAsString(chunks.get(i)));
		}
		if (fault == null) {
			body.add("[DONE]");
		}
		else if (fault.code() != null) {
			LegacyBotError error = new LegacyBotError(fault.code(), fault.codeN(),
					Objects.requireNonNullElse(fault.message(), ""));
			body.add(ArkJson.mapper()
				.writeValueAsString(new LegacyBotChatResponse(this.requestId, List.of(), null, error)));
		}
		return body.toResponse(this.requestId, this.answer.chunkDelay());
	}

	private LegacyBotChatResponse response(String text, @Nullable FinishReason finishReason,
			@Nullable List<Reference> references, @Nullable BotUsage usage) {
		LegacyBotChatResponse.Message message = new LegacyBotChatResponse.Message(ASSISTANT, text, references);
		return new LegacyBotChatResponse(this.requestId,
				List.of(new LegacyBotChatResponse.Choice(message, finishReason, null)), usage, null);
	}

	private FinishReason finishReason() {
		return (this.answer.finishReason() != null) ? this.answer.finishReason() : FinishReason.STOP;
	}

	private @Nullable List<Reference> references() {
		return this.answer.references().isEmpty() ? null : this.answer.references();
	}

	private BotUsage usage() {
		BotChatAnswer.Usage usage = this.answer.usage();
		int prompt = (usage != null) ? usage.promptTokens() : this.promptTokens;
		int completion = (usage != null) ? usage.completionTokens() : Math.max(1, CodePoints.tokens(this.content));
		String name = (usage != null) ? usage.name() : null;
		return new BotUsage(List.of(new BotUsage.ModelUsage(name, prompt, completion, prompt + completion)), null,
				null);
	}

}
