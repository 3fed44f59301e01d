package dev.arkchat.test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.arkchat.http.ArkJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * E2, the legacy bot chat v2 ({@code POST /api/v2/bots/{bot_id}/chat}): checks the Bearer key for the bot in the path
 * (a key issued by the fake's {@code GetApiKey} is valid for its own bots only) and the request as the service does,
 * then gives the failure or the answer its {@link LegacyBotChatStub} describes, blocking or streamed as the request's
 * {@code stream} asks.
 */
final class LegacyBotChatEndpoint extends ArkEndpoint {

	static final String NAME = "ark-bot-chat-v2";

	private static final String PREFIX = "/api/v2/bots/";

	private final ApiKeyCheck apiKeys;

	private final LegacyBotChatStub stub = new LegacyBotChatStub();

	LegacyBotChatEndpoint(ApiKeyCheck apiKeys) {
		this.apiKeys = apiKeys;
	}

	LegacyBotChatStub stub() {
		return this.stub;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	MappingBuilder mapping() {
		return post(urlPathMatching("/api/v2/bots/[^/]+/chat")).willReturn(aResponse().withTransformers(NAME));
	}

	@Override
	void reset() {
		this.stub.reset();
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String requestId = ArkRequestIds.next();
		String path = RecordedRequest.from(request).path();
		String botId = path.substring(PREFIX.length(), path.length() - "/chat".length());
		ResponseDefinition refused = this.apiKeys.refuse(request, requestId, botId);
		if (refused != null) {
			return refused;
		}
		JsonNode body;
		try {
			body = ArkJson.mapper().readTree(request.getBody());
		}
		catch (JacksonException ex) {
			body = null;
		}
		if (body == null || !body.isObject()) {
			return ArkErrorResponses.error(400, "InvalidParameter", "The request body is not a valid JSON object", "",
					requestId, null);
		}
		ResponseDefinition invalid = LegacyBotChatRequestRules.refuse(botId, body, requestId);
		if (invalid != null) {
			return invalid;
		}
		LegacyBotChatAnswer answer = this.stub.snapshot();
		BotChatAnswer.Failure failure = answer.failure();
		if (failure != null) {
			return ArkErrorResponses.error(failure.status(), failure.code(), failure.message(), "", requestId,
					failure.retryAfter());
		}
		LegacyBotChatAnswerWriter writer;
		try {
			writer = new LegacyBotChatAnswerWriter(answer, RecordedRequest.from(request), body, requestId);
		}
		catch (RuntimeException ex) {
			return ArkErrorResponses.error(500, "InternalServiceError",
					"The fake Ark's answer function failed: " + ex, "", requestId, null);
		}
		return body.path("stream").asBoolean(false) ? writer.stream() : writer.completion();
	}

}
