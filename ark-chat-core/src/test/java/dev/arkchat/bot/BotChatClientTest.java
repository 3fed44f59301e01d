package dev.arkchat.bot;

import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.arkchat.ArkApiException;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkBadRequestException;
import dev.arkchat.ArkConnectionException;
import dev.arkchat.ArkContentFilterException;
import dev.arkchat.ArkNotFoundException;
import dev.arkchat.ArkPermissionException;
import dev.arkchat.ArkQuotaExceededException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.ArkServerException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.Fixtures;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.ToolCall;
import dev.arkchat.http.RetrySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotChatClientTest {

	private static final String BOT = "bot-20250101000000-abcde";

	private static WireMockServer server;

	private static BotChatClient client;

	@BeforeAll
	static void start() {
		server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		client = BotChatClient.builder().baseUrl(server.baseUrl()).apiKey("test-api-key")
			.transport((t) -> t.retry(RetrySettings.NONE))
			.build();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.resetAll();
	}

	private static void answer(String body) {
		server.stubFor(post(urlEqualTo(BotChatClient.PATH))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
	}

	private static void answerStream(String body) {
		server.stubFor(post(urlEqualTo(BotChatClient.PATH))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
	}

	@Test
	void blockingCallSendsExactRequestAndHeaders() {
		answer(Fixtures.raw("bot-chat-v3-nonstream-multiturn.doc.json"));

		client.chat(BotChatRequest.builder().bot(BOT).system("Be kind.").user("What is your name?").temperature(0.2)
			.build());

		server.verify(postRequestedFor(urlEqualTo(BotChatClient.PATH))
			.withHeader("Authorization", equalTo("Bearer test-api-key"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("X-Request-Bot", equalTo(BOT))
			.withHeader("X-Client-Request-Id", matching("\\d{14}[0-9A-Za-z]{20}"))
			.withRequestBody(equalToJson("""
					{"model":"bot-20250101000000-abcde","messages":[{"role":"system","content":"Be kind."},
					{"role":"user","content":"What is your name?"}],"temperature":0.2}""", false, false)));
	}

	@Test
	void webSearchAnswerWithReferencesAndActionDetailsIsParsed() {
		answer(Fixtures.withoutElisions("bot-chat-v3-nonstream-websearch-references.doc.txt"));

		BotChatCompletion completion = client.chat(BotChatRequest.builder().bot(BOT).user("杭州天气").build());

		assertThat(completion.id()).isEqualTo("02174410213780126458cc51545801ff6ffb59c94a55dae86c43b");
		assertThat(completion.model()).isEqualTo("doubao-1-5-pro-32k-250115");
		assertThat(completion.content()).startsWith("以下是杭州今天（2025年4月8日）的天气情况");
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		BotUsage usage = completion.botUsage();
		assertThat(usage.modelUsage()).singleElement().satisfies((m) -> {
			assertThat(m.name()).isEqualTo("doubao-1-5-pro-32k-250115");
			assertThat(m.promptTokens()).isEqualTo(1960);
			assertThat(m.completionTokens()).isEqualTo(99);
			assertThat(m.totalTokens()).isEqualTo(2059);
		});
		assertThat(usage.actionUsage()).singleElement().satisfies((a) -> {
			assertThat(a.actionName()).isEqualTo("content_plugin");
			assertThat(a.count()).isEqualTo(1);
		});
		BotUsage.ToolDetail tool = usage.actionDetails().get(0).toolDetails().get(0);
		assertThat(tool.name()).isEqualTo("search");
		assertThat(tool.input().path("queries").get(0).asString()).isEqualTo("杭州今天天气");
		assertThat(tool.output().path("data").path("data").path("results").get(0).path("publish_time").asInt())
			.isZero();
		assertThat(completion.references()).isNotEmpty();
		Reference first = completion.references().get(0);
		assertThat(first.url()).startsWith("https://");
		assertThat(first.title()).isNotBlank();
		assertThat(first.siteName()).isNotBlank();
		assertThat(first.publishTime()).isNotBlank();
		assertThat(first.isKnowledge()).isFalse();
	}

	@Test
	void groupChatAnswerEchoesMetadata() {
		answer(Fixtures.raw("bot-chat-v3-nonstream-groupchat.doc.json"));

		BotChatCompletion completion = client.chat(BotChatRequest.builder().bot(BOT).user("你是谁").build());

		assertThat(completion.reasoningContent()).startsWith("俺老孙乃是齐天大圣孙悟空");
		assertThat(completion.metadata().targetCharacterName()).isEqualTo("孙悟空");
		BotMetadata.GroupChatConfig config = completion.metadata().groupChatConfig();
		assertThat(config.userName()).isEqualTo("唐僧");
		assertThat(config.characters()).singleElement().satisfies((c) -> {
			assertThat(c.name()).isEqualTo("孙悟空");
			assertThat(c.modelDesc().endpointId()).isEqualTo("ep-20250703110544-ht42m");
		});
		assertThat(completion.botUsage().totalTokens()).isEqualTo(292);
		assertThat(completion.botUsage().actionUsage()).isEmpty();
	}

	@Test
	void multiTurnAnswerHasUsageOnlyInBotUsage() {
		answer(Fixtures.raw("bot-chat-v3-nonstream-multiturn.doc.json"));

		BotChatCompletion completion = client.chat(BotChatRequest.builder().bot(BOT).user("name?").build());

		assertThat(completion.usage()).isNull();
		assertThat(completion.botUsage().modelUsage()).singleElement().satisfies((m) -> {
			assertThat(m.name()).isNull();
			assertThat(m.totalTokens()).isEqualTo(322);
		});
		assertThat(completion.content()).contains("**Sophie**");
		assertThat(completion.choices().get(0).message().role()).isEqualTo(ChatRole.ASSISTANT);
	}

	@Test
	void printedStreamWithIncludeUsageMergesIntoOneCompletion() {
		answerStream(Fixtures.asEventStream("bot-chat-v3-stream-include-usage.doc.txt"));

		try (BotChatStream stream = client.stream(BotChatRequest.builder().bot(BOT).user("hi").includeUsage().build())) {
			List<BotChatChunk> chunks = stream.stream().toList();
			assertThat(chunks).hasSize(8);
			assertThat(chunks.get(7).choices()).isEmpty();
			BotChatCompletion completion = stream.completion();
			assertThat(completion.reasoningContent()).isEqualTo("Ah,.\n");
			assertThat(completion.content()).isEqualTo("\nHello 😊");
			assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
			assertThat(completion.botUsage().totalTokens()).isEqualTo(210);
			assertThat(completion.id()).isEqualTo("0217518925181918b15924cfe8caf3be8175ae89769e0203c419c");
			assertThat(completion.model()).isEqualTo("deepseek-r1-250528");
		}
		server.verify(postRequestedFor(urlEqualTo(BotChatClient.PATH))
			.withHeader("Accept", matching("text/event-stream.*"))
			.withRequestBody(equalToJson("""
					{"model":"bot-20250101000000-abcde","messages":[{"role":"user","content":"hi"}],"stream":true,
					"stream_options":{"include_usage":true}}""")));
	}

	@Test
	void recordedStreamWithReasoningThenWholeToolCallsIsMerged() {
		answerStream(Fixtures.raw("ark-stream-reasoning-then-tool-calls.thirdparty.sse"));

		try (BotChatStream stream = client.stream(BotChatRequest.builder().bot(BOT).user("weather").build())) {
			BotChatCompletion completion = stream.completion();
			assertThat(completion.reasoningContent()).startsWith("用户需要获取北京和洛阳的当前天气");
			assertThat(completion.content()).isEmpty();
			assertThat(completion.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
			assertThat(completion.toolCalls()).hasSize(2);
			ToolCall first = completion.toolCalls().get(0);
			assertThat(first.id()).isNotBlank();
			assertThat(first.name()).isNotBlank();
			assertThat(first.arguments()).contains("北京");
			assertThat(completion.toolCalls().get(1).arguments()).contains("洛阳");
			assertThat(completion.usage()).isNull();
		}
	}

	@Test
	void toolCallFragmentsAreJoinedPerIndex() {
		answerStream("""
				data: {"id":"r1","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}}]}}]}

				data: {"id":"r1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"ci"}}]}}]}

				data: {"id":"r1","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":null}}]}}]}

				data: {"id":"r1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_a","function":{"arguments":"ty\\":\\"北京\\"}"}}]}}]}

				data: {"id":"r1","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{}"}}]},"finish_reason":"tool_calls"}]}

				data: [DONE]

				""");

		try (BotChatStream stream = client.stream(BotChatRequest.builder().bot(BOT).user("weather").build())) {
			List<ToolCall> calls = stream.completion().toolCalls();
			assertThat(calls).extracting(ToolCall::id).containsExactly("call_a", "call_b");
			assertThat(calls).extracting(ToolCall::name).containsExactly("get_weather", "get_time");
			assertThat(calls).extracting(ToolCall::arguments).containsExactly("{\"city\":\"北京\"}", "{}");
		}
	}

	@Test
	void referencesAndUsageOnLaterChunksReachTheCompletion() {
		answerStream("""
				data: {"id":"r2","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hang"}}]}

				data: {"id":"r2","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"zhou"},"finish_reason":"stop"}],"references":[{"url":"https://a.example","title":"A","site_name":"a"}]}

				data: {"id":"r2","model":"m","choices":[],"references":[{"collection_name":"kb","doc_id":"d1","doc_name":"guide.pdf","chunk_id":"17","chunk_title":"Intro","page_nums":"3","origin_text_token_len":120,"file_name":"guide.pdf"}],"bot_usage":{"model_usage":[{"name":"ep-1","prompt_tokens":"5","completion_tokens":2,"total_tokens":7}],"action_usage":[{"name":"web","search_count":1,"prompt_tokens":"3","completion_tokens":0,"total_tokens":3}]}}

				data: [DONE]

				""");

		try (BotChatStream stream = client.stream(BotChatRequest.builder().bot(BOT).user("where").build())) {
			BotChatCompletion completion = stream.completion();
			assertThat(completion.content()).isEqualTo("Hangzhou");
			assertThat(completion.references()).hasSize(2);
			assertThat(completion.references().get(1).isKnowledge()).isTrue();
			assertThat(completion.references().get(1).chunkId()).isEqualTo("17");
			assertThat(completion.botUsage().promptTokens()).isEqualTo(5);
			assertThat(completion.botUsage().actionUsage().get(0).promptTokens()).isEqualTo(3);
			assertThat(completion.botUsage().actionUsage().get(0).searchCount()).isEqualTo(1);
		}
	}

	@Test
	void errorEventInsideAStreamRaisesWithCodeAndPartialAnswer() {
		answerStream("""
				data: {"id":"r3","choices":[{"index":0,"delta":{"role":"assistant","content":"Half an"}}]}

				data: {"error":{"code":"InternalServiceError","message":"The service encountered an unexpected internal error. Request id: 0217abc","type":"InternalServerError"}}

				data: [DONE]

				""");

		BotChatStream stream = client.stream(BotChatRequest.builder().bot(BOT).user("x").build());
		assertThatThrownBy(() -> stream.forEach((chunk) -> {
		})).isInstanceOfSatisfying(ArkStreamException.class, (ex) -> {
			assertThat(ex.getCode()).isEqualTo("InternalServiceError");
			assertThat(ex.getRequestId()).isEqualTo("0217abc");
			assertThat(((BotChatCompletion) ex.getPartial()).content()).isEqualTo("Half an");
		});
		assertThat(stream.isClosed()).isTrue();
	}

	@Test
	void streamThatEndsWithoutDoneIsAnErrorNotAnEnd() {
		answerStream("""
				data: {"id":"r4","choices":[{"index":0,"delta":{"role":"assistant","content":"cut"}}]}

				""");

		try (BotChatStream stream = client.stream(BotChatRequest.builder().bot(BOT).user("x").build())) {
			assertThatThrownBy(stream::completion).isInstanceOf(ArkStreamException.class)
				.hasMessageContaining("[DONE]");
		}
	}

	@Test
	void malformedEventIsAStreamError() {
		answerStream("data: {\"id\":\"r5\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\ndata: {not json\n\n");

		try (BotChatStream stream = client.stream(BotChatRequest.builder().bot(BOT).user("x").build())) {
			assertThatThrownBy(stream::completion).isInstanceOf(ArkStreamException.class)
				.hasMessageContaining("could not be decoded");
		}
	}

	@Test
	void pingCommentsAndUnknownFieldsAreTolerated() {
		answerStream("""
				: ping

				data: {"id":"r6","brand_new_field":{"x":1},"choices":[{"index":0,"delta":{"role":"assistant","content":"ok","new_delta_field":true},"finish_reason":"some_future_reason"}]}

				: ping

				data: [DONE]

				""");

		try (BotChatStream stream = client.stream(BotChatRequest.builder().bot(BOT).user("x").build())) {
			BotChatCompletion completion = stream.completion();
			assertThat(completion.content()).isEqualTo("ok");
			assertThat(completion.finishReason().value()).isEqualTo("some_future_reason");
		}
	}

	static Stream<Arguments> errors() {
		return Stream.of(
				Arguments.of(400, "InvalidParameter", "BadRequest", ArkBadRequestException.class),
				Arguments.of(400, "SensitiveContentDetected.SevereViolation", "BadRequest",
						ArkContentFilterException.class),
				Arguments.of(401, "AuthenticationError", "Unauthorized", ArkAuthenticationException.class),
				Arguments.of(403, "AccountOverdueError", "Forbidden", ArkPermissionException.class),
				Arguments.of(404, "InvalidEndpointOrModel.NotFound", "NotFound", ArkNotFoundException.class),
				Arguments.of(429, "RateLimitExceeded.EndpointRPMExceeded", "TooManyRequests",
						ArkRateLimitException.class),
				Arguments.of(429, "AccountQuotaExceeded", "TooManyRequests", ArkQuotaExceededException.class),
				Arguments.of(500, "InternalServiceError", "InternalServerError", ArkServerException.class));
	}

	@ParameterizedTest
	@MethodSource("errors")
	void errorStatusesMapToTypedExceptionsWithCodeAndRequestId(int status, String code, String type,
			Class<? extends ArkApiException> expected) {
		server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req-" + status)
			.withHeader("Retry-After", "7")
			.withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"Something. Request id: req-" + status
					+ "\",\"param\":\"messages\",\"type\":\"" + type + "\"}}")));

		BotChatRequest request = BotChatRequest.builder().bot(BOT).user("x").build();
		assertThatThrownBy(() -> client.chat(request)).isExactlyInstanceOf(expected)
			.isInstanceOfSatisfying(ArkApiException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(status);
				assertThat(ex.getCode()).isEqualTo(code);
				assertThat(ex.getType()).isEqualTo(type);
				assertThat(ex.getParam()).isEqualTo("messages");
				assertThat(ex.getRequestId()).isEqualTo("req-" + status);
				assertThat(ex.getMessage()).contains(String.valueOf(status)).contains(code);
			});
		// the same error before a stream starts
		assertThatThrownBy(() -> client.stream(request)).isExactlyInstanceOf(expected);
	}

	@Test
	void rateLimitCarriesRetryAfter() {
		server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "12")
			.withBody("{\"error\":{\"code\":\"ServerOverloaded\",\"message\":\"busy\"}}")));

		assertThatThrownBy(() -> client.chat(BotChatRequest.builder().bot(BOT).user("x").build()))
			.isInstanceOfSatisfying(ArkRateLimitException.class,
					(ex) -> assertThat(ex.getRetryAfter()).hasSeconds(12));
	}

	@Test
	void thirdPartyErrorBodiesMapByCode() {
		List<String> bodies = Fixtures.raw("ark-error-bodies.thirdparty.txt").lines()
			.filter((line) -> line.startsWith("{"))
			.toList();
		int[] statuses = { 429, 429, 429, 404, 403 };
		List<Class<?>> types = List.of(ArkQuotaExceededException.class, ArkRateLimitException.class,
				ArkQuotaExceededException.class, ArkNotFoundException.class, ArkPermissionException.class);
		for (int i = 0; i < bodies.size(); i++) {
			server.stubFor(post(urlEqualTo(BotChatClient.PATH))
				.willReturn(aResponse().withStatus(statuses[i]).withBody(bodies.get(i))));
			int index = i;
			assertThatThrownBy(() -> client.chat(BotChatRequest.builder().bot(BOT).user("x").build()))
				.as(bodies.get(i))
				.isExactlyInstanceOf(types.get(index));
		}
		// "Request id: 021775..." in the message is the request id when no header carries one
		server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse().withStatus(429).withBody(bodies.get(0))));
		assertThatThrownBy(() -> client.chat(BotChatRequest.builder().bot(BOT).user("x").build()))
			.isInstanceOfSatisfying(ArkApiException.class, (ex) -> assertThat(ex.getRequestId())
				.isEqualTo("021775028605020933bcb8fff5a6e275f05e6439785ee7938e92d"));
	}

	@Test
	void nonJsonErrorBodyStillGivesATypedException() {
		server.stubFor(post(urlEqualTo(BotChatClient.PATH))
			.willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
		assertThatThrownBy(() -> client.chat(BotChatRequest.builder().bot(BOT).user("x").build()))
			.isInstanceOfSatisfying(ArkServerException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(502);
				assertThat(ex.getServerMessage()).contains("Bad Gateway");
			});
	}

	@Test
	void connectionResetBecomesAConnectionException() {
		server.stubFor(post(urlEqualTo(BotChatClient.PATH))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatThrownBy(() -> client.chat(BotChatRequest.builder().bot(BOT).user("x").build()))
			.isInstanceOf(ArkConnectionException.class);
	}

	@Test
	void apiKeyNeverAppearsInToString() {
		assertThat(client.toString()).doesNotContain("test-api-key");
	}

}
