package dev.arkchat.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arkchat.ArkConnectionException;
import dev.arkchat.ArkTimeoutException;
import dev.arkchat.bot.BotChatOperations;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Boot's HTTP client settings reach Ark's JDK client (SSL bundles, {@code http.client.requests} observations), while
 * Ark's own timeouts, proxy and SSL bundle stay with Ark's clients.
 */
class ArkChatHttpClientTests {

	private static final String PATH = "/api/v3/bots/chat/completions";

	private static final WireMockServer ark = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ArkChatAutoConfiguration.class))
		.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.bot.id=bot-1", "ark.chat.retry.max-attempts=1");

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

	@Test
	void anSslBundleOfBootsHttpClientsTrustsArksCertificate(@TempDir Path dir) throws Exception {
		Path keyStore = selfSignedKeyStore(dir);
		WireMockServer https = httpsServer(keyStore);
		try {
			https.stubFor(post(PATH).willReturn(okJson(ArkChatAutoConfigurationTests.COMPLETION)));
			ApplicationContextRunner overTls = this.runner
				.withPropertyValues("ark.chat.base-url=https://127.0.0.1:" + https.httpsPort());
			overTls
				.withPropertyValues("spring.ssl.bundle.jks.ark.truststore.location=file:" + keyStore,
						"spring.ssl.bundle.jks.ark.truststore.type=PKCS12",
						"spring.ssl.bundle.jks.ark.truststore.password=changeit", "spring.http.clients.ssl.bundle=ark")
				.run((context) -> assertThat(context.getBean(BotChatOperations.class).chat("hi").content())
					.isEqualTo("Mount Everest."));
			// without the bundle, the JDK's trust store refuses the self-signed certificate
			overTls.run((context) -> assertThatExceptionOfType(ArkConnectionException.class)
				.isThrownBy(() -> context.getBean(BotChatOperations.class).chat("hi")));
		}
		finally {
			https.stop();
		}
	}

	@Test
	void arksOwnSslBundleTrustsArksCertificateForArksClientsOnly(@TempDir Path dir) throws Exception {
		Path keyStore = selfSignedKeyStore(dir);
		WireMockServer https = httpsServer(keyStore);
		try {
			https.stubFor(post(PATH).willReturn(okJson(ArkChatAutoConfigurationTests.COMPLETION)));
			https.stubFor(get("/other").willReturn(okJson("{}")));
			String[] bundle = { "ark.chat.base-url=https://127.0.0.1:" + https.httpsPort(),
					"spring.ssl.bundle.jks.ark.truststore.location=file:" + keyStore,
					"spring.ssl.bundle.jks.ark.truststore.type=PKCS12",
					"spring.ssl.bundle.jks.ark.truststore.password=changeit", "ark.chat.ssl.bundle=ark" };
			// with Boot's HTTP client support: Ark's clients trust the bundle, the application's clients do not
			this.runner.withPropertyValues(bundle).run((context) -> {
				assertThat(context.getBean(BotChatOperations.class).chat("hi").content()).isEqualTo("Mount Everest.");
				RestClient application = context.getBean(RestClient.Builder.class).build();
				assertThatExceptionOfType(ResourceAccessException.class)
					.isThrownBy(() -> application.get().uri("https://127.0.0.1:" + https.httpsPort() + "/other")
						.retrieve()
						.body(String.class));
			});
			// without it (the starter alone): the same bundle reaches Ark's JDK client directly
			new ApplicationContextRunner()
				.withClassLoader(new FilteredClassLoader("org.springframework.boot.http.client",
						"org.springframework.boot.restclient"))
				.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, ArkChatAutoConfiguration.class))
				.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.bot.id=bot-1",
						"ark.chat.retry.max-attempts=1")
				.withPropertyValues(bundle)
				.run((context) -> assertThat(context.getBean(BotChatOperations.class).chat("hi").content())
					.isEqualTo("Mount Everest."));
		}
		finally {
			https.stop();
		}
	}

	@Test
	void anUnknownSslBundleFailsTheStartupNamingTheProperty() {
		this.runner.withPropertyValues("spring.ssl.bundle.jks.other.truststore.location=classpath:none.p12",
				"ark.chat.ssl.bundle=ark").run((context) -> {
					assertThat(context).hasFailed();
					assertThat(FailureAnalysisSupport.analyze(context.getStartupFailure()).getDescription())
						.contains("ark.chat.ssl.bundle")
						.contains("'ark', which is not a configured SSL bundle (configured: [other])");
				});
	}

	@Test
	void arksCallsAppearAsHttpClientRequestsWithinTheirOperation() {
		this.runner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					RestClientObservationAutoConfiguration.class))
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("ark.chat.base-url=" + ark.baseUrl())
			.run((context) -> {
				context.getBean(BotChatOperations.class).chat("hi");
				TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
					.hasObservationWithNameEqualTo("http.client.requests")
					.that()
					.hasBeenStopped()
					.hasLowCardinalityKeyValue("method", "POST")
					.hasLowCardinalityKeyValue("status", "200")
					.hasParentObservationContextMatching(
							(parent) -> "gen_ai.client.operation".equals(parent.getName()));
			});
	}

	@Test
	void arksReadTimeoutLeavesTheApplicationsClientsAlone() {
		ark.stubFor(post(PATH).willReturn(okJson(ArkChatAutoConfigurationTests.COMPLETION).withFixedDelay(1500)));
		ark.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(1500)));
		this.runner.withPropertyValues("ark.chat.base-url=" + ark.baseUrl(), "ark.chat.timeouts.read=300ms")
			.run((context) -> {
				BotChatOperations bots = context.getBean(BotChatOperations.class);
				assertThatExceptionOfType(ArkTimeoutException.class).isThrownBy(() -> bots.chat("hi"));

				RestClient application = context.getBean(RestClient.Builder.class).build();
				assertThat(application.get().uri(ark.baseUrl() + "/slow").retrieve().body(String.class))
					.isEqualTo("late");
				assertThat(context.getBean(HttpClientSettings.class).readTimeout()).isNull();
			});
	}

	@Test
	void arksProxyCarriesArksCallsOnly() throws IOException {
		WireMockServer proxy = new WireMockServer(
				options().bindAddress("127.0.0.1").dynamicPort().enableBrowserProxying(true));
		proxy.start();
		try {
			proxy.stubFor(post(PATH).willReturn(okJson(ArkChatAutoConfigurationTests.COMPLETION)));
			String unreachable = "http://127.0.0.1:" + closedPort();
			ApplicationContextRunner behindProxy = this.runner.withPropertyValues("ark.chat.base-url=" + unreachable);
			behindProxy
				.withPropertyValues("ark.chat.proxy.host=127.0.0.1", "ark.chat.proxy.port=" + proxy.port())
				.run((context) -> {
					assertThat(context.getBean(BotChatOperations.class).chat("hi").content())
						.isEqualTo("Mount Everest.");
					proxy.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization",
							equalTo("Bearer sk-test")));
					// the application's own clients go direct
					RestClient application = context.getBean(RestClient.Builder.class).build();
					assertThatExceptionOfType(ResourceAccessException.class)
						.isThrownBy(() -> application.get().uri(unreachable + "/x").retrieve().toBodilessEntity());
				});
			// without it, the host is not reached
			behindProxy.run((context) -> assertThatExceptionOfType(ArkConnectionException.class)
				.isThrownBy(() -> context.getBean(BotChatOperations.class).chat("hi")));
		}
		finally {
			proxy.stop();
		}
	}

	@Test
	void aProxyHostNeedsItsPort() {
		this.runner.withPropertyValues("ark.chat.proxy.host=proxy.example.com").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalysisSupport.analyze(context.getStartupFailure()).getDescription())
				.contains("Property: ark.chat.proxy.port")
				.contains("must be set when proxy.host is set");
		});
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

	/** A started HTTPS-only server on 127.0.0.1 presenting the key store's certificate. */
	private static WireMockServer httpsServer(Path keyStore) {
		WireMockServer https = new WireMockServer(options().bindAddress("127.0.0.1")
			.httpDisabled(true)
			.dynamicHttpsPort()
			.keystorePath(keyStore.toString())
			.keystoreType("PKCS12")
			.keystorePassword("changeit")
			.keyManagerPassword("changeit"));
		https.start();
		return https;
	}

	/** A PKCS12 key store with a self-signed certificate for 127.0.0.1, made with the JDK's keytool. */
	private static Path selfSignedKeyStore(Path dir) throws IOException, InterruptedException {
		Path keyStore = dir.resolve("ark.p12");
		String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
		Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "ark", "-keyalg", "RSA", "-keysize",
				"2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
				"-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass",
				"changeit")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(Files.exists(keyStore)).isTrue();
		return keyStore;
	}

}
