package dev.arkchat.test;

import java.util.List;

import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatCompletion;
import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.bot.BotUsage;
import dev.arkchat.bot.Reference;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.ToolCall;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BotChatBlockingTests {

	static final String BOT = "bot-20250101000000-abcde";

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

	static Reference webPage(String url, String title) {
		return new Reference(url, null, null, "example.com", title, "A summary", "2025-07-01 10:00:00", null, null,
				null, null, null, null, null, null, null, null, null, null, null);
	}

	static Reference knowledgeChunk(String docName, String chunkId) {
		return new Reference(null, null, null, null, null, null, null, null, null, "manuals", "default", "doc-1",
				docName, "pdf", "Manual", chunkId, "Setup", null, 120, "manual.pdf");
	}

	@Test
	void answersWithTheConfiguredContentModelUsageAndReferences() {
		Reference page = webPage("https://example.com/everest", "Everest");
		Reference chunk = knowledgeChunk("manual", "42");
		ark.botChat()
			.answer("Mount Everest.")
			.reasoning("The user wants a height.")
			.model("deepseek-r1-250528")
			.botUsage("ep-20250101-x", 35, 175)
			.reference(page)
			.reference(chunk);

		BotChatCompletion answer = this.client
			.chat(BotChatRequest.builder().bot(BOT).user("What is the tallest mountain?").build());

		assertThat(answer.content()).isEqualTo("Mount Everest.");
		assertThat(answer.reasoningContent()).isEqualTo("The user wants a height.");
		assertThat(answer.model()).isEqualTo("deepseek-r1-250528");
		assertThat(answer.object()).isEqualTo("chat.completion");
		assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(answer.choices()).singleElement().satisfies((choice) -> {
			assertThat(choice.index()).isZero();
			assertThat(choice.message().role()).isEqualTo(ChatRole.ASSISTANT);
		});
		assertThat(answer.botUsage()).isNotNull();
		assertThat(answer.botUsage().modelUsage())
			.containsExactly(new BotUsage.ModelUsage("ep-20250101-x", 35, 175, 210));
		assertThat(answer.botUsage().actionUsage()).isEmpty();
		assertThat(answer.botUsage().actionDetails()).isEmpty();
		assertThat(answer.references()).containsExactly(page, chunk);
		assertThat(answer.references().get(1).isKnowledge()).isTrue();
		assertThat(answer.created()).isPositive();
	}

	@Test
	void idIsArkShapedAndEqualToTheRequestIdHeader() throws Exception {
		RawHttp.Response response = RawHttp.post(ark, BotChatClient.PATH, "Bearer k",
				"{\"model\":\"" + BOT + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode body = ArkJson.mapper().readTree(response.body());
		String id = body.path("id").asString();
		assertThat(id).matches("02[0-9]{13}[0-9a-f]{38}");
		assertThat(response.header("X-Request-Id")).isEqualTo(id);
		assertThat(body.path("usage").isMissingNode()).as("bots report bot_usage, not usage").isTrue();
		assertThat(body.path("references").isMissingNode()).as("no references unless configured").isTrue();
		assertThat(body.path("metadata").isObject() && body.path("metadata").isEmpty()).isTrue();
		assertThat(body.at("/bot_usage/model_usage/0/name").asString()).isEqualTo(BotChatStub.DEFAULT_MODEL);
	}

	@Test
	void defaultAnswerEchoesTheLastUserMessageAndEstimatesUsage() {
		BotChatCompletion answer = this.client.chat(BotChatRequest.builder()
			.bot(BOT)
			.system("Be brief.")
			.user("first question")
			.assistant("first answer")
			.user("12345678")
			.build());

		assertThat(answer.content()).isEqualTo("Echo: 12345678");
		assertThat(answer.model()).isEqualTo(BotChatStub.DEFAULT_MODEL);
		// one token per four code points: "Be brief." 3, "first question" 4, "first answer" 3, "12345678" 2
		assertThat(answer.botUsage().promptTokens()).isEqualTo(12);
		// "Echo: 12345678" is 14 code points
		assertThat(answer.botUsage().completionTokens()).isEqualTo(4);
		assertThat(answer.botUsage().totalTokens()).isEqualTo(16);
	}

	@Test
	void answerCanBeComputedFromTheRequest() {
		ark.botChat().answer((request) -> "You sent " + request.bodyJson().path("messages").size() + " messages");

		BotChatCompletion answer = this.client
			.chat(BotChatRequest.builder().bot(BOT).system("s").user("u").build());

		assertThat(answer.content()).isEqualTo("You sent 2 messages");
	}

	@Test
	void toolCallsEndWithFinishReasonToolCalls() {
		ark.botChat()
			.toolCall("call_1", "get_weather", "{\"city\":\"北京\"}")
			.toolCall("call_2", "get_weather", "{\"city\":\"洛阳\"}");

		BotChatCompletion answer = this.client.chat(BotChatRequest.builder().bot(BOT).user("weather?").build());

		assertThat(answer.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(answer.content()).isEmpty();
		assertThat(answer.toolCalls()).containsExactly(ToolCall.function("call_1", "get_weather", "{\"city\":\"北京\"}"),
				ToolCall.function("call_2", "get_weather", "{\"city\":\"洛阳\"}"));
	}

	@Test
	void finishReasonCanBeOverridden() {
		ark.botChat().answer("cut").finishReason(FinishReason.LENGTH);

		assertThat(this.client.chat(BotChatRequest.builder().bot(BOT).user("q").build()).finishReason())
			.isEqualTo(FinishReason.LENGTH);
	}

	@Test
	void echoesTheRequestMetadataAsSent() throws Exception {
		String request = "{\"model\":\"" + BOT + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
				+ "\"metadata\":{\"target_character_name\":\"Ann\",\"group_chat_config\":{\"user_name\":\"Bob\","
				+ "\"characters\":[{\"name\":\"Ann\",\"system_prompt\":\"friendly\"}]},\"custom\":{\"x\":1}}}";

		RawHttp.Response response = RawHttp.post(ark, BotChatClient.PATH, "Bearer k", request);

		JsonNode sent = ArkJson.mapper().readTree(request).get("metadata");
		assertThat(ArkJson.mapper().readTree(response.body()).get("metadata")).isEqualTo(sent);
	}

	@Test
	void metadataFromTheClientComesBackTyped() {
		BotChatCompletion answer = this.client
			.chat(BotChatRequest.builder().bot(BOT).user("hi").targetCharacterName("Ann").userInfo("{\"age\":3}").build());

		assertThat(answer.metadata()).isNotNull();
		assertThat(answer.metadata().targetCharacterName()).isEqualTo("Ann");
		assertThat(answer.metadata().userInfo()).isEqualTo("{\"age\":3}");
	}

	@Test
	void recordsTheExactRequestTheClientSent() {
		this.client.chat(BotChatRequest.builder()
			.bot(BOT)
			.system("Be brief.")
			.user("你好 😊")
			.temperature(0.3)
			.maxTokens(100)
			.extraBody("custom_field", List.of(1, 2))
			.build());

		assertThat(ark.requests()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo(BotChatClient.PATH);
			assertThat(request.header("authorization")).isEqualTo("Bearer k");
			assertThat(request.header("X-Request-Bot")).isEqualTo(BOT);
			assertThat(request.header("Content-Type")).startsWith("application/json");
			assertThat(request.header("X-Client-Request-Id")).matches("[0-9]{14}[0-9a-zA-Z]{20}");
			assertThat(request.header("X-Absent")).isNull();
			assertThat(request.bodyJson()).isEqualTo(ArkJson.mapper()
				.readTree("{\"model\":\"" + BOT + "\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
						+ "{\"role\":\"user\",\"content\":\"你好 😊\"}],\"max_tokens\":100,\"temperature\":0.3,"
						+ "\"custom_field\":[1,2]}"));
			assertThat(request.body()).contains("你好 😊");
		});
	}

	@Test
	void recordedRequestToStringLeavesOutTheKey() {
		BotChatClient.builder().baseUrl(ark.baseUrl()).apiKey("sk-secret-4711").build()
			.chat(BotChatRequest.builder().bot(BOT).user("hi").build());

		RecordedRequest request = ark.requests().get(0);
		assertThat(request.header("Authorization")).isEqualTo("Bearer sk-secret-4711");
		assertThat(request.toString()).contains("POST", BotChatClient.PATH).doesNotContain("sk-secret-4711");
	}

	@Test
	void recordsRequestsInOrderIncludingRefusedOnes() throws Exception {
		this.client.chat(BotChatRequest.builder().bot(BOT).user("one").build());
		RawHttp.post(ark, "/api/v3/other?x=1", "Bearer k", "{}");
		this.client.chat(BotChatRequest.builder().bot(BOT).user("three").build());

		List<RecordedRequest> requests = ark.requests();
		assertThat(requests).extracting(RecordedRequest::path)
			.containsExactly(BotChatClient.PATH, "/api/v3/other", BotChatClient.PATH);
		assertThat(requests.get(1).url()).isEqualTo("/api/v3/other?x=1");
		assertThat(requests.get(0).bodyJson().at("/messages/0/content").asString()).isEqualTo("one");
		assertThat(requests.get(2).bodyJson().at("/messages/0/content").asString()).isEqualTo("three");
	}

	@Test
	void stubsAddedThroughWireMockTakePrecedence() {
		ark.wireMock()
			.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(BotChatClient.PATH)
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
					.withStatus(503)
					.withBody("{\"error\":{\"code\":\"ServerOverloaded\",\"message\":\"custom\"}}")));

		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(dev.arkchat.ArkServerException.class)
			.isThrownBy(() -> this.client.chat(BotChatRequest.builder().bot(BOT).user("q").build()))
			.satisfies((ex) -> assertThat(ex.getServerMessage()).isEqualTo("custom"));
	}

	@Test
	void resetRestoresDefaultsAndClearsTheLog() {
		ark.botChat().answer("configured").model("m-1").fail(500, "InternalServiceError", "boom");
		ark.requireApiKey("only-this");
		ark.wireMock()
			.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(BotChatClient.PATH)
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(418)));

		ark.reset();

		BotChatCompletion answer = this.client.chat(BotChatRequest.builder().bot(BOT).user("again").build());
		assertThat(answer.content()).isEqualTo("Echo: again");
		assertThat(answer.model()).isEqualTo(BotChatStub.DEFAULT_MODEL);
		assertThat(ark.requests()).hasSize(1);
	}

}
