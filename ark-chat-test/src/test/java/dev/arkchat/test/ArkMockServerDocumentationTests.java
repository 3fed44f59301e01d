package dev.arkchat.test;

import java.time.Duration;

import dev.arkchat.ArkRateLimitException;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatCompletion;
import dev.arkchat.bot.BotChatRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The usage example of {@link ArkMockServer}'s Javadoc, kept compiling and true. */
class ArkMockServerDocumentationTests {

	@Test
	void javadocExample() {
		try (ArkMockServer ark = ArkMockServer.start()) {
			ark.botChat().answer("Mount Everest, 8,849 m.").reasoning("The user asks for a height.").botUsage(12, 9);

			BotChatClient client = BotChatClient.builder().baseUrl(ark.baseUrl()).apiKey("test-key").build();
			BotChatCompletion answer = client.chat(BotChatRequest.builder()
					.bot("bot-20250101000000-abcde").user("What is the tallest mountain?").build());

			assertThat(answer.content()).isEqualTo("Mount Everest, 8,849 m.");
			assertThat(ark.requests().get(0).bodyJson().at("/messages/0/content").asString())
					.isEqualTo("What is the tallest mountain?");

			ark.botChat().fail(429, "RateLimitExceeded.EndpointRPMExceeded", "Too many requests").retryAfter("2");
			// the next call throws ArkRateLimitException with getRetryAfter() == 2 s
			ArkRateLimitException ex = catchThrowableOfType(ArkRateLimitException.class,
					() -> client.chat(BotChatRequest.builder().bot("bot-20250101000000-abcde").user("again").build()));
			assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
			assertThat(answer.reasoningContent()).isEqualTo("The user asks for a height.");
			assertThat(answer.botUsage().totalTokens()).isEqualTo(21);
		}
	}

	@Test
	void closeStopsTheServerAndIsIdempotent() {
		ArkMockServer ark = ArkMockServer.start();
		assertThat(ark.baseUrl()).isEqualTo("http://127.0.0.1:" + ark.port());
		assertThat(ark.toString()).contains(ark.baseUrl());

		ark.close();
		ark.close();

		assertThat(ark.wireMock().isRunning()).isFalse();
		assertThat(ark.toString()).contains("stopped");
	}

	@Test
	void startsOnAGivenPort() {
		int port;
		try (ArkMockServer first = ArkMockServer.start()) {
			port = first.port();
		}
		try (ArkMockServer ark = ArkMockServer.start(port)) {
			assertThat(ark.port()).isEqualTo(port);
			assertThat(ark.wireMock().getOptions().bindAddress()).isEqualTo("127.0.0.1");
		}
	}

}
