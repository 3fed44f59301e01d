package dev.arkchat.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arkchat.ArkTimeoutException;
import dev.arkchat.bot.BotChatChunk;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatStream;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * The auto-configured clients on the wire, against a loopback WireMock: base URL, credentials, the Ark-only
 * customizer, the JDK request factory, and the application's own builder left alone.
 */
class ArkChatAutoConfigurationWireTests {

	private static final String PATH = "/api/v3/bots/chat/completions";

	/** The JDK HttpClient's User-Agent; HttpURLConnection sends {@code Java/<version>}. */
	private static final String JDK_CLIENT_AGENT = "Java-http-client/.*";

	private static final WireMockServer ark = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ArkChatAutoConfiguration.class))
		.withPropertyValues("ark.chat.api-key=sk-wire-test", "ark.chat.bot.id=bot-20250101000000-wire1",
				"ark.chat.base-url=" + ark.baseUrl());

	@BeforeAll
	static void startArk() {
		ark.start();
	}

	@AfterAll
	static void stopArk() {
		ark.stop();
	}

	@BeforeEach
	void resetArk() {
		ark.resetAll();
		ark.stubFor(post(PATH).willReturn(okJson(ArkChatAutoConfigurationTests.COMPLETION)));
		ark.stubFor(get("/probe").willReturn(aResponse().withStatus(204)));
	}

	@Test
	void callsTheConfiguredBaseUrlWithTheKeyAndTheDefaultBot() {
		this.runner.run((context) -> {
			String answer = context.getBean(BotChatOperations.class).chat("What is the tallest mountain?").content();

			assertThat(answer).isEqualTo("Mount Everest.");
			ark.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer sk-wire-test"))
				.withHeader("X-Request-Bot", equalTo("bot-20250101000000-wire1"))
				.withRequestBody(equalToJson("""
						{"model":"bot-20250101000000-wire1",
						 "messages":[{"role":"user","content":"What is the tallest mountain?"}]}
						""")));
		});
	}

	@Test
	void usesTheJdkClientForArkWhateverTheApplicationsFactory() {
		this.runner.withPropertyValues("spring.http.clients.imperative.factory=simple").run((context) -> {
			context.getBean(BotChatOperations.class).chat("hi");
			// the application's own clients do use the factory it chose...
			RestClient application = context.getBean(RestClient.Builder.class).build();
			application.get().uri(ark.baseUrl() + "/probe").retrieve().toBodilessEntity();

			ark.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("User-Agent", matching(JDK_CLIENT_AGENT)));
			ark.verify(getRequestedFor(urlEqualTo("/probe")).withHeader("User-Agent", matching("Java/.*")));
		});
	}

	@Test
	void startsFromBootsCustomizersWithoutBuildingBootsRequestFactory() {
		AtomicInteger factoriesBuilt = new AtomicInteger();
		ClientHttpRequestFactoryBuilder<?> counting = (settings) -> {
			factoriesBuilt.incrementAndGet();
			return new SimpleClientHttpRequestFactory();
		};
		this.runner.withBean(ClientHttpRequestFactoryBuilder.class, () -> counting)
			.withBean(RestClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Application", "boot"))
			.run((context) -> {
				context.getBean(BotChatOperations.class).chat("hi");
				// Boot's builder would have built a request factory (a JDK HttpClient) that Ark replaces at once
				assertThat(factoriesBuilt).hasValue(0);
				// and what else Boot's builder carries, its customizers, still applies
				ark.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Application", equalTo("boot"))
					.withHeader("User-Agent", matching(JDK_CLIENT_AGENT)));
				context.getBean(RestClient.Builder.class)
					.build()
					.get()
					.uri(ark.baseUrl() + "/probe")
					.retrieve()
					.toBodilessEntity();
				assertThat(factoriesBuilt).as("the application's own builder is Boot's as before").hasValue(1);
			});
	}

	@Test
	void appliesTheArkCustomizersInOrderToArkOnly() {
		this.runner.withBean("second", ArkChatRestClientCustomizer.class, () -> new Second())
			.withBean("first", ArkChatRestClientCustomizer.class, () -> new First())
			.run((context) -> {
				context.getBean(BotChatOperations.class).chat("hi");
				context.getBean(RestClient.Builder.class)
					.build()
					.get()
					.uri(ark.baseUrl() + "/probe")
					.retrieve()
					.toBodilessEntity();

				ark.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Ark-Only", equalTo("first, second")));
				ark.verify(getRequestedFor(urlEqualTo("/probe")).withHeader("X-Ark-Only", absent())
					.withHeader("Authorization", absent()));
			});
	}

	@Test
	void leavesTheApplicationsSingletonBuilderUnchanged() {
		this.runner
			.withBean(RestClient.Builder.class,
					() -> RestClient.builder().requestFactory(new SimpleClientHttpRequestFactory()))
			.withBean(ArkChatRestClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Ark-Only", "yes"))
			.run((context) -> {
				context.getBean(BotChatOperations.class).chat("hi");
				RestClient.Builder applicationBuilder = context.getBean(RestClient.Builder.class);
				RestClient application = applicationBuilder.build();

				application.get().uri(ark.baseUrl() + "/probe").retrieve().toBodilessEntity();
				ark.verify(getRequestedFor(urlEqualTo("/probe")).withHeader("X-Ark-Only", absent())
					.withHeader("User-Agent", matching("Java/.*")));
				ark.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Ark-Only", equalTo("yes"))
					.withHeader("User-Agent", matching(JDK_CLIENT_AGENT)));
				// no base URL was set on it: a relative URI cannot be sent
				assertThatRuntimeException()
					.isThrownBy(() -> application.get().uri("/probe").retrieve().toBodilessEntity());
			});
	}

	@Test
	void theApplicationsReadTimeoutDoesNotCutALongStream() {
		ark.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(StreamBodies.threeChunks())
			.withChunkedDribbleDelay(6, 1500)));
		this.runner.withPropertyValues("spring.http.clients.read-timeout=300ms").run((context) -> {
			try (BotChatStream stream = context.getBean(BotChatOperations.class).stream("hi")) {
				List<String> contents = stream.stream().map(BotChatChunk::content).toList();
				assertThat(contents).containsExactly("Mount ", "Ever", "est.");
			}
		});
	}

	@Test
	void theApplicationsReadTimeoutBoundsTheWaitForABlockingAnswer() {
		ark.stubFor(post(PATH).willReturn(okJson(ArkChatAutoConfigurationTests.COMPLETION).withFixedDelay(3000)));
		this.runner.withPropertyValues("spring.http.clients.read-timeout=300ms").run((context) -> {
			BotChatOperations bots = context.getBean(BotChatOperations.class);
			assertThatExceptionOfType(ArkTimeoutException.class).isThrownBy(() -> bots.chat("hi"));
			ark.verify(1, postRequestedFor(urlEqualTo(PATH)));
		});
	}

	@Test
	void observesCallsWithTheApplicationsRegistry() {
		List<String> observed = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getName());
			}

		});
		this.runner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			context.getBean(BotChatOperations.class).chat("hi");
			assertThat(observed).contains("gen_ai.client.operation");
		});
	}

	@Test
	void fallsBackToAPlainJdkClientWithoutBootsRestClientSupport() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ArkChatAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.restclient",
					"org.springframework.boot.http.client"))
			.withPropertyValues("ark.chat.api-key=sk-wire-test", "ark.chat.bot.id=bot-1",
					"ark.chat.base-url=" + ark.baseUrl())
			.run((context) -> {
				assertThat(context).hasSingleBean(BotChatClient.class);
				assertThat(context.getBean(BotChatOperations.class).chat("hi").content()).isEqualTo("Mount Everest.");
				ark.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer sk-wire-test"))
					.withHeader("User-Agent", matching(JDK_CLIENT_AGENT)));
			});
	}

	@Order(1)
	static class First implements ArkChatRestClientCustomizer {

		@Override
		public void customize(RestClient.Builder builder) {
			builder.defaultHeader("X-Ark-Only", "first");
		}

	}

	@Order(2)
	static class Second implements ArkChatRestClientCustomizer {

		@Override
		public void customize(RestClient.Builder builder) {
			builder.defaultHeaders((headers) -> headers.set("X-Ark-Only", headers.getFirst("X-Ark-Only") + ", second"));
		}

	}

	/** Bodies of event streams. */
	static final class StreamBodies {

		private StreamBodies() {
		}

		static String threeChunks() {
			StringBuilder body = new StringBuilder();
			for (String piece : new String[] { "Mount ", "Ever", "est." }) {
				body.append("data: {\"id\":\"021\",\"object\":\"chat.completion.chunk\",\"model\":\"doubao\",")
					.append("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"")
					.append(piece)
					.append("\"}}]}\n\n");
			}
			return body.append("data: [DONE]\n\n").toString();
		}

	}

}
