package dev.arkchat.test;

import java.util.ArrayList;
import java.util.List;

import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkNotFoundException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.bot.BotUsage;
import dev.arkchat.bot.Reference;
import dev.arkchat.bot.legacy.LegacyBotChatClient;
import dev.arkchat.bot.legacy.LegacyBotChatRequest;
import dev.arkchat.bot.legacy.LegacyBotChatResponse;
import dev.arkchat.bot.legacy.LegacyBotChatStream;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.http.ArkJson;
import dev.arkchat.http.RetrySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static dev.arkchat.test.BotChatBlockingTests.knowledgeChunk;
import static dev.arkchat.test.BotChatBlockingTests.webPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fake's legacy bot chat v2, driven by core's real {@link LegacyBotChatClient}, and by raw HTTP for what that
 * client would refuse to send.
 */
class LegacyBotChatTests {

	static final String BOT = "bot-20250101000000-legacy";

	static final String PATH = "/api/v2/bots/" + BOT + "/chat";

	static ArkMockServer ark;

	LegacyBotChatClient client;

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
		this.client = LegacyBotChatClient.builder()
			.baseUrl(ark.baseUrl())
			.apiKey("k")
			.transport((t) -> t.retry(RetrySettings.NONE))
			.build();
	}

	static LegacyBotChatRequest question(String text) {
		return LegacyBotChatRequest.builder().bot(BOT).user(text).build();
	}

	@Test
	void answersABlockingCallWithTextReferencesAndUsage() {
		Reference page = webPage("https://example.com/wall", "The wall");
		Reference chunk = knowledgeChunk("walls", "7");
		ark.legacyBotChat().answer("About 21,196 km.").reference(page).reference(chunk).usage("ep-1", 12, 6);

		LegacyBotChatResponse answer = this.client.chat(question("How long is the Great Wall?"));

		assertThat(answer.content()).isEqualTo("About 21,196 km.");
		assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(answer.references()).containsExactly(page, chunk);
		assertThat(answer.usage().modelUsage()).containsExactly(new BotUsage.ModelUsage("ep-1", 12, 6, 18));
		assertThat(answer.reqId()).matches("02\\d{13}[0-9a-f]{38}");
		assertThat(answer.hasError()).isFalse();
		RecordedRequest sent = ark.requests().get(0);
		assertThat(sent.path()).isEqualTo(PATH);
		assertThat(sent.bodyJson()).isEqualTo(ArkJson.mapper()
			.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"How long is the Great Wall?\"}],"
					+ "\"stream\":false}"));
	}

	@Test
	void echoesTheLastUserMessageAndEstimatesUsageByDefault() {
		LegacyBotChatResponse answer = this.client.chat(LegacyBotChatRequest.builder()
			.bot(BOT)
			.system("Be brief.")
			.user("first question")
			.assistant("first answer")
			.user("second")
			.build());

		assertThat(answer.content()).isEqualTo("Echo: second");
		// (9 + 14 + 12 + 6 code points) / 4, each rounded up: 3 + 4 + 3 + 2; the answer: 12 / 4
		assertThat(answer.usage().promptTokens()).isEqualTo(12);
		assertThat(answer.usage().completionTokens()).isEqualTo(3);
	}

	@Test
	void streamsTheAnswerInPiecesWithUsageOnTheLastChunkOnly() throws Exception {
		ark.legacyBotChat().answer("长城很长，约两万公里。").chunkSize(3).usage(5, 4).reference(webPage("https://e.com", "E"));
		List<LegacyBotChatResponse> chunks = new ArrayList<>();

		LegacyBotChatResponse whole;
		try (LegacyBotChatStream stream = this.client.stream(question("长城多长？"))) {
			stream.forEach(chunks::add);
			whole = stream.completion();
		}

		assertThat(chunks).extracting(LegacyBotChatResponse::content).containsExactly("长城很", "长，约", "两万公", "里。");
		assertThat(chunks.subList(0, 3)).allSatisfy((chunk) -> {
			assertThat(chunk.usage()).isNull();
			assertThat(chunk.finishReason()).isNull();
			assertThat(chunk.references()).isEmpty();
		});
		assertThat(chunks.get(3).usage().promptTokens()).isEqualTo(5);
		assertThat(chunks.get(3).finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(whole.content()).isEqualTo("长城很长，约两万公里。");
		assertThat(whole.references()).hasSize(1);
		assertThat(whole.usage().completionTokens()).isEqualTo(4);
		assertThat(ark.requests().get(0).bodyJson().get("stream").asBoolean()).isTrue();

		RawHttp.Response raw = RawHttp.post(ark, PATH, "Bearer k",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}");
		assertThat(raw.header("Content-Type")).startsWith("text/event-stream");
		List<String> data = SseEvents.data(raw.body());
		assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
		JsonNode last = ArkJson.mapper().readTree(data.get(data.size() - 2));
		assertThat(last.get("choices").get(0).get("message").get("role").asString()).isEqualTo("assistant");
		assertThat(last.has("usage")).isTrue();
	}

	@Test
	void anErrorMidStreamArrivesAsA200ChunkAndRaisesItsCode() throws Exception {
		ark.legacyBotChat().answer("abcdefgh").chunkSize(2).errorMidStream(2, "InternalServiceError", 1709701L, "Boom");
		List<String> received = new ArrayList<>();

		ArkStreamException failure;
		try (LegacyBotChatStream stream = this.client.stream(question("q"))) {
			failure = catchThrowableOfType(ArkStreamException.class,
					() -> stream.forEach((chunk) -> received.add(chunk.content())));
		}

		assertThat(received).containsExactly("ab", "cd");
		assertThat(failure.getCode()).isEqualTo("InternalServiceError");
		assertThat(failure.getMessage()).contains("Boom");
		assertThat(((LegacyBotChatResponse) failure.getPartial()).content()).isEqualTo("abcd");

		RawHttp.Response raw = RawHttp.post(ark, PATH, "Bearer k",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"stream\":true}");
		assertThat(raw.status()).isEqualTo(200);
		List<String> data = SseEvents.data(raw.body());
		assertThat(data).hasSize(3).doesNotContain("[DONE]");
		JsonNode error = ArkJson.mapper().readTree(data.get(2)).get("error");
		assertThat(error.get("code").asString()).isEqualTo("InternalServiceError");
		assertThat(error.get("code_n").longValue()).isEqualTo(1709701L);
		assertThat(error.get("message").asString()).isEqualTo("Boom");
	}

	@Test
	void aBlockingCallStillAnswersWhenOnlyStreamsFail() {
		ark.legacyBotChat().answer("whole").errorMidStream(0, "InternalServiceError", "Boom");

		assertThat(this.client.chat(question("q")).content()).isEqualTo("whole");
	}

	@Test
	void aTruncatedStreamIsNotANormalEnd() {
		ark.legacyBotChat().answer("abcdefgh").chunkSize(2).truncateAfter(2);

		try (LegacyBotChatStream stream = this.client.stream(question("q"))) {
			assertThatExceptionOfType(ArkStreamException.class).isThrownBy(stream::completion);
		}
	}

	@Test
	void failAnswersAnErrorStatusBeforeAnyStream() {
		ark.legacyBotChat().fail(429, "RateLimitExceeded.EndpointRPMExceeded", "Slow down").retryAfter("3");

		ArkRateLimitException blocking = catchThrowableOfType(ArkRateLimitException.class,
				() -> this.client.chat(question("q")));
		ArkRateLimitException streamed = catchThrowableOfType(ArkRateLimitException.class,
				() -> this.client.stream(question("q")).close());

		assertThat(blocking.getCode()).isEqualTo("RateLimitExceeded.EndpointRPMExceeded");
		assertThat(blocking.getRetryAfter()).hasSeconds(3);
		assertThat(streamed.getCode()).isEqualTo("RateLimitExceeded.EndpointRPMExceeded");
	}

	@Test
	void anUnknownBotCanBeSimulated() {
		ark.legacyBotChat().fail(404, "InvalidEndpointOrModel.NotFound", "No such bot");

		assertThatExceptionOfType(ArkNotFoundException.class).isThrownBy(() -> this.client.chat(question("q")));
	}

	@Test
	void refusesAMissingKey() throws Exception {
		RawHttp.Response answer = RawHttp.post(ark, PATH, null,
				"{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(ArkJson.mapper().readTree(answer.body()).at("/error/code").asString())
			.isEqualTo("AuthenticationError");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{}|MissingParameter|messages",
			"{\"messages\":[]}|InvalidParameter|messages",
			"{\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}|InvalidParameter|messages[0].role",
			"{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}|InvalidParameter|"
					+ "messages[0].content",
			"{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"stream\":\"yes\"}|InvalidParameter|stream",
			"{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"parameters\":{\"temperature\":0}}|"
					+ "InvalidParameter|parameters.temperature",
			"{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"parameters\":{\"top_p\":1.5}}|"
					+ "InvalidParameter|parameters.top_p",
			"{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"parameters\":{\"logprobs\":true}}|"
					+ "InvalidParameter|parameters.logprobs",
			"{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"extra\":{\"n\":1}}|InvalidParameter|extra.n" })
	void refusesARequestThatBreaksARule(String body, String code, String param) throws Exception {
		RawHttp.Response answer = RawHttp.post(ark, PATH, "Bearer k", body);

		assertThat(answer.status()).isEqualTo(400);
		JsonNode error = ArkJson.mapper().readTree(answer.body()).get("error");
		assertThat(error.get("code").asString()).isEqualTo(code);
		assertThat(error.get("param").asString()).isEqualTo(param);
	}

	@Test
	void refusesAPathThatNamesNoBot() throws Exception {
		RawHttp.Response answer = RawHttp.post(ark, "/api/v2/bots/ep-123/chat", "Bearer k",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(ArkJson.mapper().readTree(answer.body()).at("/error/param").asString()).isEqualTo("bot_id");
	}

	@Test
	void acceptsTheTemporaryKeyIssuedForTheBot() {
		ark.requireCredentials(GetApiKeyTests.ACCESS_KEY, GetApiKeyTests.SECRET_KEY).requireApiKey("console-key");
		TemporaryApiKeyProvider keys = TemporaryApiKeyProvider.builder()
			.credentials(GetApiKeyTests.ACCESS_KEY, GetApiKeyTests.SECRET_KEY)
			.baseUrl(ark.baseUrl())
			.restClientBuilder(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()))
			.build();
		LegacyBotChatClient client = LegacyBotChatClient.builder()
			.baseUrl(ark.baseUrl())
			.apiKeyProvider(keys)
			.transport((t) -> t.retry(RetrySettings.NONE))
			.build();

		assertThat(client.chat(question("hi")).content()).isEqualTo("Echo: hi");
		try (LegacyBotChatStream stream = client.stream(question("again"))) {
			assertThat(stream.completion().content()).isEqualTo("Echo: again");
		}

		String issued = ark.issuedKeys().get(0).apiKey();
		assertThat(ark.issuedKeys()).hasSize(1);
		assertThat(ark.requests()).filteredOn((request) -> request.path().equals(PATH))
			.hasSize(2)
			.allSatisfy((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + issued));
		// the key is valid for its own bot only
		LegacyBotChatClient misused = LegacyBotChatClient.builder()
			.baseUrl(ark.baseUrl())
			.apiKey(issued)
			.transport((t) -> t.retry(RetrySettings.NONE))
			.build();
		assertThatExceptionOfType(ArkAuthenticationException.class).isThrownBy(() -> misused
			.chat(LegacyBotChatRequest.builder().bot("bot-20250101000000-other").user("hi").build()));
	}

}
