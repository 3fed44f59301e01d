package dev.arkchat.autoconfigure.readme;

import dev.arkchat.ArkRateLimitException;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.Reference;
import dev.arkchat.test.ArkMockServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's "Testing your application with ArkMockServer" example, run as written. */
@SpringBootTest(properties = "ark.chat.retry.max-attempts=1")
class ReadmeArkMockServerExampleTests {

	@RegisterExtension
	static ArkMockServerExtension ark = new ArkMockServerExtension();

	@DynamicPropertySource
	static void ark(DynamicPropertyRegistry registry) {
		registry.add("ark.chat.base-url", () -> ark.server().baseUrl());
		registry.add("ark.chat.api-key", () -> "test-key");
		registry.add("ark.chat.bot.id", () -> "bot-20250101000000-test0");
	}

	@Autowired
	Assistant assistant;

	@Test
	void answersWithSources() {
		ark.server().botChat()
			.answer("Hangzhou is sunny today.")
			.reasoning("The user asks about the weather.")
			.reference(Reference.web("https://weather.example/hz", "Hangzhou today", "Weather"))
			.chunkSize(3);

		assertThat(this.assistant.ask("Weather?")).contains("sunny");
		assertThat(ark.server().requests()).singleElement()
			.satisfies((request) -> assertThat(request.bodyJson().path("model").asString()).startsWith("bot-"));
	}

	@Test
	void rateLimited() {
		ark.server().botChat().fail(429, "RateLimitExceeded.EndpointRPMExceeded", "Too many requests").retryAfter("1");
		assertThatThrownBy(() -> this.assistant.ask("Weather?")).isInstanceOfSatisfying(ArkRateLimitException.class,
				(ex) -> assertThat(ex.getRetryAfter()).hasSeconds(1));
	}

	/** The application's code under test. */
	static class Assistant {

		private final BotChatOperations bots;

		Assistant(BotChatOperations bots) {
			this.bots = bots;
		}

		String ask(String question) {
			return this.bots.chat(question).content();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Assistant assistant(BotChatOperations bots) {
			return new Assistant(bots);
		}

	}

}
