package dev.arkchat.samples.botchat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.arkchat.http.ServerSentEvent;
import dev.arkchat.http.ServerSentEventReader;
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
 * The sample as a user runs it without an API key: it starts, answers from its in-process fake Ark, and serves both
 * endpoints over HTTP. No network beyond loopback.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ark.chat.api-key=", "ark.chat.bot.id=", "sample.mock-ark.chunk-delay=0ms" })
class BotChatApplicationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ArkMockServer ark;

	@AfterEach
	void restoreTheSampleAnswer() {
		this.ark.reset();
		MockArkAnswer.configure(this.ark, java.time.Duration.ZERO);
	}

	@Test
	void chatAnswersWithTheMocksAnswerReferencesAndUsage() throws Exception {
		HttpResponse<String> response = postJson("/chat", "{\"question\":\"hi\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("answer").asString()).isEqualTo(MockArkAnswer.ANSWER);
		assertThat(body.path("reasoning").asString()).isEqualTo(MockArkAnswer.REASONING);
		assertThat(body.path("references").valueStream().map((ref) -> ref.path("url").asString()))
			.containsExactly(MockArkAnswer.ARK_DOCS.url(), MockArkAnswer.BOOT_DOCS.url());
		assertThat(body.path("references").get(0).path("title").asString()).isEqualTo("Volcengine Ark documentation");
		assertThat(body.path("references").get(0).has("docId")).as("absent fields are left out").isFalse();
		assertThat(body.path("usage").path("promptTokens").asInt()).isEqualTo(MockArkAnswer.PROMPT_TOKENS);
		assertThat(body.path("usage").path("completionTokens").asInt()).isEqualTo(MockArkAnswer.COMPLETION_TOKENS);
		assertThat(body.path("usage").path("totalTokens").asInt())
			.isEqualTo(MockArkAnswer.PROMPT_TOKENS + MockArkAnswer.COMPLETION_TOKENS);

		RecordedRequest sent = onlyBotRequest();
		assertThat(sent.header("Authorization")).isEqualTo("Bearer mock-api-key");
		assertThat(sent.bodyJson().path("model").asString()).isEqualTo(MockArkEnvironmentPostProcessor.MOCK_BOT_ID);
		assertThat(sent.bodyJson().path("messages"))
			.isEqualTo(json.readTree("[{\"role\":\"user\",\"content\":\"hi\"}]"));
	}

	@Test
	void chatSendsAWholeConversation() throws Exception {
		HttpResponse<String> response = postJson("/chat", """
				{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},
				 {"role":"assistant","content":"Hello!"},{"role":"user","content":"Who are you?"}]}
				""");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(onlyBotRequest().bodyJson().path("messages")).isEqualTo(json.readTree("""
				[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},
				 {"role":"assistant","content":"Hello!"},{"role":"user","content":"Who are you?"}]
				"""));
	}

	@Test
	void chatWithoutAQuestionIsABadRequest() throws Exception {
		HttpResponse<String> response = postJson("/chat", "{}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).path("detail").asString()).contains("question");
		assertThat(this.ark.requests()).isEmpty();
	}

	@Test
	void chatReportsArksErrorsAsABadGateway() throws Exception {
		this.ark.botChat().fail(429, "ServerOverloaded", "The service is overloaded, please try again later.");

		HttpResponse<String> response = postJson("/chat", "{\"question\":\"hi\"}");

		assertThat(response.statusCode()).isEqualTo(502);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("code").asString()).isEqualTo("ServerOverloaded");
		assertThat(problem.path("arkStatus").asInt()).isEqualTo(429);
	}

	@Test
	void streamDeliversThePiecesAsEventsThenDone() throws Exception {
		HttpResponse<InputStream> response = get("/chat/stream?q=hi");
		List<ServerSentEvent> events = readAll(response.body());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> names = events.stream().map(ServerSentEvent::type).toList();
		assertThat(names).filteredOn("content"::equals).hasSizeGreaterThan(10);
		assertThat(names).filteredOn("reasoning"::equals).hasSizeGreaterThan(3);
		assertThat(names.indexOf("content")).as("reasoning comes first").isGreaterThan(names.indexOf("reasoning"));
		assertThat(names.get(names.size() - 1)).isEqualTo("done");
		assertThat(names).doesNotContain("error");
		assertThat(text(events, "reasoning")).isEqualTo(MockArkAnswer.REASONING);
		assertThat(text(events, "content")).isEqualTo(MockArkAnswer.ANSWER);

		JsonNode done = json.readTree(events.get(events.size() - 1).data());
		assertThat(done.path("references").valueStream().map((ref) -> ref.path("title").asString()))
			.containsExactly(MockArkAnswer.ARK_DOCS.title(), MockArkAnswer.BOOT_DOCS.title());
		assertThat(done.path("usage").path("totalTokens").asInt())
			.isEqualTo(MockArkAnswer.PROMPT_TOKENS + MockArkAnswer.COMPLETION_TOKENS);
		assertThat(onlyBotRequest().bodyJson().path("stream").asBoolean()).isTrue();
	}

	@Test
	void streamEndsWithAnErrorEventWhenArkFailsMidStream() throws Exception {
		this.ark.botChat().errorMidStream(3, "InternalServiceError", "The service encountered an unexpected error.");

		List<ServerSentEvent> events = readAll(get("/chat/stream?q=hi").body());

		ServerSentEvent last = events.get(events.size() - 1);
		assertThat(last.type()).isEqualTo("error");
		assertThat(json.readTree(last.data()).path("code").asString()).isEqualTo("InternalServiceError");
		// the three events before the failure were delivered (the reasoning comes first)
		assertThat(events.stream().map(ServerSentEvent::type)).doesNotContain("done").startsWith("reasoning", "reasoning", "reasoning");
	}

	private RecordedRequest onlyBotRequest() {
		List<RecordedRequest> requests = this.ark.requests();
		assertThat(requests).hasSize(1);
		assertThat(requests.get(0).path()).isEqualTo("/api/v3/bots/chat/completions");
		return requests.get(0);
	}

	private static String text(List<ServerSentEvent> events, String type) {
		return events.stream()
			.filter((event) -> type.equals(event.type()))
			.map((event) -> json.readTree(event.data()).path("text").asString())
			.collect(Collectors.joining());
	}

	private static List<ServerSentEvent> readAll(InputStream body) throws IOException {
		List<ServerSentEvent> events = new ArrayList<>();
		try (ServerSentEventReader reader = new ServerSentEventReader(body)) {
			for (ServerSentEvent event = reader.next(); event != null; event = reader.next()) {
				events.add(event);
			}
		}
		return events;
	}

	private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<InputStream> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
