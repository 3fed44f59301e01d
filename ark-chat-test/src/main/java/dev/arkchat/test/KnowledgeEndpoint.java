package dev.arkchat.test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.arkchat.http.ArkJson;
import dev.arkchat.knowledge.KnowledgeClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * E5/E6, the knowledge base ({@code POST /api/knowledge/collection/search_knowledge} and
 * {@code POST /api/knowledge/chat/completions}): checks the V4 signature and the request as the service does, then
 * gives the failure, the chunks or the answer its {@link KnowledgeStub} describes, in the service's envelope.
 */
final class KnowledgeEndpoint extends ArkEndpoint {

	static final String NAME = "ark-knowledge";

	private final KnowledgeStub stub = new KnowledgeStub();

	KnowledgeStub stub() {
		return this.stub;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	MappingBuilder mapping() {
		return post(urlPathMatching(KnowledgeClient.SEARCH_PATH + "|" + KnowledgeClient.CHAT_PATH))
			.willReturn(aResponse().withTransformers(NAME));
	}

	@Override
	void reset() {
		this.stub.reset();
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String requestId = ArkRequestIds.next();
		KnowledgeMockSettings settings = this.stub.snapshot();
		if (KnowledgeSignatureCheck.refuse(request, settings.credentials()) != null) {
			return KnowledgeMockWriter.error(401, 1000001, "unauthorized", requestId);
		}
		JsonNode body = json(request);
		if (body == null) {
			return KnowledgeMockWriter.invalid("the body is not a JSON object", requestId);
		}
		KnowledgeMockSettings.Failure failure = settings.failure();
		boolean search = request.getUrl().startsWith(KnowledgeClient.SEARCH_PATH);
		String invalid = search ? KnowledgeRequestRules.searchProblem(body) : KnowledgeRequestRules.chatProblem(body);
		if (invalid != null) {
			return KnowledgeMockWriter.invalid(invalid, requestId);
		}
		if (failure != null) {
			return KnowledgeMockWriter.error(failure.status(), failure.code(), failure.message(), requestId);
		}
		KnowledgeMockWriter writer = new KnowledgeMockWriter(settings, requestId);
		try {
			if (search) {
				if (!KnowledgeRequestRules.collectionExists(body, settings.collections())) {
					return KnowledgeMockWriter.error(400, 1000005, "collection not exist", requestId);
				}
				return writer.search(body);
			}
			String answer = writer.answer(RecordedRequest.from(request), body);
			return body.path("stream").asBoolean(false) ? writer.stream(answer, body) : writer.completion(answer, body);
		}
		catch (RuntimeException ex) {
			// a test's answer function failed: say so in the answer rather than with WireMock's own error page
			return KnowledgeMockWriter.error(500, 1000028, "The fake knowledge base failed: " + ex, requestId);
		}
	}

	private static @Nullable JsonNode json(Request request) {
		try {
			JsonNode node = ArkJson.mapper().readTree(request.getBody());
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
