package dev.arkchat.test;

import java.time.Duration;
import java.time.Instant;

import dev.arkchat.ArkNotFoundException;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.context.ContextChatCompletion;
import dev.arkchat.context.ContextChatTemplate;
import dev.arkchat.context.ContextClient;
import dev.arkchat.context.ContextCreateRequest;
import dev.arkchat.context.ContextSessions;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static dev.arkchat.test.ContextCreateTests.ENDPOINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Contexts on the fake live until {@code ttl} seconds after their last use; then calls fail, and
 * {@link ContextSessions} carries on in a new context.
 */
class ContextLifecycleTests {

	@RegisterExtension
	static final ArkMockServerExtension extension = new ArkMockServerExtension();

	ArkMockServer ark;

	ContextChatTemplate template;

	@BeforeEach
	void setUp(ArkMockServer server) {
		this.ark = server;
		this.template = ContextChatTemplate.builder(ContextCreateTests.client(server))
			.endpointId(ENDPOINT)
			.sessionSystemPrompt("You are Li Lei.")
			.build();
	}

	private RawHttp.Response rawChat(String contextId) throws Exception {
		return RawHttp.post(this.ark, ContextClient.CHAT_PATH, "Bearer k", "{\"model\":\"" + ENDPOINT
				+ "\",\"context_id\":\"" + contextId + "\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}");
	}

	@Test
	void aCallOnAnExpiredContextGets404NotFoundNamingIt() throws Exception {
		String id = this.template.createContext("s").id();
		this.ark.contexts().expire(id);

		RawHttp.Response response = rawChat(id);

		assertThat(response.status()).isEqualTo(404);
		JsonNode error = ArkJson.mapper().readTree(response.body()).get("error");
		assertThat(error.get("code").asString()).isEqualTo("NotFound");
		assertThat(error.get("param").asString()).isEqualTo("context_id");
		assertThat(error.get("type").asString()).isEqualTo("NotFound");
		assertThat(error.get("message").asString()).isEqualTo("The specified context " + id
				+ " does not exist or has expired. Request id: " + response.header("X-Request-Id"));
		assertThat(this.ark.contexts().get(id).expired()).isTrue();
		assertThatExceptionOfType(ArkNotFoundException.class).isThrownBy(() -> this.template.chat(id, "q"));
	}

	@Test
	void aCallOnAnUnknownContextGetsTheSameError() throws Exception {
		RawHttp.Response response = rawChat("ctx-20250101000000-nope0");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).contains("ctx-20250101000000-nope0");
		assertThat(this.ark.contexts().find("ctx-20250101000000-nope0")).isEmpty();
	}

	@Test
	void everyCallRenewsTheTimeToLive() {
		TestClock clock = new TestClock(Instant.parse("2025-06-01T00:00:00Z"));
		this.ark.contexts().clock(clock);
		String id = this.template.createContext(ContextCreateRequest.builder().system("s").ttl(Duration.ofHours(1)).build())
			.id();
		assertThat(this.ark.contexts().get(id).expiresAt()).isEqualTo("2025-06-01T01:00:00Z");

		clock.advance(Duration.ofMinutes(50));
		this.template.chat(id, "still there?");
		assertThat(this.ark.contexts().get(id).expiresAt()).isEqualTo("2025-06-01T01:50:00Z");
		clock.advance(Duration.ofMinutes(50));
		// 100 minutes after creation: alive, because the call at 50 minutes renewed it
		this.template.chat(id, "and now?");
		assertThat(this.ark.contexts().get(id).lastUsedAt()).isEqualTo("2025-06-01T01:40:00Z");

		clock.advance(Duration.ofHours(1));
		assertThat(this.ark.contexts().get(id).expired()).isTrue();
		assertThatExceptionOfType(ArkNotFoundException.class).isThrownBy(() -> this.template.chat(id, "gone?"));
		assertThat(this.ark.contexts().get(id).turns()).isEqualTo(2);
	}

	@Test
	void expireAllExpiresEveryContext() {
		String first = this.template.createContext("a").id();
		String second = this.template.createContext("b").id();

		this.ark.contexts().expireAll();

		assertThat(this.ark.contexts().all()).extracting(MockContext::id, MockContext::expired)
			.containsExactly(tuple(first, true),
					tuple(second, true));
		assertThatIllegalArgumentException().isThrownBy(() -> this.ark.contexts().expire("ctx-unknown"))
			.withMessageContaining("ctx-unknown");
	}

	@Test
	void sessionsCarryOnInANewContextThatStartsAgainFromTheSystemPrompt() {
		ContextSessions sessions = this.template.sessions();
		sessions.chat("conversation-1", "My name is Ada.");
		String before = sessions.contextId("conversation-1");
		assertThat(this.ark.contexts().get(before).messages()).hasSize(3);

		this.ark.contexts().expire(before);
		ContextChatCompletion answer = sessions.chat("conversation-1", "What is my name?");

		assertThat(answer.content()).isEqualTo("Echo: What is my name?");
		String after = sessions.contextId("conversation-1");
		assertThat(after).isNotEqualTo(before);
		MockContext renewed = this.ark.contexts().get(after);
		// what is lost: the earlier turns; the new context has the system prompt and this turn only
		assertThat(renewed.messages()).extracting(ChatMessage::role)
			.containsExactly(ChatRole.SYSTEM, ChatRole.USER, ChatRole.ASSISTANT);
		assertThat(renewed.messages().get(0).content()).isEqualTo("You are Li Lei.");
		assertThat(renewed.messages().get(1).content()).isEqualTo("What is my name?");
		assertThat(answer.usage().cachedTokens()).isEqualTo(4);
		assertThat(this.ark.contexts().all()).extracting(MockContext::id).containsExactly(before, after);
	}

	@Test
	void sessionsAlsoRecogniseAnotherShapeOfTheGoneError() {
		this.ark.contextChat()
			.goneError(400, "InvalidParameter",
					"The parameter `context_id` specified in the request is not valid: {context_id} is invalid");
		ContextSessions sessions = this.template.sessions();
		sessions.chat("c", "one");
		String before = sessions.contextId("c");
		this.ark.contexts().expire(before);

		sessions.chat("c", "two");

		assertThat(sessions.contextId("c")).isNotEqualTo(before);
		assertThat(this.ark.contexts().get(sessions.contextId("c")).turns()).isEqualTo(1);
	}

	@Test
	void resetForgetsTheContextsAndTheClock() {
		this.ark.contexts().clock(new TestClock(Instant.parse("2025-06-01T00:00:00Z")));
		this.template.createContext("s");

		this.ark.reset();

		assertThat(this.ark.contexts().all()).isEmpty();
		assertThat(this.ark.contexts().clock()).isNotInstanceOf(TestClock.class);
	}

}
