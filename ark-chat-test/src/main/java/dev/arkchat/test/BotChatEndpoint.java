package dev.arkchat.test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.http.ArkJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * E1, bot chat v3 ({@code POST /api/v3/bots/chat/completions}): checks the Bearer key and the request as Ark does,
 * then gives the failure or the answer its {@link BotChatStub} describes, blocking or streamed as the request's
 * {@code stream} asks.
 */
final class BotChatEndpoint extends ArkEndpoint {

	static final String NAME = "ark-bot-chat-v3";

	private final ApiKeyCheck apiKeys;

	private final BotChatStub stub = new BotChatStub();

	BotChatEndpoint(ApiKeyCheck apiKeys) {
		this.apiKeys = apiKeys;
	}

	BotChatStub stub() {
		return this.stub;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	MappingBuilder mapping() {
		return post(urlPathEqualTo(BotChatClient.PATH)).willReturn(aResponse().withTransformers(NAME));
	}

	@Override
	void reset() {
		this.stub.reset();
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String requestId = ArkRequestIds.next();
		JsonNode body;
		try {
			body = ArkJson.mapper().readTree(request.getBody());
		}
		catch (JacksonException ex) {
			body = null;
		}
		// the key is checked first, for the bot named (a temporary key is valid for its own bot only)
		String bot = (body != null && body.path("model").isString()) ? body.path("model").asString() : null;
		ResponseDefinition refused = this.apiKeys.refuse(request, requestId, bot);
		if (refused != null) {
			return refused;
		}
		if (body == null || !body.isObject()) {
			return ArkErrorResponses.error(400, "InvalidParameter", "The request body is not a valid JSON object", "",
					requestId, null);
		}
		ResponseDefinition invalid = BotChatRequestRules.refuse(body, requestId);
		if (invalid != null) {
			return invalid;
		}
		BotChatAnswer answer = this.stub.snapshot();
		BotChatAnswer.Failure failure = answer.failure();
		if (failure != null) {
			return ArkErrorResponses.error(failure.status(), failure.code(), failure.message(), "", requestId,
					failure.retryAfter());
		}
		BotChatAnswerWriter writer;
		try {
			writer = new BotChatAnswerWriter(answer, RecordedRequest.from(request), body, requestId);
		}
		catch (RuntimeException ex) {
			// a test's answer function failed: say so in the answer rather than with WireMock's own error page
			return ArkErrorResponses.error(500, "InternalServiceError",
					"The fake Ark's answer function failed: " + ex, "", requestId, null);
		}
		if (body.path("stream").asBoolean(false)) {
			return writer.stream(body.path("stream_options").path("include_usage").asBoolean(false));
		}
		return writer.completion();
	}

}
