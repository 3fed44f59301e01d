package dev.arkchat.knowledge;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.Fixtures;
import dev.arkchat.http.RetrySettings;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Knowledge calls are observed as {@code gen_ai.client.operation} with {@code ark.api=knowledge}. */
class KnowledgeObservationTest {

	private static WireMockServer wireMock;

	private TestObservationRegistry registry;

	private KnowledgeClient client;

	@BeforeAll
	static void start() {
		wireMock = KnowledgeWireMock.start();
	}

	@AfterAll
	static void stop() {
		wireMock.stop();
	}

	@BeforeEach
	void reset() {
		wireMock.resetAll();
		this.registry = TestObservationRegistry.create();
		this.client = KnowledgeWireMock.client(wireMock)
			.transport((t) -> t.retry(RetrySettings.NONE).observationRegistry(this.registry))
			.build();
	}

	@Test
	void aChatIsObservedWithItsDecodedUsage() {
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.CHAT_PATH, 200,
				Fixtures.raw("knowledge-chat-completions-response.doc.json"));

		this.client.chat(KnowledgeChatRequest.builder().model("Doubao-1-5-pro-32k").user("HNSW?").temperature(0.1)
			.build());

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasNameEqualTo("gen_ai.client.operation")
			.hasContextualNameEqualTo("chat Doubao-1-5-pro-32k")
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("ark.api", "knowledge")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("gen_ai.response.id", "02172742276364600000000000000000000ffff0a00406fa14e0d")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "13")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "217")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.completion");
	}

	@Test
	void aSearchIsObservedAsSearchAndAnErrorIn200AsAnError() {
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.SEARCH_PATH, 200,
				"{\"code\":1000029,\"message\":\"quota limited\",\"request_id\":\"r-1\"}");

		assertThatExceptionOfType(ArkRateLimitException.class).isThrownBy(() -> this.client
			.search(KnowledgeSearchRequest.builder().collection("example").query("q").build()));

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasContextualNameEqualTo("search knowledge")
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "search")
			.hasLowCardinalityKeyValue("error.type", "ArkRateLimitException");
	}

}
