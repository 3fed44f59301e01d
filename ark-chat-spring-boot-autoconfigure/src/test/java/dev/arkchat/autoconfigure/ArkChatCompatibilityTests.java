package dev.arkchat.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arkchat.bot.BotChatChunk;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatStream;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter backs off cleanly: with Boot's usual auto-configurations, with each optional dependency missing from the
 * class path, in a WebFlux application, turned off; and streams on virtual threads.
 */
class ArkChatCompatibilityTests {

	private static final String PATH = "/api/v3/bots/chat/completions";

	/** Boot's auto-configurations an application with actuator has, in their packages. */
	private static final List<String> BOOT = List.of("org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
			"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
			"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
			"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
			"org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration",
			"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
			"org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
			"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration");

	private static final List<Class<?>> ARK = List.of(ArkChatAutoConfiguration.class,
			ArkChatMetricsAutoConfiguration.class, ArkChatHealthContributorAutoConfiguration.class);

	private static final WireMockServer ark = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

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
	}

	static Stream<Arguments> missingDependencies() {
		return Stream.of(
				Arguments.of("nothing", List.of(), true, true, true),
				Arguments.of("micrometer-core", List.of("io.micrometer.core"), false, true, true),
				Arguments.of("spring-boot-micrometer-metrics and -observation",
						List.of("org.springframework.boot.micrometer"), false, true, true),
				Arguments.of("spring-boot-health", List.of("org.springframework.boot.health"), true, false, true),
				Arguments.of("spring-boot-actuator", List.of("org.springframework.boot.actuate"), true, true, true),
				Arguments.of("spring-boot-restclient", List.of("org.springframework.boot.restclient"), true, true, true),
				Arguments.of("spring-boot-http-client and -restclient",
						List.of("org.springframework.boot.http.client", "org.springframework.boot.restclient"), true,
						true, true),
				Arguments.of("bean validation", List.of("jakarta.validation", "org.hibernate.validator",
						"org.springframework.boot.validation"), true, true, true),
				Arguments.of("everything optional",
						List.of("io.micrometer.core", "org.springframework.boot.micrometer",
								"org.springframework.boot.health", "org.springframework.boot.actuate",
								"org.springframework.boot.restclient", "org.springframework.boot.http.client",
								"jakarta.validation", "org.hibernate.validator", "org.springframework.boot.validation"),
						false, false, true));
	}

	@ParameterizedTest(name = "without {0}")
	@MethodSource("missingDependencies")
	void startsWithTheRightBeansWhateverIsMissing(String missing, List<String> packages, boolean meters,
			boolean health, boolean operations) {
		runner(packages).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.containsBean("arkChatMeterObservationHandler")).isEqualTo(meters);
			assertThat(context.containsBean("arkHealthIndicator")).isEqualTo(health);
			assertThat(context).hasSingleBean(BotChatOperations.class);
			assertThat(context.getBean(BotChatOperations.class).chat("hi").content()).isEqualTo("Mount Everest.");
		});
	}

	@Test
	void turnedOffItLeavesNothingBehind() {
		runner(List.of()).withPropertyValues("ark.chat.enabled=false", "ark.chat.bots.sales.id=bot-sales")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanNamesForType(BotChatOperations.class)).isEmpty();
				assertThat(context.getBeanNamesForType(ArkTransports.class)).isEmpty();
				assertThat(context.containsBean("arkChatMeterObservationHandler")).isFalse();
				assertThat(context.containsBean("arkHealthIndicator")).isFalse();
				assertThat(context).hasSingleBean(ObservationRegistry.class);
			});
	}

	@Test
	void inAWebFluxApplicationItWorksTheSame() {
		new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations.of(configurations(List.of())))
			.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.bot.id=bot-1",
					"ark.chat.base-url=" + ark.baseUrl())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// Boot 4 makes its RestClient.Builder in reactive applications too: Ark's clients are cloned from it
				assertThat(context).hasSingleBean(RestClient.Builder.class);
				assertThat(context.getBean(BotChatOperations.class).chat("hi").content()).isEqualTo("Mount Everest.");
				assertThat(context).hasBean("arkHealthIndicator");
				assertThat(context).hasBean("arkChatMeterObservationHandler");
			});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void streamsOnVirtualThreadsAllAtOnce() throws Exception {
		int streams = 64;
		String first = "data: {\"id\":\"1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Mount \"}}]}\n\n";
		String rest = "data: {\"id\":\"1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Everest.\"},"
				+ "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
		try (GatedEventStreamServer server = new GatedEventStreamServer(first, rest)) {
			runner(List.of()).withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
				.withPropertyValues("spring.threads.virtual.enabled=true", "ark.chat.base-url=" + server.baseUrl())
				.run((context) -> {
					AsyncTaskExecutor executor = context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
					BotChatOperations bots = context.getBean(BotChatOperations.class);
					CountDownLatch allOpen = new CountDownLatch(streams);
					List<Future<String>> answers = new ArrayList<>();
					for (int i = 0; i < streams; i++) {
						answers.add(executor.submit(() -> {
							assertThat(isVirtual(Thread.currentThread())).isTrue();
							try (BotChatStream stream = bots.stream("hi")) {
								StringBuilder text = new StringBuilder();
								java.util.Iterator<BotChatChunk> chunks = stream.iterator();
								text.append(chunks.next().content());
								allOpen.countDown();
								chunks.forEachRemaining((chunk) -> text.append(chunk.content()));
								return text.toString();
							}
						}));
					}
					// every stream is open and has its first chunk at the same time: no cap on streams per host
					assertThat(allOpen.await(60, TimeUnit.SECONDS)).isTrue();
					server.release();
					for (Future<String> answer : answers) {
						assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo("Mount Everest.");
					}
				});
		}
	}

	private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
		// Thread.isVirtual() is a Java 21 API; this code is compiled for Java 17
		return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}

	private ApplicationContextRunner runner(List<String> missingPackages) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(configurations(missingPackages)))
			.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.bot.id=bot-1",
					"ark.chat.base-url=" + ark.baseUrl());
		if (!missingPackages.isEmpty()) {
			runner = runner.withClassLoader(new FilteredClassLoader(missingPackages.toArray(String[]::new)));
		}
		return runner;
	}

	/** Boot's auto-configurations that are on the class path when the packages are missing, and Ark's. */
	private static Class<?>[] configurations(List<String> missingPackages) {
		List<Class<?>> classes = new ArrayList<>();
		for (String name : BOOT) {
			if (missingPackages.stream().noneMatch(name::startsWith) && !needsMissing(name, missingPackages)) {
				try {
					classes.add(Class.forName(name));
				}
				catch (ClassNotFoundException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		classes.addAll(ARK);
		return classes.toArray(Class<?>[]::new);
	}

	/** The auto-configurations that live in one module and need another (a real class path has both or neither). */
	private static boolean needsMissing(String name, List<String> missingPackages) {
		boolean health = name.startsWith("org.springframework.boot.health.autoconfigure.actuate");
		boolean metrics = name.startsWith("org.springframework.boot.micrometer.metrics");
		boolean restClientObservation = name.endsWith("RestClientObservationAutoConfiguration");
		return (health && missingPackages.contains("org.springframework.boot.actuate"))
				|| (metrics && missingPackages.contains("io.micrometer.core"))
				|| (restClientObservation && missingPackages.contains("org.springframework.boot.micrometer"));
	}


}
