package dev.arkchat.test;

import java.time.Duration;
import java.util.stream.Stream;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkBadRequestException;
import dev.arkchat.ArkContentFilterException;
import dev.arkchat.ArkNotFoundException;
import dev.arkchat.ArkPermissionException;
import dev.arkchat.ArkQuotaExceededException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.ArkServerException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatCompletion;
import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.bot.BotChatStream;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static dev.arkchat.test.BotChatBlockingTests.BOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BotChatErrorTests {

	static ArkMockServer ark;

	BotChatClient client;

	@BeforeAll
	static void startServer() {
		ark = ArkMockServer.start();
	}

	@AfterAll
	static void stopServer() {
		ark.close();
	}

	@BeforeEach
	void setUp() {
		ark.reset();
		this.client = BotChatClient.builder().baseUrl(ark.baseUrl()).apiKey("k").build();
	}

	static BotChatRequest question() {
		return BotChatRequest.builder().bot(BOT).user("q").build();
	}

	static Stream<Arguments> failures() {
		return Stream.of(Arguments.of(400, "InvalidParameter", "BadRequest", ArkBadRequestException.class),
				Arguments.of(400, "SensitiveContentDetected", "BadRequest", ArkContentFilterException.class),
				Arguments.of(401, "AuthenticationError", "Unauthorized", ArkAuthenticationException.class),
				Arguments.of(403, "AccountOverdueError", "Forbidden", ArkPermissionException.class),
				Arguments.of(404, "InvalidEndpointOrModel.NotFound", "NotFound", ArkNotFoundException.class),
				Arguments.of(429, "ServerOverloaded", "TooManyRequests", ArkRateLimitException.class),
				Arguments.of(429, "AccountQuotaExceeded", "TooManyRequests", ArkQuotaExceededException.class),
				Arguments.of(500, "InternalServiceError", "InternalServerError", ArkServerException.class),
				Arguments.of(503, "ServiceUnavailable", "ServiceUnavailable", ArkServerException.class));
	}

	@ParameterizedTest
	@MethodSource("failures")
	void failMapsToTheCoreExceptionOfItsStatus(int status, String code, String type,
			Class<? extends ArkApiException> expected) {
		ark.botChat().fail(status, code, "Something is wrong");

		ArkApiException blocking = catchThrowableOfType(expected, () -> this.client.chat(question()));
		ArkApiException streamed = catchThrowableOfType(expected, () -> this.client.stream(question()));

		for (ArkApiException ex : new ArkApiException[] { blocking, streamed }) {
			assertThat(ex).isExactlyInstanceOf(expected);
			assertThat(ex.getStatusCode()).isEqualTo(status);
			assertThat(ex.getCode()).isEqualTo(code);
			assertThat(ex.getType()).isEqualTo(type);
			assertThat(ex.getParam()).isNull();
			assertThat(ex.getRequestId()).matches("02[0-9]{13}[0-9a-f]{38}");
			assertThat(ex.getServerMessage()).isEqualTo("Something is wrong. Request id: " + ex.getRequestId());
		}
		assertThat(blocking.getRequestId()).isNotEqualTo(streamed.getRequestId());
	}

	@Test
	void failBodyIsArksErrorShape() throws Exception {
		ark.botChat().fail(403, "AccessDenied", "No access.");

		RawHttp.Response response = RawHttp.post(ark, BotChatClient.PATH, "Bearer k",
				BotChatStreamTests.streamBody(""));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		String id = response.header("X-Request-Id");
		assertThat(ArkJson.mapper().readTree(response.body())).isEqualTo(ArkJson.mapper()
			.readTree("{\"error\":{\"code\":\"AccessDenied\",\"message\":\"No access. Request id: " + id + "\","
					+ "\"param\":\"\",\"type\":\"Forbidden\"}}"));
	}

	@Test
	void rateLimitCarriesRetryAfter() {
		ark.botChat().fail(429, "RateLimitExceeded.EndpointRPMExceeded", "Too many requests").retryAfter("7");

		ArkRateLimitException ex = catchThrowableOfType(ArkRateLimitException.class,
				() -> this.client.chat(question()));

		assertThat(ex.getCode()).isEqualTo("RateLimitExceeded.EndpointRPMExceeded");
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(ex.getRequestId()).isNotBlank();
	}

	@Test
	void failIsGivenUntilReset() {
		ark.botChat().fail(500, "InternalServiceError", "boom");
		assertThatExceptionOfType(ArkServerException.class).isThrownBy(() -> this.client.chat(question()));
		assertThatExceptionOfType(ArkServerException.class).isThrownBy(() -> this.client.chat(question()));

		ark.reset();

		assertThat(this.client.chat(question()).content()).isEqualTo("Echo: q");
	}

	@Test
	void errorMidStreamRaisesArkStreamExceptionWithCodeAndPartial() throws Exception {
		ark.botChat().answer("abcdefghijkl").errorMidStream(2, "OutputTextSensitiveContentDetected", "Stopped");

		StringBuilder seen = new StringBuilder();
		ArkStreamException ex;
		try (BotChatStream stream = this.client.stream(question())) {
			ex = catchThrowableOfType(ArkStreamException.class,
					() -> stream.forEach((chunk) -> seen.append(chunk.content())));
		}

		assertThat(seen).hasToString("abcdefgh");
		assertThat(ex.getCode()).isEqualTo("OutputTextSensitiveContentDetected");
		assertThat(ex.getRequestId()).matches("02[0-9]{13}[0-9a-f]{38}");
		assertThat(ex.getMessage()).contains("Stopped");
		assertThat(ex.getPartial()).isInstanceOfSatisfying(BotChatCompletion.class,
				(partial) -> assertThat(partial.content()).isEqualTo("abcdefgh"));

		RawHttp.Response raw = RawHttp.post(ark, BotChatClient.PATH, "Bearer k", BotChatStreamTests.streamBody(""));
		assertThat(raw.status()).isEqualTo(200);
		assertThat(raw.body()).doesNotContain("[DONE]");
		java.util.List<String> data = SseEvents.data(raw.body());
		assertThat(data).hasSize(3);
		JsonNode error = ArkJson.mapper().readTree(data.get(2)).path("error");
		assertThat(error.path("code").asString()).isEqualTo("OutputTextSensitiveContentDetected");
		assertThat(error.path("message").asString()).isEqualTo("Stopped. Request id: " + raw.header("X-Request-Id"));
	}

	@Test
	void errorMidStreamLeavesBlockingCallsAlone() {
		ark.botChat().answer("fine").errorMidStream(0, "InternalServiceError", "boom");

		assertThat(this.client.chat(question()).content()).isEqualTo("fine");
	}

	@Test
	void truncateAfterRaisesArkStreamExceptionWithoutCode() {
		ark.botChat().answer("abcdefghijkl").truncateAfter(1);

		StringBuilder seen = new StringBuilder();
		ArkStreamException ex;
		try (BotChatStream stream = this.client.stream(question())) {
			ex = catchThrowableOfType(ArkStreamException.class,
					() -> stream.forEach((chunk) -> seen.append(chunk.content())));
		}

		assertThat(seen).hasToString("abcd");
		assertThat(ex.getCode()).isNull();
		assertThat(ex.getMessage()).contains("[DONE]");
		assertThat(ex.getPartial()).isInstanceOfSatisfying(BotChatCompletion.class,
				(partial) -> assertThat(partial.content()).isEqualTo("abcd"));
	}

	@Test
	void truncateAfterTheWholeAnswerStillLacksDone() {
		ark.botChat().answer("abc").truncateAfter(100);

		try (BotChatStream stream = this.client.stream(question())) {
			assertThatExceptionOfType(ArkStreamException.class).isThrownBy(stream::completion);
		}
	}

	@Test
	void requireApiKeyRefusesAnyOtherKey() {
		ark.requireApiKey("right-key");
		BotChatClient wrong = BotChatClient.builder().baseUrl(ark.baseUrl()).apiKey("wrong-key").build();
		BotChatClient right = BotChatClient.builder().baseUrl(ark.baseUrl()).apiKey("right-key").build();

		ArkAuthenticationException ex = catchThrowableOfType(ArkAuthenticationException.class,
				() -> wrong.chat(question()));
		assertThat(ex.getStatusCode()).isEqualTo(401);
		assertThat(ex.getCode()).isEqualTo("AuthenticationError");
		assertThat(ex.getType()).isEqualTo("Unauthorized");
		assertThat(ex.getRequestId()).isNotBlank();
		assertThat(ex.getMessage()).doesNotContain("wrong-key").doesNotContain("right-key");
		assertThatExceptionOfType(ArkAuthenticationException.class).isThrownBy(() -> wrong.stream(question()));
		assertThat(right.chat(question()).content()).isEqualTo("Echo: q");
	}

	@Test
	void missingOrBlankBearerIsRefused() throws Exception {
		String body = BotChatStreamTests.streamBody("");
		for (String authorization : new String[] { null, "", "Bearer", "Bearer    ", "Basic dXNlcjpwYXNz", "k" }) {
			RawHttp.Response response = RawHttp.post(ark, BotChatClient.PATH, authorization, body);
			assertThat(response.status()).as(String.valueOf(authorization)).isEqualTo(401);
			JsonNode error = ArkJson.mapper().readTree(response.body()).path("error");
			assertThat(error.path("code").asString()).isEqualTo("AuthenticationError");
			assertThat(error.path("type").asString()).isEqualTo("Unauthorized");
		}
		assertThat(RawHttp.post(ark, BotChatClient.PATH, "bearer any", body).status()).isEqualTo(200);
	}

	@Test
	void keyIsCheckedBeforeTheConfiguredFailure() throws Exception {
		ark.botChat().fail(429, "ServerOverloaded", "busy");

		assertThat(RawHttp.post(ark, BotChatClient.PATH, null, BotChatStreamTests.streamBody("")).status())
			.isEqualTo(401);
	}

	@Test
	void requestsThatArkWouldRefuse() throws Exception {
		String user = "[{\"role\":\"user\",\"content\":\"hi\"}]";
		assertRefused("{\"messages\":" + user + "}", "MissingParameter", "model");
		assertRefused("{\"model\":\"  \",\"messages\":" + user + "}", "MissingParameter", "model");
		assertRefused("{\"model\":\"ep-20250101-abc\",\"messages\":" + user + "}", "InvalidParameter", "model");
		assertRefused("{\"model\":42,\"messages\":" + user + "}", "InvalidParameter", "model");
		assertRefused("{\"model\":\"" + BOT + "\"}", "MissingParameter", "messages");
		assertRefused("{\"model\":\"" + BOT + "\",\"messages\":[]}", "InvalidParameter", "messages");
		assertRefused("{\"model\":\"" + BOT + "\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}",
				"InvalidParameter", "messages[0].role");
		assertRefused("{\"model\":\"" + BOT + "\",\"messages\":" + user + ",\"stream\":\"yes\"}", "InvalidParameter",
				"stream");
		assertRefused("{\"model\":\"" + BOT + "\",\"messages\":" + user
				+ ",\"stream_options\":{\"include_usage\":true}}", "InvalidParameter", "stream_options");
		assertRefused("not json", "InvalidParameter", "");
		assertRefused("[1,2]", "InvalidParameter", "");
	}

	private static void assertRefused(String body, String code, String param) throws Exception {
		RawHttp.Response response = RawHttp.post(ark, BotChatClient.PATH, "Bearer k", body);
		assertThat(response.status()).as(body).isEqualTo(400);
		JsonNode error = ArkJson.mapper().readTree(response.body()).path("error");
		assertThat(error.path("code").asString()).as(body).isEqualTo(code);
		assertThat(error.path("param").asString()).as(body).isEqualTo(param);
		assertThat(error.path("type").asString()).isEqualTo("BadRequest");
		assertThat(error.path("message").asString()).endsWith("Request id: " + response.header("X-Request-Id"));
	}

	@Test
	void aNonBotModelFailsInTheClientAsBadRequest() {
		BotChatClient client = this.client;

		ArkBadRequestException ex = catchThrowableOfType(ArkBadRequestException.class,
				() -> client.chat(BotChatRequest.builder().bot("ep-20250101-abc").user("q").build()));

		assertThat(ex.getCode()).isEqualTo("InvalidParameter");
		assertThat(ex.getParam()).isEqualTo("model");
		assertThat(ex.getServerMessage()).contains("ep-20250101-abc");
	}

	@Test
	void unknownPathsAnswerAnArkShaped404() {
		BotChatClient wrongHost = BotChatClient.builder().baseUrl(ark.baseUrl() + "/proxy").apiKey("k").build();

		ArkNotFoundException ex = catchThrowableOfType(ArkNotFoundException.class,
				() -> wrongHost.chat(question()));

		assertThat(ex.getCode()).isEqualTo("NotFound");
		assertThat(ex.getServerMessage()).contains("POST /proxy/api/v3/bots/chat/completions");
		assertThat(ex.getRequestId()).isNotBlank();
	}

	@Test
	void aFailingAnswerFunctionAnswers500WithItsMessage() {
		ark.botChat().answer((request) -> {
			throw new IllegalStateException("no answer for " + request.path());
		});

		ArkServerException ex = catchThrowableOfType(ArkServerException.class, () -> this.client.chat(question()));

		assertThat(ex.getServerMessage()).contains("IllegalStateException: no answer for /api/v3/bots/chat/completions");
	}

	@Test
	void stubArgumentsAreChecked() {
		BotChatStub stub = ark.botChat();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> stub.fail(200, "x", "y"))
			.withMessageContaining("[400, 599]")
			.withMessageContaining("200");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> stub.chunkSize(0))
			.withMessageContaining("chunkSize");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> stub.chunkDelay(Duration.ofMillis(-1)));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> stub.truncateAfter(-1));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> stub.toolCall(" ", "f", "{}"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ark.requireApiKey(" "));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ArkMockServer.start(70000));
	}

}
