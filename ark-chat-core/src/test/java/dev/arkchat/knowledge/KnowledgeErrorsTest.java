package dev.arkchat.knowledge;

import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arkchat.ArkApiException;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkBadRequestException;
import dev.arkchat.ArkNotFoundException;
import dev.arkchat.ArkPermissionException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.ArkServerException;
import dev.arkchat.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Knowledge error envelopes, with an error status or with 200, raised as the exception their code names. */
class KnowledgeErrorsTest {

	private static WireMockServer wireMock;

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
		this.client = KnowledgeWireMock.client(wireMock).build();
	}

	static Stream<Arguments> codes() {
		return Stream.of(Arguments.of(401, 1000001, ArkAuthenticationException.class),
				Arguments.of(403, 1000002, ArkPermissionException.class),
				Arguments.of(400, 1000003, ArkBadRequestException.class),
				Arguments.of(400, 1000005, ArkNotFoundException.class),
				Arguments.of(400, 1001001, ArkNotFoundException.class),
				Arguments.of(429, 1000029, ArkRateLimitException.class),
				Arguments.of(500, 1000028, ArkServerException.class),
				Arguments.of(400, 1000010, ArkApiException.class),
				Arguments.of(200, 1000001, ArkAuthenticationException.class),
				Arguments.of(200, 1000005, ArkNotFoundException.class),
				Arguments.of(200, 1000023, ArkApiException.class));
	}

	@ParameterizedTest(name = "HTTP {0} with code {1} -> {2}")
	@MethodSource("codes")
	void searchErrorsAreTypedByTheirCode(int status, int code, Class<? extends ArkApiException> type) {
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.SEARCH_PATH, status,
				"{\"code\":" + code + ",\"message\":\"failed\",\"request_id\":\"req-" + code + "\"}");

		assertThatExceptionOfType(type)
			.isThrownBy(() -> this.client
				.search(KnowledgeSearchRequest.builder().collection("example").query("q").build()))
			.satisfies((ex) -> {
				assertThat(ex.getClass()).isEqualTo(type);
				assertThat(ex.getStatusCode()).isEqualTo(status);
				assertThat(ex.getCode()).isEqualTo(String.valueOf(code));
				assertThat(ex.getServerMessage()).isEqualTo("failed");
				assertThat(ex.getRequestId()).isEqualTo("req-" + code);
			});
	}

	@ParameterizedTest(name = "HTTP {0} with code {1} -> {2}")
	@MethodSource("codes")
	void chatErrorsAreTypedByTheirCode(int status, int code, Class<? extends ArkApiException> type) {
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.CHAT_PATH, status,
				"{\"code\":" + code + ",\"message\":\"failed\",\"request_id\":\"req-" + code + "\"}");

		assertThatExceptionOfType(type)
			.isThrownBy(() -> this.client.chat(KnowledgeChatRequest.builder().user("q").build()))
			.satisfies((ex) -> {
				assertThat(ex.getClass()).isEqualTo(type);
				assertThat(ex.getCode()).isEqualTo(String.valueOf(code));
				assertThat(ex.getRequestId()).isEqualTo("req-" + code);
			});
	}

	@Test
	void theDocumentedBadRequestCarriesItsMessageAndRequestId() {
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.CHAT_PATH, 400,
				Fixtures.raw("knowledge-error-400.doc.json"));

		assertThatExceptionOfType(ArkBadRequestException.class)
			.isThrownBy(() -> this.client.chat(KnowledgeChatRequest.builder().user("q").build()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("1000003");
				assertThat(ex.getServerMessage()).isEqualTo("invalid request：%s");
				assertThat(ex.getRequestId()).isEqualTo("021695029757920fd001de6666600000000000000000002569b8f");
			});
	}

	@Test
	void aStreamRefusedWithAnErrorStatusFailsBeforeItStarts() {
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.CHAT_PATH, 401,
				"{\"code\":1000001,\"message\":\"unauthorized\",\"request_id\":\"req-s\"}");

		assertThatExceptionOfType(ArkAuthenticationException.class)
			.isThrownBy(() -> this.client.stream(KnowledgeChatRequest.builder().user("q").build()))
			.satisfies((ex) -> assertThat(ex.getRequestId()).isEqualTo("req-s"));
	}

	@Test
	void theRequestIdHeaderWinsOverTheBodys() {
		wireMock.stubFor(post(urlEqualTo(KnowledgeClient.SEARCH_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "from-header")
			.withBody("{\"code\":1000005,\"message\":\"collection not exist\",\"request_id\":\"from-body\"}")));

		assertThatExceptionOfType(ArkNotFoundException.class)
			.isThrownBy(() -> this.client
				.search(KnowledgeSearchRequest.builder().collection("nope").query("q").build()))
			.satisfies((ex) -> assertThat(ex.getRequestId()).isEqualTo("from-header"));
	}

}
