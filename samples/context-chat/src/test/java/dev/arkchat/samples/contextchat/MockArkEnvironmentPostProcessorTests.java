package dev.arkchat.samples.contextchat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.arkchat.context.ContextClient;
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

	@Test
	void withAnApiKeyLeavesTheConfigurationAloneAndSaysWhereItCalls(CapturedOutput output) {
		MockEnvironment environment = new MockEnvironment().withProperty("ark.chat.api-key", "sk-real")
			.withProperty("ark.chat.context.endpoint-id", "ep-20250101000000-real1");

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication(ContextChatApplication.class));

		assertThat(environment.getPropertySources().contains(MockArkEnvironmentPostProcessor.NAME)).isFalse();
		assertThat(output).contains("Calling Ark at the host of region cn-beijing with endpoint ep-20250101000000-real1")
			.doesNotContain("sk-real");
	}

	@Test
	void withoutAnApiKeyStartsAFakeArkWithTheMockEndpointAndStopsItWithTheContext() throws Exception {
		MockEnvironment environment = new MockEnvironment().withProperty("ark.chat.api-key", "");
		SpringApplication application = new SpringApplication(ContextChatApplication.class);

		this.postProcessor.postProcessEnvironment(environment, application);

		String baseUrl = environment.getProperty("ark.chat.base-url");
		assertThat(baseUrl).startsWith("http://127.0.0.1:");
		assertThat(environment.getProperty("ark.chat.context.endpoint-id"))
			.isEqualTo(MockArkEnvironmentPostProcessor.MOCK_ENDPOINT_ID);
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			applyInitializers(application, context);
			context.refresh();
			assertThat(context.getBean(ArkMockServer.class).baseUrl()).isEqualTo(baseUrl);
		}
		assertThatExceptionOfType(ConnectException.class).as("the fake stopped with the context")
			.isThrownBy(() -> HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl + ContextClient.CREATE_PATH)).GET().build(),
						HttpResponse.BodyHandlers.discarding()));
	}

	@Test
	void keepsAConfiguredEndpointIdWithTheFake() {
		MockEnvironment environment = new MockEnvironment().withProperty("ark.chat.context.endpoint-id",
				"ep-20250101000000-mine1");
		SpringApplication application = new SpringApplication(ContextChatApplication.class);

		this.postProcessor.postProcessEnvironment(environment, application);
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			applyInitializers(application, context);
			context.refresh();
			assertThat(environment.getProperty("ark.chat.context.endpoint-id")).isEqualTo("ep-20250101000000-mine1");
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void applyInitializers(SpringApplication application, ConfigurableApplicationContext context) {
		for (ApplicationContextInitializer initializer : application.getInitializers()) {
			if (initializer.getClass().getName().startsWith(MockArkEnvironmentPostProcessor.class.getName())) {
				initializer.initialize(context);
			}
		}
	}

}
