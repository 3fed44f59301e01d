package dev.arkchat.autoconfigure;

import dev.arkchat.context.ContextChatCompletion;
import dev.arkchat.context.ContextChatOperations;
import dev.arkchat.context.ContextClient;
import dev.arkchat.context.ContextCreateResult;
import dev.arkchat.context.ContextSessions;
import dev.arkchat.test.ArkMockServer;
import dev.arkchat.test.ArkMockServerExtension;
import dev.arkchat.test.MockContext;
import dev.arkchat.test.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured context beans against {@link ArkMockServer}: the host, the key, the defaults sent, and sessions
 * whose cached tokens grow.
 */
class ArkChatContextBeansWireTests {

	static final String ENDPOINT = "ep-20250101000000-wire1";

	@RegisterExtension
	static final ArkMockServerExtension extension = new ArkMockServerExtension();

	ArkMockServer ark;

	ApplicationContextRunner runner;

	@BeforeEach
	void setUp(ArkMockServer server) {
		this.ark = server;
		this.runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ArkChatAutoConfiguration.class))
			.withPropertyValues("ark.chat.api-key=sk-context", "ark.chat.base-url=" + server.baseUrl(),
					"ark.chat.retry.max-attempts=1");
	}

	@Test
	void createsContextsWithTheConfiguredDefaultsAndTheKey() {
		this.runner
			.withPropertyValues("ark.chat.context.endpoint-id=" + ENDPOINT, "ark.chat.context.ttl=3h",
					"ark.chat.context.truncation.type=rolling_tokens")
			.run((context) -> {
				ContextCreateResult created = context.getBean(ContextChatOperations.class).createContext("Be brief.");

				assertThat(created.ttl()).isEqualTo(10800L);
				RecordedRequest request = this.ark.requests().get(0);
				assertThat(request.path()).isEqualTo(ContextClient.CREATE_PATH);
				assertThat(request.header("Authorization")).isEqualTo("Bearer sk-context");
				assertThat(request.bodyJson()).isEqualTo(dev.arkchat.http.ArkJson.mapper().readTree("""
						{"model":"ep-20250101000000-wire1","messages":[{"role":"system","content":"Be brief."}],
						 "ttl":10800,"truncation_strategy":{"type":"rolling_tokens"}}
						"""));
			});
	}

	@Test
	void theSessionsKeepAConversationInOneContextWhoseCachedTokensGrow() {
		this.runner
			.withPropertyValues("ark.chat.context.endpoint-id=" + ENDPOINT,
					"ark.chat.context.session.system-prompt=You are Li Lei, a student.")
			.run((context) -> {
				ContextSessions sessions = context.getBean(ContextSessions.class);
				ContextChatCompletion first = sessions.chat("user-42", "Hello, who are you?");
				ContextChatCompletion second = sessions.chat("user-42", "Where do you study?");
				ContextChatCompletion third = sessions.chat("user-42", "Thanks!");

				assertThat(first.cachedTokens()).isPositive();
				assertThat(second.cachedTokens()).isGreaterThan(first.cachedTokens());
				assertThat(third.cachedTokens()).isGreaterThan(second.cachedTokens());
				MockContext held = this.ark.contexts().get(sessions.contextId("user-42"));
				assertThat(held.turns()).isEqualTo(3);
				assertThat(held.messages().get(0).content()).isEqualTo("You are Li Lei, a student.");
				assertThat(this.ark.contexts().all()).hasSize(1);
			});
	}

	@Test
	void withAnAccessKeyPairEachEndpointIsCalledWithATemporaryKeyIssuedForIt() {
		this.ark.requireCredentials("AKLTcontext", "context-secret").requireApiKey("no-console-key");
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ArkChatAutoConfiguration.class))
			.withPropertyValues("ark.chat.access-key=AKLTcontext", "ark.chat.secret-key=context-secret",
					"ark.chat.base-url=" + this.ark.baseUrl(), "ark.chat.temporary-keys.base-url=" + this.ark.baseUrl(),
					"ark.chat.context.endpoint-id=" + ENDPOINT)
			.run((context) -> {
				ContextChatCompletion answer = context.getBean(ContextSessions.class).chat("c", "Hello");

				assertThat(answer.content()).isEqualTo("Echo: Hello");
				assertThat(this.ark.issuedKeys()).singleElement().satisfies((key) -> {
					assertThat(key.resourceType()).isEqualTo("endpoint");
					assertThat(key.resourceIds()).containsExactly(ENDPOINT);
				});
			});
	}

	@Test
	void theContextBaseUrlOverridesTheArkHost() {
		this.runner
			.withPropertyValues("ark.chat.base-url=http://127.0.0.1:9", "ark.chat.context.base-url=" + this.ark.baseUrl())
			.run((context) -> {
				ContextCreateResult created = context.getBean(ContextChatOperations.class)
					.createContext(dev.arkchat.context.ContextCreateRequest.builder().endpoint(ENDPOINT).system("s").build());

				assertThat(this.ark.contexts().get(created.id()).endpointId()).isEqualTo(ENDPOINT);
			});
	}

	@Test
	void aMalformedContextBaseUrlFailsTheStartupNamingIt() {
		this.runner.withPropertyValues("ark.chat.context.base-url=ark.example.com").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new ArkChatConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
				.contains("'ark.chat.context.base-url'");
		});
	}

}
