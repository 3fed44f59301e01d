package dev.arkchat.knowledge;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.Thinking;
import dev.arkchat.chat.Usage;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@link KnowledgeTemplate}: defaults, and {@code ask} as search, prompt and chat on the wire. */
class KnowledgeTemplateTest {

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
		ObjectNode search = ArkJson.mapper().createObjectNode();
		search.put("code", 0).put("message", "success").put("request_id", "search-1");
		search.putObject("data")
			.put("collection_name", "toys")
			.put("count", 3)
			.set("result_list", ArkJson.mapper().readTree(DefaultKnowledgePromptTemplateTest.RESULT_LIST));
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.SEARCH_PATH, 200, search.toString());
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.CHAT_PATH, 200, """
				{"code": 0, "message": "success", "request_id": "chat-1", "data": {
				 "generated_answer": "推荐得宝系列。", "reasoning_content": "资料说得宝适合。",
				 "usage": "{\\"prompt_tokens\\":900,\\"completion_tokens\\":8,\\"total_tokens\\":908}\\n"}}""");
	}

	private static JsonNode body(int index) {
		List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
		java.util.Collections.reverse(events);
		return ArkJson.mapper().readTree(events.get(index).getRequest().getBody());
	}

	@Test
	void askSearchesBuildsTheDefaultPromptAndReturnsTheAnswerWithItsCitations() throws Exception {
		KnowledgeOperations knowledge = KnowledgeTemplate.builder(this.client)
			.collection("toys", "shop")
			.limit(3)
			.rerank(true)
			.rerankModel(RerankModel.M3_V2_RERANK)
			.retrieveCount(20)
			.denseWeight(0.6)
			.model("Doubao-1-5-vision-pro-32k")
			.modelVersion("250115")
			.thinking(Thinking.DISABLED)
			.temperature(0.2)
			.build();
		List<ChatMessage> history = List.of(ChatMessage.user("推荐一个适合 3 岁小孩的玩具"),
				ChatMessage.assistant("您可以看看乐高积木、拼图、消防局套装。"));

		KnowledgeAnswer answer = knowledge.ask("详细介绍下乐高积木有哪些合适的系列", history);

		assertThat(answer.text()).isEqualTo("推荐得宝系列。");
		assertThat(answer.reasoning()).isEqualTo("资料说得宝适合。");
		assertThat(answer.usage()).isEqualTo(new Usage(900, 8, 908));
		assertThat(answer.requestId()).isEqualTo("chat-1");
		assertThat(answer.citations()).extracting(KnowledgeChunk::id).containsExactly("n", "f", "i");
		assertThat(answer.citations().get(0).docName()).isEqualTo("产品手册.pdf");
		assertThat(wireMock.getAllServeEvents()).hasSize(2);
		wireMock.verify(postRequestedFor(urlEqualTo(KnowledgeClient.SEARCH_PATH)).withRequestBody(equalToJson("""
				{"name": "toys", "project": "shop", "query": "详细介绍下乐高积木有哪些合适的系列", "limit": 3,
				 "dense_weight": 0.6,
				 "post_processing": {"rerank_switch": true, "retrieve_count": 20, "rerank_model": "m3-v2-rerank",
				                     "get_attachment_link": true}}""")));
		JsonNode chat = body(1);
		assertThat(chat.path("model").asString()).isEqualTo("Doubao-1-5-vision-pro-32k");
		assertThat(chat.path("model_version").asString()).isEqualTo("250115");
		assertThat(chat.path("thinking").path("type").asString()).isEqualTo("disabled");
		assertThat(chat.path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(chat.path("return_token_usage").asBoolean()).isTrue();
		assertThat(chat.has("stream")).isFalse();
		JsonNode messages = chat.path("messages");
		assertThat(messages).hasSize(4);
		assertThat(messages.get(0).path("role").asString()).isEqualTo("system");
		assertThat(messages.get(0).path("content").asString())
			.isEqualTo(DefaultKnowledgePromptTemplateTest.golden("default-prompt-vision.golden.txt"));
		assertThat(messages.get(1)).isEqualTo(ArkJson.mapper()
			.readTree("{\"role\":\"user\",\"content\":\"推荐一个适合 3 岁小孩的玩具\"}"));
		assertThat(messages.get(3)).isEqualTo(ArkJson.mapper().readTree("""
				{"role": "user", "content": [{"type": "text", "text": "详细介绍下乐高积木有哪些合适的系列"},
				 {"type": "image_url", "image_url": {"url": "https://tos.example.com/fire.png"}}]}"""));
	}

	@Test
	void askStreamKnowsItsCitationsAtOnceAndStreamsTheAnswer() {
		KnowledgeWireMock.answerEvents(wireMock, KnowledgeClient.CHAT_PATH,
				KnowledgeChatTest.event("{\"generated_answer\":\"推荐\"}")
						+ KnowledgeChatTest.event("{\"generated_answer\":\"得宝。\"}") + KnowledgeChatTest.event(
								"{\"generated_answer\":\"\",\"usage\":\"{\\\"prompt_tokens\\\":5,\\\"completion_tokens\\\":3,"
										+ "\\\"total_tokens\\\":8}\",\"end\":true}"));
		KnowledgeOperations knowledge = KnowledgeTemplate.builder(this.client).collection("toys").build();

		try (KnowledgeAnswerStream stream = knowledge.askStream("乐高有哪些系列？")) {
			assertThat(stream.citations()).hasSize(3);
			List<String> pieces = new ArrayList<>();
			stream.forEach((chunk) -> pieces.add(chunk.generatedAnswer()));
			assertThat(pieces).containsExactly("推荐", "得宝。", "");
			KnowledgeAnswer answer = stream.completion();
			assertThat(answer.text()).isEqualTo("推荐得宝。");
			assertThat(answer.usage()).isEqualTo(new Usage(5, 3, 8));
			assertThat(answer.citations()).isEqualTo(stream.citations());
		}
		JsonNode chat = body(1);
		assertThat(chat.path("stream").asBoolean()).isTrue();
		assertThat(chat.path("messages").get(1)).isEqualTo(ArkJson.mapper()
			.readTree("{\"role\":\"user\",\"content\":\"乐高有哪些系列？\"}"));
		assertThat(chat.path("messages").get(0).path("content").asString()).doesNotContain("<img>图片");
		assertThat(body(0).has("post_processing")).as("no attachment links for a text model").isFalse();
	}

	@Test
	void withRewriteTheSearchGetsTheConversationAsText() {
		KnowledgeOperations knowledge = KnowledgeTemplate.builder(this.client).collection("toys").rewrite(true).build();

		knowledge.ask("它有哪些系列？", List.of(ChatMessage.system("ignored"), ChatMessage.user("乐高是什么？"),
				ChatMessage.assistant("乐高是积木玩具。")));

		wireMock.verify(postRequestedFor(urlEqualTo(KnowledgeClient.SEARCH_PATH)).withRequestBody(equalToJson("""
				{"name": "toys", "query": "它有哪些系列？",
				 "pre_processing": {"rewrite": true, "messages": [{"role": "user", "content": "乐高是什么？"},
				   {"role": "assistant", "content": "乐高是积木玩具。"}, {"role": "user", "content": "它有哪些系列？"}]}}""")));
	}

	@Test
	void aPromptTemplateOfYourOwnIsUsed() {
		KnowledgeOperations knowledge = KnowledgeTemplate.builder(this.client)
			.collection("toys")
			.promptTemplate((input) -> List.of(ChatMessage.system(input.chunks().size() + " chunks"),
					ChatMessage.user(input.question())))
			.build();

		knowledge.ask("q");

		assertThat(body(1).path("messages")).isEqualTo(ArkJson.mapper()
			.readTree("[{\"role\":\"system\",\"content\":\"3 chunks\"},{\"role\":\"user\",\"content\":\"q\"}]"));
	}

	@Test
	void requestsThatNameTheirOwnCollectionOrModelKeepThem() {
		KnowledgeOperations knowledge = KnowledgeTemplate.builder(this.client)
			.collection("toys")
			.limit(3)
			.model("ep-20240604000000-abcde")
			.modelVersion("v")
			.apiKey("endpoint-key")
			.maxTokens(100)
			.build();

		knowledge.search(KnowledgeSearchRequest.builder().resourceId("kb-1").query("q").limit(7).build());
		knowledge.chat(KnowledgeChatRequest.builder().model("Doubao-1-5-pro-32k").user("q").build());
		knowledge.chat(List.of(ChatMessage.user("r")));

		assertThat(body(0)).isEqualTo(ArkJson.mapper().readTree("{\"resource_id\":\"kb-1\",\"query\":\"q\",\"limit\":7}"));
		assertThat(body(1)).isEqualTo(ArkJson.mapper().readTree("""
				{"model": "Doubao-1-5-pro-32k", "messages": [{"role": "user", "content": "q"}], "max_tokens": 100}"""));
		assertThat(body(2)).isEqualTo(ArkJson.mapper().readTree("""
				{"model": "ep-20240604000000-abcde", "model_version": "v", "api_key": "endpoint-key",
				 "messages": [{"role": "user", "content": "r"}], "max_tokens": 100}"""));
		assertThat(knowledge.toString()).doesNotContain("endpoint-key");
	}

	@Test
	void withoutACollectionTheErrorNamesTheProperty() {
		KnowledgeOperations knowledge = new KnowledgeTemplate(this.client);

		assertThatIllegalStateException().isThrownBy(() -> knowledge.ask("q"))
			.withMessageContaining("ark.chat.knowledge.collection-name");
		assertThatIllegalArgumentException().isThrownBy(() -> knowledge.ask(" "))
			.withMessage("query (the question) must not be blank");
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void defaultsAreCheckedWhenTheTemplateIsBuilt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KnowledgeTemplate.builder(this.client).collection("a").denseWeight(2.0).build())
			.withMessage("dense_weight must be in [0.2, 1] but was 2.0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KnowledgeTemplate.builder(this.client).collection("a").temperature(-0.1).build())
			.withMessage("temperature must be in [0, 1] but was -0.1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KnowledgeTemplate.builder(this.client).collection("a").resourceId("kb-1").build())
			.withMessageContaining("set only one of them");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KnowledgeTemplate.builder(this.client).resourceId("kb").limit(50).retrieveCount(10)
				.build())
			.withMessage("post_processing.retrieve_count must be at least limit (50) but was 10");
	}

	@Test
	void judgesVisionModelsByName() {
		assertThat(KnowledgeTemplate.isVisionModel("Doubao-1-5-vision-pro-32k", "250115")).isTrue();
		assertThat(KnowledgeTemplate.isVisionModel("Doubao-Seed-1-6-flash", "250715")).isTrue();
		assertThat(KnowledgeTemplate.isVisionModel("Doubao-1-5-thinking-pro", "m-250428")).isTrue();
		assertThat(KnowledgeTemplate.isVisionModel("Doubao-1-5-thinking-pro", "250415")).isFalse();
		assertThat(KnowledgeTemplate.isVisionModel("Doubao-1-5-pro-32k", null)).isFalse();
		assertThat(KnowledgeTemplate.isVisionModel(null, null)).isFalse();
		assertThat(KnowledgeTemplate.builder(this.client).model("ep-1").vision(true).build().isVision()).isTrue();
	}

}
