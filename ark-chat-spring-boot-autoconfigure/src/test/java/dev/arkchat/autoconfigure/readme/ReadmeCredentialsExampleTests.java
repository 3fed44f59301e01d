package dev.arkchat.autoconfigure.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.arkchat.bot.legacy.LegacyBotChatOperations;
import dev.arkchat.bot.legacy.LegacyBotChatRequest;
import dev.arkchat.bot.legacy.LegacyBotChatResponse;
import dev.arkchat.bot.legacy.LegacyBotChatStream;
import dev.arkchat.test.ArkMockServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's legacy v2 example and its "Testing AK/SK and v2 with ArkMockServer" example, run as written. */
@SpringBootTest(properties = "ark.chat.retry.max-attempts=1")
class ReadmeCredentialsExampleTests {

	@RegisterExtension
	static ArkMockServerExtension ark = new ArkMockServerExtension();

	@DynamicPropertySource
	static void ark(DynamicPropertyRegistry registry) {
		registry.add("ark.chat.access-key", () -> "AKLTtest");
		registry.add("ark.chat.secret-key", () -> "test-secret");
		registry.add("ark.chat.base-url", () -> ark.server().baseUrl());
		registry.add("ark.chat.temporary-keys.base-url", () -> ark.server().baseUrl());
		registry.add("ark.chat.bot.id", () -> "bot-20250101000000-abcde");
	}

	@Autowired
	LegacyAssistant assistant;

	@Test
	void answers() {
		ark.server().requireCredentials("AKLTtest", "test-secret").requireApiKey("unused");
		ark.server().legacyBotChat().answer("About 21,196 km.").chunkSize(5).usage(12, 6);

		// succeeds only with a key GetApiKey issued for this bot (issued now, or by an earlier test and cached)
		assertThat(this.assistant.ask("How long is the Great Wall?")).isEqualTo("About 21,196 km.");
		assertThat(ark.server().requests()).filteredOn((request) -> request.path().startsWith("/api/v2/"))
			.singleElement()
			.satisfies((request) -> assertThat(request.bodyJson().at("/parameters/logprobs").intValue()).isEqualTo(3));
	}

	@Test
	void streams() {
		ark.server().requireApiKey("unused");
		ark.server().legacyBotChat().answer("About 21,196 km.").chunkSize(5);
		List<String> pieces = new ArrayList<>();

		this.assistant.streamTo("How long?", pieces::add);

		// the key issued in another test is still cached and still valid: no new GetApiKey call is needed
		assertThat(pieces).containsExactly("About", " 21,1", "96 km", ".");
	}

	/** The README's example service. */
	static class LegacyAssistant {

		private final LegacyBotChatOperations v2;

		LegacyAssistant(LegacyBotChatOperations v2) {
			this.v2 = v2;
		}

		String ask(String question) {
			LegacyBotChatResponse answer = this.v2.chat(LegacyBotChatRequest.builder()
				.system("You are brief.")
				.user(question)
				.temperature(0.7)
				.maxNewTokens(512)
				.logprobs(3)
				.extra("user_id", "u-42")
				.build());
			answer.references();
			answer.usage().promptTokens();
			return answer.content();
		}

		void streamTo(String question, Consumer<String> out) {
			try (LegacyBotChatStream stream = this.v2.stream(question)) {
				for (LegacyBotChatResponse chunk : stream) {
					out.accept(chunk.content());
				}
				LegacyBotChatResponse whole = stream.completion();
				assertThat(whole.content()).isEqualTo("About 21,196 km.");
			}
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		LegacyAssistant legacyAssistant(LegacyBotChatOperations v2) {
			return new LegacyAssistant(v2);
		}

	}

}
