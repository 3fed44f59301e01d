package dev.arkchat.test;

import java.util.ArrayList;
import java.util.List;

import dev.arkchat.bot.BotChatChunk;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatCompletion;
import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.bot.BotChatStream;
import dev.arkchat.bot.BotUsage;
import dev.arkchat.bot.Reference;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.ToolCall;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.arkchat.test.BotChatBlockingTests.BOT;
import static org.assertj.core.api.Assertions.assertThat;

class BotChatStreamTests {

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

	static BotChatRequest question(String text) {
		return BotChatRequest.builder().bot(BOT).user(text).build();
	}

	@Test
	void streamMergesToTheConfiguredAnswer() {
		Reference page = BotChatBlockingTests.webPage("https://example.com", "Example");
		ark.botChat()
			.answer("Hello, world! How are you?")
			.reasoning("Greet back.")
			.model("deepseek-r1-250528")
			.botUsage(7, 11)
			.reference(page);

		BotChatCompletion merged;
		List<BotChatChunk> chunks = new ArrayList<>();
		try (BotChatStream stream = this.client.stream(question("hi"))) {
			stream.forEach(chunks::add);
			merged = stream.completion();
		}

		assertThat(merged.content()).isEqualTo("Hello, world! How are you?");
		assertThat(merged.reasoningContent()).isEqualTo("Greet back.");
		assertThat(merged.model()).isEqualTo("deepseek-r1-250528");
		assertThat(merged.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(merged.references()).containsExactly(page);
		assertThat(merged.botUsage().modelUsage())
			.containsExactly(new BotUsage.ModelUsage("deepseek-r1-250528", 7, 11, 18));
		// "Greet back." is 11 code points (3 pieces of 4), the answer 26 (7 pieces)
		assertThat(chunks).hasSize(10);
		assertThat(chunks.subList(0, 3)).allSatisfy((chunk) -> assertThat(chunk.content()).isEmpty());
		assertThat(chunks.get(3).content()).isEqualTo("Hell");
		assertThat(chunks).extracting(BotChatChunk::id).containsOnly(merged.id());
	}

	@Test
	void chineseAndEmojiSurviveChunkBoundaries() {
		String text = "你好😊世界🌍！Grüße 👩‍👩‍👧 ok";
		ark.botChat().answer(text).reasoning("思考🤔中").chunkSize(1);

		List<String> pieces = new ArrayList<>();
		BotChatCompletion merged;
		try (BotChatStream stream = this.client.stream(question("hi"))) {
			stream.forEach((chunk) -> pieces.add(chunk.content()));
			merged = stream.completion();
		}

		assertThat(merged.content()).isEqualTo(text);
		assertThat(merged.reasoningContent()).isEqualTo("思考🤔中");
		assertThat(pieces).contains("😊", "🌍", "！").doesNotContain("\uD83D");
		assertThat(pieces.stream().filter((p) -> !p.isEmpty()))
			.allSatisfy((piece) -> assertThat(piece.codePointCount(0, piece.length())).isEqualTo(1));
	}

	@Test
	void toolCallsStreamAsFragmentsAndMergeWhole() throws Exception {
		ark.botChat()
			.reasoning("需要天气")
			.toolCall("call_a", "get_weather", "{\"city\":\"北京\"}")
			.toolCall("call_b", "get_time", "{\"zone\":\"Asia/Shanghai\"}");

		BotChatCompletion merged;
		try (BotChatStream stream = this.client.stream(question("weather?"))) {
			merged = stream.completion();
		}
		assertThat(merged.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(merged.content()).isEmpty();
		assertThat(merged.toolCalls()).extracting(ToolCall::id, ToolCall::name, ToolCall::arguments)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("call_a", "get_weather", "{\"city\":\"北京\"}"),
					org.assertj.core.groups.Tuple.tuple("call_b", "get_time", "{\"zone\":\"Asia/Shanghai\"}"));

		List<JsonNode> events = SseEvents.chunks(RawHttp.post(ark, BotChatClient.PATH, "Bearer k", streamBody("")));
		List<JsonNode> fragments = events.stream()
			.map((event) -> event.at("/choices/0/delta/tool_calls/0"))
			.filter((fragment) -> !fragment.isMissingNode())
			.toList();
		assertThat(fragments.get(0)).isEqualTo(ArkJson.mapper()
			.readTree("{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
					+ "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}"));
		assertThat(fragments.get(1))
			.isEqualTo(ArkJson.mapper().readTree("{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}"));
		assertThat(fragments).filteredOn((f) -> f.has("id")).extracting((f) -> f.path("index").asInt())
			.containsExactly(0, 1);
		assertThat(fragments).filteredOn((f) -> !f.has("id"))
			.allSatisfy((f) -> assertThat(f.propertyNames()).containsExactlyInAnyOrder("index", "function"));
		JsonNode last = events.get(events.size() - 1);
		assertThat(last.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
		assertThat(last.at("/choices/0/delta/tool_calls/0/index").asInt()).isEqualTo(1);
	}

	@Test
	void eventsLookLikeArks() throws Exception {
		ark.botChat().answer("abcdefgh").reasoning("xyz").reference(BotChatBlockingTests.webPage("https://a", "A"));

		RawHttp.Response response = RawHttp.post(ark, BotChatClient.PATH, "Bearer k",
				streamBody(",\"metadata\":{\"user_info\":\"{}\"}"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/event-stream");
		assertThat(response.body()).endsWith("data: [DONE]\n\n");
		List<JsonNode> events = SseEvents.chunks(response);
		assertThat(events).hasSize(3);
		String id = events.get(0).path("id").asString();
		assertThat(response.header("X-Request-Id")).isEqualTo(id);
		for (JsonNode event : events) {
			assertThat(event.path("object").asString()).isEqualTo("chat.completion.chunk");
			assertThat(event.path("id").asString()).isEqualTo(id);
			assertThat(event.at("/choices/0/delta/role").asString()).isEqualTo("assistant");
			assertThat(event.at("/metadata/user_info").asString()).isEqualTo("{}");
		}
		assertThat(events.get(0).at("/choices/0/delta/reasoning_content").asString()).isEqualTo("xyz");
		assertThat(events.get(0).at("/choices/0/delta/content").asString()).isEmpty();
		assertThat(events.get(1).at("/choices/0/delta/content").asString()).isEqualTo("abcd");
		assertThat(events.get(1).at("/choices/0/finish_reason").isMissingNode()).isTrue();
		assertThat(events.get(1).has("bot_usage")).isFalse();
		assertThat(events.get(1).has("references")).isFalse();
		JsonNode last = events.get(2);
		assertThat(last.at("/choices/0/delta/content").asString()).isEqualTo("efgh");
		assertThat(last.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(last.at("/references/0/url").asString()).isEqualTo("https://a");
		assertThat(last.at("/bot_usage/model_usage/0/total_tokens").asInt()).isPositive();
	}

	@Test
	void includeUsageAddsAFinalChunkWithoutChoices() throws Exception {
		ark.botChat().answer("abcdefgh").botUsage(35, 175);

		List<JsonNode> events = SseEvents.chunks(RawHttp.post(ark, BotChatClient.PATH, "Bearer k",
				streamBody(",\"stream_options\":{\"include_usage\":true}")));

		assertThat(events).hasSize(3);
		assertThat(events.get(1).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(events.get(1).has("bot_usage")).as("usage moves to the final chunk").isFalse();
		JsonNode usageChunk = events.get(2);
		assertThat(usageChunk.path("choices").isArray() && usageChunk.path("choices").isEmpty()).isTrue();
		assertThat(usageChunk.path("bot_usage")).isEqualTo(ArkJson.mapper()
			.readTree("{\"model_usage\":[{\"name\":\"" + BotChatStub.DEFAULT_MODEL + "\",\"prompt_tokens\":35,"
					+ "\"completion_tokens\":175,\"total_tokens\":210}],\"action_usage\":[],\"action_details\":[]}"));

		List<BotChatChunk> chunks = new ArrayList<>();
		BotChatCompletion merged;
		try (BotChatStream stream = this.client.stream(BotChatRequest.builder().bot(BOT).user("q").includeUsage().build())) {
			stream.forEach(chunks::add);
			merged = stream.completion();
		}
		assertThat(chunks.get(chunks.size() - 1).choices()).isEmpty();
		assertThat(chunks.get(chunks.size() - 1).botUsage().totalTokens()).isEqualTo(210);
		assertThat(merged.content()).isEqualTo("abcdefgh");
		assertThat(merged.botUsage().totalTokens()).isEqualTo(210);
		assertThat(ark.requests().get(1).bodyJson().path("stream_options").path("include_usage").asBoolean())
			.isTrue();
	}

	@Test
	void emptyAnswerStillEndsWithAFinishReason() throws Exception {
		ark.botChat().answer("");

		List<JsonNode> events = SseEvents.chunks(RawHttp.post(ark, BotChatClient.PATH, "Bearer k", streamBody("")));

		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.at("/choices/0/delta/content").asString()).isEmpty();
			assertThat(event.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		});
	}

	@Test
	void chunkDelayWritesOneEventPerSliceWithAPauseBeforeEach() throws Exception {
		ark.botChat().answer("abcdefgh").chunkSize(2).chunkDelay(java.time.Duration.ofMillis(20));

		long started = System.nanoTime();
		BotChatCompletion merged;
		try (BotChatStream stream = this.client.stream(question("q"))) {
			merged = stream.completion();
		}
		long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

		assertThat(merged.content()).isEqualTo("abcdefgh");
		// 4 content events and [DONE], each written after its pause: a lower bound, never a race
		assertThat(elapsedMillis).isGreaterThanOrEqualTo(5 * 20);
		var definition = ark.wireMock().getAllServeEvents().get(0).getResponseDefinition();
		assertThat(definition.getChunkedDribbleDelay().getNumberOfChunks()).isEqualTo(5);
		assertThat(definition.getChunkedDribbleDelay().getTotalDuration()).isEqualTo(100);
		byte[] body = definition.getByteBody();
		int slice = body.length / 5;
		assertThat(body.length % 5).isZero();
		for (int i = 0; i < 5; i++) {
			String event = new String(body, i * slice, slice, java.nio.charset.StandardCharsets.UTF_8);
			assertThat(event).startsWith("data: ").containsOnlyOnce("data: ").matches("(?s)data: [^\n]+\n\n: *\n");
		}
	}

	@Test
	void eventsArriveOneByOneAndClosingEarlyAbortsTheSlowStream() {
		// 200 events 500 ms apart take 100 s to write; the first arrives after 0.5 s
		ark.botChat().answer("x".repeat(200)).chunkSize(1).chunkDelay(java.time.Duration.ofMillis(500));

		org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
			try (BotChatStream stream = this.client.stream(question("q"))) {
				java.util.Iterator<BotChatChunk> chunks = stream.iterator();
				assertThat(chunks.next().content()).isEqualTo("x");
			}
		});

		assertThat(this.client.chat(question("still serving")).content()).hasSize(200);
	}

	@Test
	void manyStreamsAreServedAtOnce() throws Exception {
		// each stream takes 100 x 200 ms to write: all 40 can start only if the server does not queue them
		ark.botChat().answer("x".repeat(100)).chunkSize(1).chunkDelay(java.time.Duration.ofMillis(200));
		int streams = 40;
		java.util.concurrent.CountDownLatch allStarted = new java.util.concurrent.CountDownLatch(streams);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(streams);
		try {
			java.util.List<java.util.concurrent.Future<Boolean>> started = new java.util.ArrayList<>();
			for (int i = 0; i < streams; i++) {
				started.add(pool.submit(() -> {
					try (BotChatStream stream = this.client.stream(question("q"))) {
						assertThat(stream.iterator().next().content()).isEqualTo("x");
						allStarted.countDown();
						return allStarted.await(15, java.util.concurrent.TimeUnit.SECONDS);
					}
				}));
			}
			for (java.util.concurrent.Future<Boolean> each : started) {
				assertThat(each.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	static String streamBody(String extra) {
		return "{\"model\":\"" + BOT + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]"
				+ extra + "}";
	}

}
