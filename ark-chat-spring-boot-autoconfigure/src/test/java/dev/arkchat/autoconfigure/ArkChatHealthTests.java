package dev.arkchat.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.test.ArkMockServer;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code ark} health indicator: hosts, credentials and last calls, without spending tokens; DOWN on refused
 * credentials or an unreachable host, UP while rate-limited; off when asked or without Boot's health support.
 */
class ArkChatHealthTests {

	private static final String SECRET_KEY = "sk-health-very-secret";

	private static ArkMockServer ark;

	private static final WireMockServer openApi = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, ArkChatAutoConfiguration.class,
				ArkChatHealthContributorAutoConfiguration.class))
		.withPropertyValues("ark.chat.api-key=" + SECRET_KEY, "ark.chat.bot.id=bot-health",
				"ark.chat.retry.max-attempts=1", "ark.chat.base-url=" + ark.baseUrl());

	@BeforeAll
	static void start() {
		ark = ArkMockServer.start();
		openApi.start();
	}

	@AfterAll
	static void stop() {
		ark.close();
		openApi.stop();
	}

	@BeforeEach
	void reset() {
		ark.reset();
		openApi.resetAll();
	}

	@Test
	void upWithTheHostsTheCredentialsAndTheLastCalls() {
		ark.botChat().answer("Mount Everest.");
		this.runner.run((context) -> {
			Instant before = Instant.now();
			context.getBean(BotChatOperations.class).chat("hi");
			long chatsBefore = chats();

			Health health = health(context);

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(detail(health, "hosts")).containsOnlyKeys(ark.baseUrl());
			assertThat(detail(health, "hosts", ark.baseUrl())).containsEntry("reachable", true).containsKey("status");
			assertThat(detail(health, "credentials")).containsExactly(Map.entry("type", "api-key"));
			Map<String, Object> bots = detail(health, "calls", "bots");
			assertThat(bots).containsEntry("outcome", "success").doesNotContainKey("errorType");
			assertThat(Instant.parse((String) bots.get("at"))).isAfterOrEqualTo(before.minusSeconds(1));
			// no chat request was spent on the check
			assertThat(chats()).isEqualTo(chatsBefore);
			assertThat(health.toString()).doesNotContain(SECRET_KEY);
		});
	}

	@Test
	void beforeAnyCallThereAreNoOutcomes() {
		this.runner.run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(detail(health, "calls")).isEmpty();
		});
	}

	@Test
	void downWhenArkRefusedTheCredentials() {
		ark.requireApiKey("the-right-key");
		this.runner.run((context) -> {
			BotChatOperations bots = context.getBean(BotChatOperations.class);
			assertThatExceptionOfType(ArkAuthenticationException.class).isThrownBy(() -> bots.chat("hi"));

			Health health = health(context);

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(detail(health, "calls", "bots")).containsEntry("outcome", "failure")
				.containsEntry("errorType", "ArkAuthenticationException")
				.containsEntry("status", 401);
			assertThat(detail(health, "hosts", ark.baseUrl())).containsEntry("reachable", true);
		});
	}

	@Test
	void upWithDetailsWhileRateLimited() {
		ark.botChat().fail(429, "RateLimitExceeded.EndpointRPMExceeded", "Too many requests");
		this.runner.run((context) -> {
			BotChatOperations bots = context.getBean(BotChatOperations.class);
			assertThatExceptionOfType(ArkRateLimitException.class).isThrownBy(() -> bots.chat("hi"));

			Health health = health(context);

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(detail(health, "calls", "bots")).containsEntry("outcome", "failure")
				.containsEntry("errorType", "ArkRateLimitException")
				.containsEntry("status", 429)
				.containsEntry("rateLimited", true);
		});
	}

	@Test
	void downWhenAHostDoesNotAnswer() throws IOException {
		String closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			closed = "http://127.0.0.1:" + socket.getLocalPort();
		}
		this.runner.withPropertyValues("ark.chat.base-url=" + closed).run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(detail(health, "hosts", closed)).containsEntry("reachable", false)
				.containsEntry("error", "ConnectException");
		});
	}

	@Test
	void withAccessKeysATemporaryKeyIsIssuedForTheDefaultBot() {
		openApi.stubFor(post(anyUrl()).willReturn(okJson(keyAnswer("temporary-key-very-secret"))));
		this.runner.withBean(ApiKeyProvider.class, ArkChatHealthTests::temporaryKeys).run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(detail(health, "credentials")).containsEntry("type", "access-key")
				.containsEntry("temporaryKey", "issued")
				.containsEntry("resource", "bot-health");
			assertThat(health.toString()).doesNotContain("temporary-key-very-secret");
			// cached: a second check asks nothing more
			health(context);
			openApi.verify(1, postRequestedFor(anyUrl()));
		});
	}

	@Test
	void downWhenNoTemporaryKeyCanBeIssued() {
		openApi.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(errorAnswer("SignatureDoesNotMatch", "The request signature does not match"))));
		this.runner.withBean(ApiKeyProvider.class, ArkChatHealthTests::temporaryKeys).run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(detail(health, "credentials")).containsEntry("type", "access-key")
				.containsEntry("temporaryKey", "failed")
				.containsEntry("error", "ArkAuthenticationException");
		});
	}

	@Test
	void theHealthEndpointShowsItAsArk() {
		ark.botChat().answer("Mount Everest.");
		this.runner
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.show-details=always")
			.run((context) -> {
				context.getBean(BotChatOperations.class).chat("hi");
				CompositeHealthDescriptor all = (CompositeHealthDescriptor) context.getBean(HealthEndpoint.class)
					.health();
				IndicatedHealthDescriptor arkHealth = (IndicatedHealthDescriptor) all.getComponents().get("ark");
				assertThat(arkHealth.getStatus()).isEqualTo(Status.UP);
				assertThat(arkHealth.getDetails()).containsKeys("hosts", "credentials", "calls");
			});
	}

	@Test
	void theProbeTimeoutCanBeSet() {
		this.runner.withPropertyValues("management.health.ark.timeout=750ms")
			.run((context) -> assertThat(context.getBean(ArkHealthIndicatorProperties.class).getTimeout())
				.hasMillis(750));
	}

	@Test
	void offWhenDisabled() {
		this.runner.withPropertyValues("management.health.ark.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean("arkHealthIndicator");
			assertThat(context).doesNotHaveBean(ArkCallOutcomes.class);
		});
	}

	@Test
	void offWithoutBootsHealthSupport() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("arkHealthIndicator");
			assertThat(context).hasSingleBean(BotChatOperations.class);
		});
	}

	@Test
	void offWhenArkChatIsDisabled() {
		this.runner.withPropertyValues("ark.chat.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("arkHealthIndicator");
		});
	}

	@Test
	void withoutObservationsTheHostsAndCredentialsAreStillChecked() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ArkChatAutoConfiguration.class, ArkChatHealthContributorAutoConfiguration.class))
			.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.base-url=" + ark.baseUrl())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ObservationRegistry.class);
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(detail(health, "hosts", ark.baseUrl())).containsEntry("reachable", true);
			});
	}

	private static long chats() {
		return ark.requests().stream().filter((request) -> request.method().equals("POST")).count();
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean("arkHealthIndicator", HealthIndicator.class).health(true);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> detail(Health health, String... path) {
		Map<String, Object> details = health.getDetails();
		for (String key : path) {
			assertThat(details).containsKey(key);
			details = (Map<String, Object>) details.get(key);
		}
		return details;
	}

	private static TemporaryApiKeyProvider temporaryKeys() {
		Executor inline = Runnable::run;
		return TemporaryApiKeyProvider.builder()
			.credentials("AKLTtest", "secret-access-key")
			.baseUrl(openApi.baseUrl())
			.restClientBuilder(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()))
			.executor(inline)
			.build();
	}

	private static String keyAnswer(String apiKey) {
		return "{\"ResponseMetadata\":{\"RequestId\":\"req-1\",\"Action\":\"GetApiKey\",\"Version\":\"2024-01-01\","
				+ "\"Service\":\"ark\",\"Region\":\"cn-beijing\"},\"Result\":{\"ApiKey\":\"" + apiKey
				+ "\",\"ExpiredTime\":" + Instant.now().plusSeconds(7 * 24 * 3600).getEpochSecond() + "}}";
	}

	private static String errorAnswer(String code, String message) {
		return "{\"ResponseMetadata\":{\"RequestId\":\"req-401\",\"Action\":\"GetApiKey\",\"Version\":\"2024-01-01\","
				+ "\"Service\":\"ark\",\"Region\":\"cn-beijing\",\"Error\":{\"CodeN\":100009,\"Code\":\"" + code
				+ "\",\"Message\":\"" + message + "\"}}}";
	}

}
