package dev.arkchat.samples.knowledgeqa;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.arkchat.http.ServerSentEvent;
import dev.arkchat.http.ServerSentEventReader;
import dev.arkchat.knowledge.KnowledgeClient;
import dev.arkchat.test.ArkMockServer;
import dev.arkchat.test.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as a user runs it without credentials: it starts, asks its in-process fake knowledge base with signed
 * requests, and answers over HTTP with citations, whole or streamed. No network beyond loopback.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ark.chat.access-key=", "ark.chat.knowledge.collection-name=", "ark.chat.knowledge.model=",
				"sample.mock-ark.chunk-delay=0ms" })
class KnowledgeQaApplicationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ArkMockServer ark;

	@AfterEach
	void restoreTheSampleKnowledgeBase() {
		this.ark.reset();
		MockKnowledgeBase.configure(this.ark, Duration.ZERO);
	}

	@Test
	void askAnswersWithCitationsAndUsage() throws Exception {
		HttpResponse<String> response = postJson("/ask", "{\"question\":\"推荐一个适合 3 岁小孩的玩具\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("answer").asString()).isEqualTo(MockKnowledgeBase.ANSWER);
		JsonNode citations = body.path("citations");
		assertThat(citations).hasSize(3);
		assertThat(citations.get(0).path("document").asString()).isEqualTo("玩具选购手册.pdf");
		assertThat(citations.get(0).path("title").asString()).isEqualTo("乐高积木选购指南");
		assertThat(citations.get(0).path("section").asString()).isEqualTo("适合 3 岁的系列");
		assertThat(citations.get(1).path("faqQuestion").asString()).isEqualTo("玩具可以退货吗？");
		assertThat(citations.get(1).path("content").asString()).isEqualTo("未拆封的玩具支持七天无理由退货。");
		assertThat(citations.get(2).path("imageUrl").asString()).isEqualTo(MockKnowledgeBase.IMAGE_URL);
		assertThat(body.path("usage").path("totalTokens").asInt())
			.isEqualTo(MockKnowledgeBase.PROMPT_TOKENS + MockKnowledgeBase.COMPLETION_TOKENS);

		List<RecordedRequest> sent = this.ark.requests();
		assertThat(sent).extracting(RecordedRequest::path)
			.containsExactly(KnowledgeClient.SEARCH_PATH, KnowledgeClient.CHAT_PATH);
		assertThat(sent.get(0).header("Authorization"))
			.startsWith("HMAC-SHA256 Credential=" + MockKnowledgeBase.ACCESS_KEY + "/")
			.contains("/cn-north-1/air/request, ");
		assertThat(sent.get(0).bodyJson().path("name").asString()).isEqualTo(MockKnowledgeBase.COLLECTION);
		assertThat(sent.get(0).bodyJson().path("limit").asInt()).isEqualTo(5);
		JsonNode chat = sent.get(1).bodyJson();
		assertThat(chat.path("model").asString()).isEqualTo(MockKnowledgeBase.MODEL);
		assertThat(chat.at("/messages/0/content").asString()).contains("<context>")
			.contains("content: 得宝（DUPLO）系列颗粒大")
			.contains("问题：“玩具可以退货吗？”")
			.contains("<img>图片1</img>");
		assertThat(chat.at("/messages/1/content/1/image_url/url").asString()).isEqualTo(MockKnowledgeBase.IMAGE_URL);
	}

	@Test
	void aFollowUpQuestionCarriesTheConversation() throws Exception {
		HttpResponse<String> response = postJson("/ask", """
				{"question": "它适合几岁？", "history": [{"role": "user", "content": "乐高有哪些系列？"},
				 {"role": "assistant", "content": "有得宝、城市等系列。"}]}""");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode search = this.ark.requests().get(0).bodyJson();
		assertThat(search.at("/pre_processing/rewrite").asBoolean()).isTrue();
		assertThat(search.at("/pre_processing/messages")).hasSize(3);
		JsonNode messages = this.ark.requests().get(1).bodyJson().path("messages");
		assertThat(messages).hasSize(4);
		assertThat(messages.get(1).path("content").asString()).isEqualTo("乐高有哪些系列？");
		assertThat(messages.get(2).path("content").asString()).isEqualTo("有得宝、城市等系列。");
	}

	@Test
	void aBadQuestionIsTheCallersFaultAndAFailureABadGateway() throws Exception {
		assertThat(postJson("/ask", "{\"question\":\" \"}").statusCode()).isEqualTo(400);

		this.ark.knowledge().fail(429, 1000029, "quota limited");
		HttpResponse<String> failed = postJson("/ask", "{\"question\":\"q\"}");
		assertThat(failed.statusCode()).isEqualTo(502);
		assertThat(json.readTree(failed.body()).path("code").asString()).isEqualTo("1000029");
	}

	@Test
	void streamSendsTheCitationsFirstThenTheAnswerThenDone() throws Exception {
		HttpResponse<InputStream> response = get("/ask/stream?q="
				+ URLEncoder.encode("推荐一个适合 3 岁小孩的玩具", StandardCharsets.UTF_8));
		List<ServerSentEvent> events = readAll(response.body());

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> names = events.stream().map(ServerSentEvent::type).toList();
		assertThat(names.get(0)).isEqualTo("citations");
		assertThat(names.get(names.size() - 1)).isEqualTo("done");
		assertThat(names).filteredOn("content"::equals).hasSizeGreaterThan(5);
		assertThat(names).doesNotContain("error");
		assertThat(json.readTree(events.get(0).data())).hasSize(3);
		assertThat(events.stream()
			.filter((event) -> "content".equals(event.type()))
			.map((event) -> json.readTree(event.data()).path("text").asString())
			.collect(Collectors.joining())).isEqualTo(MockKnowledgeBase.ANSWER);
		assertThat(json.readTree(events.get(events.size() - 1).data()).path("usage").path("promptTokens").asInt())
			.isEqualTo(MockKnowledgeBase.PROMPT_TOKENS);
		assertThat(this.ark.requests().get(1).bodyJson().path("stream").asBoolean()).isTrue();
	}

	@Test
	void aStreamCutOffEndsWithAnErrorEvent() throws Exception {
		this.ark.knowledge().truncateAfter(2);

		List<ServerSentEvent> events = readAll(get("/ask/stream?q=q").body());

		ServerSentEvent last = events.get(events.size() - 1);
		assertThat(last.type()).isEqualTo("error");
		assertThat(json.readTree(last.data()).path("message").asString()).contains("terminator");
		assertThat(events.stream().map(ServerSentEvent::type)).doesNotContain("done").startsWith("citations");
	}

	private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<InputStream> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "text/event-stream")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofInputStream());
	}

	private static List<ServerSentEvent> readAll(InputStream body) throws IOException {
		List<ServerSentEvent> events = new ArrayList<>();
		try (InputStream in = body) {
			ServerSentEventReader reader = new ServerSentEventReader(in);
			for (ServerSentEvent event = reader.next(); event != null; event = reader.next()) {
				events.add(event);
			}
		}
		return events;
	}

}
