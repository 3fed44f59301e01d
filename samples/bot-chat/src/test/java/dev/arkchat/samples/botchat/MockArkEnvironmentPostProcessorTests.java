package dev.arkchat.samples.botchat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.arkchat.test.ArkMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample's switch between the real Ark and its fake.
 */
@ExtendWith(OutputCaptureExtension.class)
class MockArkEnvironmentPostProcessorTests {

	private final MockArkEnvironmentPostProcessor postProcessor = new MockArkEnvironmentPostProcessor(
			(log) -> log.get());

	private final SpringApplication application = new SpringApplication(BotChatApplication.class);

	@Test
	void withAnApiKeyLeavesTheConfigurationAloneAndSaysWhereItCalls(CapturedOutput output) {
		MockEnvironment environment = new MockEnvironment().withProperty("ark.chat.api-key", "sk-real")
			.withProperty("ark.chat.bot.id", "bot-20250101000000-real1");

		this.postProcessor.postProcessEnvironment(environment, this.application);

		assertThat(environment.getPropertySources().contains(MockArkEnvironmentPostProcessor.NAME)).isFalse();
		assertThat(environment.getProperty("ark.chat.base-url")).isNull();
		assertThat(this.application.getInitializers()).noneMatch((initializer) -> initializer.getClass()
			.getName()
			.startsWith(MockArkEnvironmentPostProcessor.class.getName()));
		assertThat(output).contains("Calling Ark at the host of region cn-beijing with bot bot-20250101000000-real1")
			.doesNotContain("sk-real");
	}

	@Test
	void withAnAccessKeyPairLeavesTheConfigurationAlone(CapturedOutput output) {
		MockEnvironment environment = new MockEnvironment().withProperty("ark.chat.access-key", "AKLTreal")
			.withProperty("ark.chat.secret-key", "secret-real")
			.withProperty("ark.chat.bot.id", "bot-20250101000000-real1");

		this.postProcessor.postProcessEnvironment(environment, this.application);

		// an API key added next to the pair would fail the startup: both kinds of credentials at once
		assertThat(environment.getPropertySources().contains(MockArkEnvironmentPostProcessor.NAME)).isFalse();
		assertThat(environment.getProperty("ark.chat.api-key")).isNull();
		assertThat(output).contains("Calling Ark at the host of region cn-beijing").doesNotContain("secret-real");
	}

	@Test
	void withoutAnApiKeyStartsAFakeArkPointsAtItAndStopsItWithTheContext(CapturedOutput output) throws Exception {
		MockEnvironment environment = new MockEnvironment().withProperty("ark.chat.api-key", "");

		this.postProcessor.postProcessEnvironment(environment, this.application);

		String baseUrl = environment.getProperty("ark.chat.base-url");
		assertThat(baseUrl).startsWith("http://127.0.0.1:");
		assertThat(environment.getProperty("ark.chat.api-key")).isNotBlank();
		assertThat(environment.getProperty("ark.chat.bot.id")).isEqualTo(MockArkEnvironmentPostProcessor.MOCK_BOT_ID);
		assertThat(output).contains("No ark.chat.api-key set: answering from a fake Ark (ArkMockServer) at " + baseUrl);
		assertThat(status(baseUrl + "/api/v3/bots/chat/completions")).as("the fake is up").isGreaterThan(0);

		try (GenericApplicationContext context = new GenericApplicationContext()) {
			applyInitializers(context);
			context.refresh();
			assertThat(context.getBean(ArkMockServer.class).baseUrl()).isEqualTo(baseUrl);
		}
		assertThatExceptionOfType(ConnectException.class).as("the fake stopped with the context")
			.isThrownBy(() -> status(baseUrl + "/api/v3/bots/chat/completions"));
	}

	@Test
	void keepsAConfiguredBotId() {
		MockEnvironment environment = new MockEnvironment().withProperty("ark.chat.bot.id", "bot-20250101000000-mine1");

		this.postProcessor.postProcessEnvironment(environment, this.application);
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			applyInitializers(context);
			context.refresh();
			assertThat(environment.getProperty("ark.chat.bot.id")).isEqualTo("bot-20250101000000-mine1");
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void applyInitializers(ConfigurableApplicationContext context) {
		for (ApplicationContextInitializer initializer : this.application.getInitializers()) {
			if (initializer.getClass().getName().startsWith(MockArkEnvironmentPostProcessor.class.getName())) {
				initializer.initialize(context);
			}
		}
	}

	private static int status(String url) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
