package dev.arkchat.samples.contextchat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.arkchat.context.ContextClient;
import dev.arkchat.context.ContextSessions;
import dev.arkchat.test.ArkMockServer;
import dev.arkchat.test.MockContext;
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
 * The sample as a user runs it without an API key: it starts, keeps a conversation in one context of its in-process
 * fake Ark, and the cached tokens grow turn by turn. No network beyond loopback.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ark.chat.api-key=", "ark.chat.context.endpoint-id=" })
class ContextChatApplicationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ArkMockServer ark;

	@Autowired
	private ContextSessions sessions;

	@AfterEach
	void restoreTheSampleAnswerAndForgetTheConversations() {
		this.ark.reset();
		MockArkAnswer.configure(this.ark);
		this.sessions.getCache().clear();
	}

	@Test
	void threeTurnsOfAConversationShareOneContextWhoseCachedTokensGrow() throws Exception {
		JsonNode first = send("ada", "Hi, my name is Ada.");
		JsonNode second = send("ada", "I live in London.");
		JsonNode third = send("ada", "What do you know about me?");

		String contextId = first.path("contextId").asString();
		assertThat(contextId).startsWith("ctx-");
		assertThat(List.of(second, third)).allSatisfy((turn) -> {
			assertThat(turn.path("contextId").asString()).isEqualTo(contextId);
			assertThat(turn.path("conversationId").asString()).isEqualTo("ada");
		});
		int cached1 = first.at("/usage/cachedTokens").asInt();
		int cached2 = second.at("/usage/cachedTokens").asInt();
		int cached3 = third.at("/usage/cachedTokens").asInt();
		// the first turn reads the system prompt from the cache, each later one the whole conversation so far
		assertThat(cached1).isPositive();
		assertThat(cached2).isEqualTo(first.at("/usage/totalTokens").asInt());
		assertThat(cached3).isEqualTo(second.at("/usage/totalTokens").asInt()).isGreaterThan(cached2);
		assertThat(third.path("answer").asString()).contains("Hi, my name is Ada.").contains("I live in London.");

		// each request carried only its newest message, to the default endpoint, with the key
		List<RecordedRequest> chats = this.ark.requests()
			.stream()
			.filter((request) -> request.path().equals(ContextClient.CHAT_PATH))
			.toList();
		assertThat(chats).hasSize(3);
		assertThat(chats.get(2).bodyJson().path("messages"))
			.isEqualTo(json.readTree("[{\"role\":\"user\",\"content\":\"What do you know about me?\"}]"));
		assertThat(chats.get(2).bodyJson().path("model").asString())
			.isEqualTo(MockArkEnvironmentPostProcessor.MOCK_ENDPOINT_ID);
		assertThat(chats.get(2).header("Authorization")).isEqualTo("Bearer mock-api-key");
		MockContext context = this.ark.contexts().get(contextId);
		assertThat(context.turns()).isEqualTo(3);
		assertThat(context.messages().get(0).content()).startsWith("You are a friendly assistant.");
	}

	@Test
	void conversationsAreKeptApartAndCanBeForgotten() throws Exception {
		String ada = send("ada", "I am Ada.").path("contextId").asString();
		String bob = send("bob", "I am Bob.").path("contextId").asString();
		assertThat(ada).isNotEqualTo(bob);
		assertThat(get("/conversations/ada").body()).contains(ada);

		HttpResponse<String> forgotten = this.http.send(
				HttpRequest.newBuilder(uri("/conversations/ada")).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(forgotten.statusCode()).isEqualTo(204);
		assertThat(get("/conversations/ada").statusCode()).isEqualTo(404);
		JsonNode fresh = send("ada", "Who am I?");
		assertThat(fresh.path("contextId").asString()).isNotEqualTo(ada);
		assertThat(fresh.path("answer").asString()).doesNotContain("I am Ada.");
	}

	@Test
	void anExpiredContextIsReplacedWithoutTheCallerNoticing() throws Exception {
		String before = send("ada", "Hello.").path("contextId").asString();
		this.ark.contexts().expire(before);

		JsonNode after = send("ada", "Still there?");

		assertThat(after.path("contextId").asString()).isNotEqualTo(before);
		assertThat(after.path("answer").asString()).startsWith("Nice to meet you!");
	}

	@Test
	void aBlankMessageIsRefused() throws Exception {
		HttpResponse<String> response = post("/conversations/ada/messages", "{\"message\":\" \"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("message must not be blank");
		assertThat(this.ark.requests()).isEmpty();
	}

	@Test
	void arksFailuresBecomeABadGatewayWithArksCode() throws Exception {
		this.ark.contextChat().fail(403, "AccessDenied", "The API key may not use this endpoint");

		HttpResponse<String> response = post("/conversations/ada/messages", "{\"message\":\"Hi\"}");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("AccessDenied");
	}

	private JsonNode send(String conversation, String message) throws IOException, InterruptedException {
		HttpResponse<String> response = post("/conversations/" + conversation + "/messages",
				json.writeValueAsString(java.util.Map.of("message", message)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
