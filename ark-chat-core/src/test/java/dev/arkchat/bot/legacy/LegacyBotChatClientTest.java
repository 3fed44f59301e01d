package dev.arkchat.bot.legacy;

import java.time.Clock;
import dev.arkchat.http.RetrySettings;
import dev.arkchat.http.ArkTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.arkchat.ArkApiException;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkBadRequestException;
import dev.arkchat.ArkContentFilterException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.ArkServerException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.bot.BotUsage;
import dev.arkchat.bot.Reference;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ContentPart;
import dev.arkchat.chat.FinishReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link LegacyBotChatClient} and {@link LegacyBotChatTemplate} against a loopback v2 endpoint: the exact JSON sent,
 * parsing, stream merging and every way this API reports an error.
 */
class LegacyBotChatClientTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
		.build();

	static final String BOT = "bot-20250108123456-abcde";

	static final String CHAT = "/api/v2/bots/" + BOT + "/chat";

	final List<String> keysAskedFor = new CopyOnWriteArrayList<>();

	LegacyBotChatClient client;

	@BeforeEach
	void createClient() {
		ApiKeyProvider keys = (resourceId) -> {
			this.keysAskedFor.add(resourceId);
			return "temp-key-for-" + resourceId;
		};
		this.client = new LegacyBotChatClient(new ArkTransport(restClient(), Clock.systemUTC(), RetrySettings.NONE), keys);
	}

	static RestClient restClient() {
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://127.0.0.1:" + server.getPort())
			.build();
	}

	static final String BLOCKING_ANSWER = """
			{"req_id":"0217362-req","choices":[{"message":{"role":"assistant","content":"长城全长约两万一千公里。",
			"references":[{"url":"https://example.com/greatwall","site_name":"Example","title":"长城","summary":"s"},
			{"collection_name":"history","doc_id":"d-1","doc_name":"walls.pdf","chunk_id":"17"}]},
			"finish_reason":"stop","logprobs":{"token_logprobs":[-0.1,-0.25],"tokens":["长城","全长"],
			"top_logprobs":[{"长城":-0.1,"长":-2.3},{"全长":-0.25}]}}],
			"usage":{"model_usage":[{"name":"ep-20250101-x","prompt_tokens":20,"completion_tokens":12,"total_tokens":32}],
			"action_usage":[{"name":"web_search","search_count":2,"prompt_tokens":"100","completion_tokens":5,
			"total_tokens":105}]},"error":{"code":"","message":""}}
			""";

	@Test
	void sendsTheExactJsonWithEveryParameter() {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson(BLOCKING_ANSWER)));
		LegacyBotChatRequest request = LegacyBotChatRequest.builder()
			.bot(BOT)
			.system("You are brief.")
			.user("长城有多长？")
			.assistant("约两万公里。")
			.user("More precisely?")
			.maxNewTokens(512)
			.temperature(0.7)
			.topP(0.9)
			.topK(40)
			.repetitionPenalty(1.1)
			.logprobs(3)
			.logitBias("1024", -100)
			.logitBias("2048", 5.5)
			.extra("user_id", "u-1")
			.extra("scene", "test")
			.extraBody("custom_field", java.util.Map.of("a", 1))
			.build();

		this.client.chat(request);

		LoggedRequest sent = single();
		assertThat(sent.getBodyAsString()).isEqualTo("{\"messages\":[{\"role\":\"system\",\"content\":\"You are brief.\"},"
				+ "{\"role\":\"user\",\"content\":\"长城有多长？\"},{\"role\":\"assistant\",\"content\":\"约两万公里。\"},"
				+ "{\"role\":\"user\",\"content\":\"More precisely?\"}],\"stream\":false,"
				+ "\"parameters\":{\"max_new_tokens\":512,\"temperature\":0.7,\"top_p\":0.9,\"top_k\":40,"
				+ "\"repetition_penalty\":1.1,\"logprobs\":3,\"logit_bias\":{\"1024\":-100.0,\"2048\":5.5}},"
				+ "\"extra\":{\"user_id\":\"u-1\",\"scene\":\"test\"},\"custom_field\":{\"a\":1}}");
		assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer temp-key-for-" + BOT);
		assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
		assertThat(sent.getHeader("X-Client-Request-Id")).matches("\\d{14}[0-9A-Za-z]{20}");
		assertThat(this.keysAskedFor).containsExactly(BOT);
	}

	@Test
	void leavesOutParametersAndExtraWhenNoneAreSet() {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson(BLOCKING_ANSWER)));

		this.client.chat(LegacyBotChatRequest.builder().bot(BOT).user("hi").build());

		assertThat(single().getBodyAsString())
			.isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":false}");
	}

	@Test
	void parsesABlockingAnswer() {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson(BLOCKING_ANSWER)));

		LegacyBotChatResponse answer = this.client.chat(LegacyBotChatRequest.builder().bot(BOT).user("q").build());

		assertThat(answer.reqId()).isEqualTo("0217362-req");
		assertThat(answer.content()).isEqualTo("长城全长约两万一千公里。");
		assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(answer.choices().get(0).message().role()).isEqualTo("assistant");
		assertThat(answer.references()).hasSize(2);
		Reference web = answer.references().get(0);
		assertThat(web.url()).isEqualTo("https://example.com/greatwall");
		assertThat(web.siteName()).isEqualTo("Example");
		assertThat(web.isKnowledge()).isFalse();
		Reference knowledge = answer.references().get(1);
		assertThat(knowledge.isKnowledge()).isTrue();
		assertThat(knowledge.docName()).isEqualTo("walls.pdf");
		assertThat(knowledge.chunkId()).isEqualTo("17");
		LegacyBotChatResponse.Logprobs logprobs = answer.choices().get(0).logprobs();
		assertThat(logprobs.tokenLogprobs()).containsExactly(-0.1, -0.25);
		assertThat(logprobs.tokens()).containsExactly("长城", "全长");
		assertThat(logprobs.topLogprobs()).hasSize(2);
		assertThat(logprobs.topLogprobs().get(0).get("长").asDouble()).isEqualTo(-2.3);
		BotUsage usage = answer.usage();
		assertThat(usage.modelUsage()).containsExactly(new BotUsage.ModelUsage("ep-20250101-x", 20, 12, 32));
		BotUsage.ActionUsage action = usage.actionUsage().get(0);
		assertThat(action.name()).isEqualTo("web_search");
		assertThat(action.searchCount()).isEqualTo(2);
		assertThat(action.promptTokens()).isEqualTo(100);
		assertThat(action.totalTokens()).isEqualTo(105);
		assertThat(usage.totalTokens()).isEqualTo(32);
		assertThat(answer.hasError()).isFalse();
	}

	@Test
	void theResponseTypesWriteBackTheWireShape() {
		// a fake server can answer with these types: nothing but the wire fields is written
		LegacyBotChatResponse response = new LegacyBotChatResponse("r-1",
				List.of(new LegacyBotChatResponse.Choice(new LegacyBotChatResponse.Message("assistant", "hi", null),
						FinishReason.STOP, null)),
				new BotUsage(List.of(new BotUsage.ModelUsage(null, 1, 2, 3)), null, null),
				new LegacyBotError("InternalServiceError", 1709701L, "failed"));

		assertThat(dev.arkchat.http.ArkJson.mapper().writeValueAsString(response)).isEqualTo("{\"req_id\":\"r-1\","
				+ "\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"model_usage\":[{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}]},"
				+ "\"error\":{\"code\":\"InternalServiceError\",\"code_n\":1709701,\"message\":\"failed\"}}");
	}

	@Test
	void aZeroCodeNIsNoError() {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson("{\"req_id\":\"r\",\"choices\":[{\"message\":"
				+ "{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
				+ "\"error\":{\"code_n\":0,\"code\":\"\",\"message\":\"\"}}")));
		assertThat(this.client.chat(LegacyBotChatRequest.builder().bot(BOT).user("q").build()).content())
			.isEqualTo("ok");
	}

	static String sse(String... events) {
		StringBuilder sb = new StringBuilder();
		for (String event : events) {
			sb.append("data: ").append(event).append("\n\n");
		}
		return sb.toString();
	}

	static void stubStream(String body) {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(body)));
	}

	static final String CHUNK_1 = "{\"req_id\":\"r-s\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"长城\"},"
			+ "\"logprobs\":{\"token_logprobs\":[-0.1],\"tokens\":[\"长城\"],\"top_logprobs\":[{\"长城\":-0.1}]}}]}";

	static final String CHUNK_2 = "{\"req_id\":\"r-s\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"很长，\","
			+ "\"references\":[{\"url\":\"https://example.com/a\",\"title\":\"A\"}]},"
			+ "\"logprobs\":{\"token_logprobs\":[-0.3],\"tokens\":[\"很长，\"],\"top_logprobs\":[{\"很长，\":-0.3}]}}]}";

	static final String LAST_CHUNK = "{\"req_id\":\"r-s\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"约两万公里。\"},"
			+ "\"finish_reason\":\"stop\"}],\"usage\":{\"model_usage\":[{\"prompt_tokens\":9,\"completion_tokens\":6,"
			+ "\"total_tokens\":15}]},\"error\":{\"code\":\"\",\"message\":\"\"}}";

	@Test
	void streamsAndMergesTheChunks() {
		stubStream(sse(CHUNK_1, CHUNK_2, LAST_CHUNK, "[DONE]"));
		List<String> pieces = new ArrayList<>();

		LegacyBotChatResponse whole;
		try (LegacyBotChatStream stream = this.client.stream(LegacyBotChatRequest.builder().bot(BOT).user("q").build())) {
			stream.forEach((chunk) -> pieces.add(chunk.content()));
			whole = stream.completion();
			assertThat(stream.isFinished()).isTrue();
		}

		assertThat(pieces).containsExactly("长城", "很长，", "约两万公里。");
		assertThat(whole.reqId()).isEqualTo("r-s");
		assertThat(whole.content()).isEqualTo("长城很长，约两万公里。");
		assertThat(whole.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(whole.references()).extracting(Reference::url).containsExactly("https://example.com/a");
		assertThat(whole.usage().totalTokens()).isEqualTo(15);
		assertThat(whole.choices().get(0).logprobs().tokens()).containsExactly("长城", "很长，");
		assertThat(whole.choices().get(0).logprobs().tokenLogprobs()).containsExactly(-0.1, -0.3);
		assertThat(whole.choices().get(0).message().role()).isEqualTo("assistant");
		assertThat(whole.hasError()).isFalse();
		assertThat(single().getBodyAsString())
			.isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"stream\":true}");
	}

	@Test
	void aStreamMayEndAtTheChunkWithUsageWithoutDone() {
		stubStream(sse(CHUNK_1, LAST_CHUNK));
		try (LegacyBotChatStream stream = this.client.stream(LegacyBotChatRequest.builder().bot(BOT).user("q").build())) {
			assertThat(stream.completion().content()).isEqualTo("长城约两万公里。");
		}
	}

	@Test
	void readsAChunkWhoseMessageIsSentAsDelta() {
		stubStream(sse("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"片段\"}}]}", LAST_CHUNK,
				"[DONE]"));
		try (LegacyBotChatStream stream = this.client.stream(LegacyBotChatRequest.builder().bot(BOT).user("q").build())) {
			assertThat(stream.completion().content()).isEqualTo("片段约两万公里。");
		}
	}

	@Test
	void aStreamCutOffBeforeItsEndIsAnError() {
		stubStream(sse(CHUNK_1, CHUNK_2));
		try (LegacyBotChatStream stream = this.client.stream(LegacyBotChatRequest.builder().bot(BOT).user("q").build())) {
			ArkStreamException failure = catchThrowableOfType(ArkStreamException.class, stream::completion);
			assertThat(failure).hasMessageContaining("without its terminator");
			assertThat(((LegacyBotChatResponse) failure.getPartial()).content()).isEqualTo("长城很长，");
		}
	}

	@Test
	void anErrorInsideTheStreamIsRaisedWithItsCode() {
		stubStream(sse(CHUNK_1, CHUNK_2, "{\"req_id\":\"r-s\",\"choices\":[],\"error\":{\"code\":\"InternalServiceError\","
				+ "\"code_n\":1709701,\"message\":\"the model failed\"}}", "[DONE]"));
		List<String> pieces = new ArrayList<>();
		try (LegacyBotChatStream stream = this.client.stream(LegacyBotChatRequest.builder().bot(BOT).user("q").build())) {
			ArkStreamException failure = catchThrowableOfType(ArkStreamException.class,
					() -> stream.forEach((chunk) -> pieces.add(chunk.content())));

			assertThat(failure.getCode()).isEqualTo("InternalServiceError");
			assertThat(failure.getRequestId()).isEqualTo("r-s");
			assertThat(failure).hasMessage("Ark reported an error in the stream InternalServiceError: the model failed");
			assertThat(((LegacyBotChatResponse) failure.getPartial()).content()).isEqualTo("长城很长，");
			assertThat(stream.isClosed()).isTrue();
		}
		assertThat(pieces).containsExactly("长城", "很长，");
	}

	@Test
	void anErrorInsideTheStreamWithOnlyCodeNCarriesThatCode() {
		stubStream(sse(CHUNK_1, "{\"error\":{\"code_n\":1709702,\"message\":\"overloaded\"}}"));
		try (LegacyBotChatStream stream = this.client.stream(LegacyBotChatRequest.builder().bot(BOT).user("q").build())) {
			ArkStreamException failure = catchThrowableOfType(ArkStreamException.class, stream::completion);
			assertThat(failure.getCode()).isEqualTo("1709702");
			assertThat(failure.getRequestId()).isNull();
		}
	}

	@Test
	void anErrorInABlocking200IsRaised() {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson("{\"req_id\":\"r-200\",\"choices\":[],"
				+ "\"error\":{\"code\":\"SensitiveContentDetected\",\"message\":\"The input may contain sensitive content\"}}")));

		ArkApiException failure = catchThrowableOfType(ArkApiException.class,
				() -> this.client.chat(LegacyBotChatRequest.builder().bot(BOT).user("q").build()));

		assertThat(failure.getCode()).isEqualTo("SensitiveContentDetected");
		assertThat(failure.getRequestId()).isEqualTo("r-200");
		assertThat(failure.getStatusCode()).isEqualTo(200);
		assertThat(failure.getServerMessage()).isEqualTo("The input may contain sensitive content");
	}

	static Stream<Arguments> errorStatuses() {
		return Stream.of(
				Arguments.of(400, "{\"error\":{\"code\":\"InvalidParameter\",\"message\":\"bad messages\",\"param\":"
						+ "\"messages\",\"type\":\"BadRequest\"}}", ArkBadRequestException.class, "InvalidParameter"),
				Arguments.of(400, "{\"error\":{\"code\":\"SensitiveContentDetected\",\"message\":\"x\",\"type\":"
						+ "\"BadRequest\"}}", ArkContentFilterException.class, "SensitiveContentDetected"),
				Arguments.of(401, "{\"error\":{\"code\":\"AuthenticationError\",\"message\":\"the API key is "
						+ "invalid\",\"type\":\"Unauthorized\"}}", ArkAuthenticationException.class,
						"AuthenticationError"),
				Arguments.of(429, "{\"error\":{\"code\":\"RateLimitExceeded.EndpointRPMExceeded\",\"message\":"
						+ "\"slow down\",\"type\":\"TooManyRequests\"}}", ArkRateLimitException.class,
						"RateLimitExceeded.EndpointRPMExceeded"),
				Arguments.of(500, "{\"error\":{\"code\":\"InternalServiceError\",\"message\":\"oops\",\"type\":"
						+ "\"InternalServerError\"}}", ArkServerException.class, "InternalServiceError"));
	}

	@ParameterizedTest(name = "{0} {3} -> {2}")
	@MethodSource("errorStatuses")
	void mapsErrorStatusesForBlockingAndStreamedCalls(int status, String body, Class<? extends ArkApiException> type,
			String code) {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req-" + status)
			.withHeader("Retry-After", "7")
			.withBody(body)));
		LegacyBotChatRequest request = LegacyBotChatRequest.builder().bot(BOT).user("q").build();

		for (Runnable call : List.<Runnable>of(() -> this.client.chat(request),
				() -> this.client.stream(request).close())) {
			ArkApiException failure = catchThrowableOfType(ArkApiException.class, call::run);
			assertThat(failure).isInstanceOf(type);
			assertThat(failure.getStatusCode()).isEqualTo(status);
			assertThat(failure.getCode()).isEqualTo(code);
			assertThat(failure.getRequestId()).isEqualTo("req-" + status);
			if (failure instanceof ArkRateLimitException rateLimit) {
				assertThat(rateLimit.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
			}
		}
	}

	static Stream<Arguments> invalidRequests() {
		return Stream.of(
				invalid("parameters.temperature must be in (0, 1] but was 0.0", (b) -> b.temperature(0.0)),
				invalid("parameters.temperature must be in (0, 1] but was 1.5", (b) -> b.temperature(1.5)),
				invalid("parameters.top_p must be in [0, 1] but was -0.1", (b) -> b.topP(-0.1)),
				invalid("parameters.top_p must be in [0, 1] but was 1.01", (b) -> b.topP(1.01)),
				invalid("parameters.top_k must be at least 0 but was -1", (b) -> b.topK(-1)),
				invalid("parameters.max_new_tokens must be at least 1 but was 0", (b) -> b.maxNewTokens(0)),
				invalid("parameters.logprobs must be at least 0 but was -2", (b) -> b.logprobs(-2)),
				invalid("parameters.logit_bias[7] must be in [-100, 100] but was 101.0", (b) -> b.logitBias("7", 101)),
				invalid("parameters.repetition_penalty must be a finite number but was NaN",
						(b) -> b.repetitionPenalty(Double.NaN)),
				invalid("messages[1].role must be system, user or assistant on the v2 bot API but was tool",
						(b) -> b.message(ChatMessage.tool("call-1", "42"))),
				invalid("messages[1].content must be a string on the v2 bot API but was a list of content parts",
						(b) -> b.message(ChatMessage.user(ContentPart.text("look")))),
				invalid("bot_id must contain only letters, digits, '-', '_', '.' or '~' but was 'bot-1/../x'",
						(b) -> b.bot("bot-1/../x")));
	}

	static Arguments invalid(String message, Consumer<LegacyBotChatRequest.Builder> change) {
		return Arguments.of(message, change);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRequests")
	void rejectsInvalidRequestsBeforeSendingAnything(String message, Consumer<LegacyBotChatRequest.Builder> change) {
		LegacyBotChatRequest.Builder builder = LegacyBotChatRequest.builder().bot(BOT).user("q");
		change.accept(builder);
		LegacyBotChatRequest request = builder.build();

		assertThatIllegalArgumentException().isThrownBy(() -> this.client.chat(request)).withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.stream(request)).withMessage(message);
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		assertThat(this.keysAskedFor).isEmpty();
	}

	@Test
	void rejectsARequestWithoutMessagesOrBot() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.chat(LegacyBotChatRequest.builder().bot(BOT).build()))
			.withMessage("messages must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.chat(LegacyBotChatRequest.builder().user("q").build()))
			.withMessage("bot_id must be set: name a bot in the request or configure a default bot id");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void theTemplateSendsToTheDefaultBotUnlessTheRequestNamesOne() {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson(BLOCKING_ANSWER)));
		server.stubFor(post(urlEqualTo("/api/v2/bots/bot-other/chat")).willReturn(okJson(BLOCKING_ANSWER)));
		LegacyBotChatOperations bots = new LegacyBotChatTemplate(this.client, BOT);

		assertThat(bots.chat("长城有多长？").content()).isEqualTo("长城全长约两万一千公里。");
		bots.chat(LegacyBotChatRequest.builder().bot("bot-other").user("q").build());

		server.verify(1, postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson(
				"{\"messages\":[{\"role\":\"user\",\"content\":\"长城有多长？\"}],\"stream\":false}")));
		server.verify(1, postRequestedFor(urlEqualTo("/api/v2/bots/bot-other/chat")));
		assertThat(this.keysAskedFor).containsExactly(BOT, "bot-other");
		assertThatIllegalArgumentException().isThrownBy(() -> new LegacyBotChatTemplate(this.client, null).chat("q"))
			.withMessageContaining("no default bot is configured");
	}

	@Test
	void theTemplateStreamsFromTheDefaultBot() {
		server.stubFor(post(urlEqualTo(CHAT)).withRequestBody(equalToJson(
				"{\"messages\":[{\"role\":\"user\",\"content\":\"讲个故事\"}],\"stream\":true}"))
			.willReturn(aResponse().withStatus(200).withBody(sse(CHUNK_1, LAST_CHUNK, "[DONE]"))));
		LegacyBotChatOperations bots = new LegacyBotChatTemplate(this.client, BOT);
		try (LegacyBotChatStream stream = bots.stream("讲个故事")) {
			assertThat(stream.completion().content()).isEqualTo("长城约两万公里。");
		}
	}

	@Test
	void callsWithATemporaryKeyIssuedForTheBot() {
		Instant now = Instant.now();
		server.stubFor(post(urlEqualTo("/?Action=GetApiKey&Version=2024-01-01"))
			.withRequestBody(equalToJson("{\"DurationSeconds\":604800,\"ResourceType\":\"bot\",\"ResourceIds\":[\""
					+ BOT + "\"]}"))
			.willReturn(okJson("{\"ResponseMetadata\":{\"RequestId\":\"req-k\"},\"Result\":{\"ApiKey\":\"issued-1\","
					+ "\"ExpiredTime\":" + now.plus(Duration.ofDays(7)).getEpochSecond() + "}}")));
		server.stubFor(post(urlEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer issued-1"))
			.willReturn(okJson(BLOCKING_ANSWER)));
		TemporaryApiKeyProvider keys = TemporaryApiKeyProvider.builder()
			.credentials(VolcengineCredentials.of("AKLTlegacyTest0001", "c2VjcmV0"))
			.baseUrl("http://127.0.0.1:" + server.getPort())
			.build();
		LegacyBotChatClient temporary = LegacyBotChatClient.builder()
			.baseUrl("http://127.0.0.1:" + server.getPort())
			.apiKeyProvider(keys)
			.build();

		assertThat(temporary.chat(LegacyBotChatRequest.builder().bot(BOT).user("q").build()).content())
			.isEqualTo("长城全长约两万一千公里。");
		temporary.chat(LegacyBotChatRequest.builder().bot(BOT).user("again").build());

		server.verify(1, postRequestedFor(urlEqualTo("/?Action=GetApiKey&Version=2024-01-01")));
		server.verify(2, postRequestedFor(urlEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer issued-1")));
		assertThat(temporary.toString()).doesNotContain("issued-1").doesNotContain("c2VjcmV0");
	}

	@Test
	void theBuilderNeedsAKeySource() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> LegacyBotChatClient.builder().build())
			.withMessageContaining("apiKey(...), apiKeyProvider(...) or credentials(...)");
	}

	private static LoggedRequest single() {
		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(CHAT)));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
