package dev.arkchat.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.StaticApiKeyProvider;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.legacy.LegacyBotChatOperations;
import dev.arkchat.http.ArkJson;
import dev.arkchat.test.ArkMockServer;
import dev.arkchat.test.ArkMockServerExtension;
import dev.arkchat.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpResponse;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential beans of {@link ArkChatCredentialBeans}: which provider each property set gives, the
 * temporary keys issued by the fake's GetApiKey and sent by the bot clients, and the startup failures of every
 * mistake.
 */
class ArkChatCredentialBeansTests {

	static final String ACCESS_KEY = "AKLTcredentialsTests0001";

	static final String SECRET_KEY = "U2VjcmV0S2V5LWNyZWRlbnRpYWxzLXRlc3Rz";

	static final String BOT = "bot-20250101000000-creds";

	static final String GET_API_KEY = "/?Action=GetApiKey&Version=2024-01-01";

	@RegisterExtension
	static ArkMockServerExtension ark = new ArkMockServerExtension();

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ArkChatAutoConfiguration.class))
		.withPropertyValues("ark.chat.bot.id=" + BOT, "ark.chat.retry.max-attempts=1");

	ApplicationContextRunner accessKeyPair() {
		String url = ark.server().baseUrl();
		return this.runner.withPropertyValues("ark.chat.access-key=" + ACCESS_KEY, "ark.chat.secret-key=" + SECRET_KEY,
				"ark.chat.base-url=" + url, "ark.chat.temporary-keys.base-url=" + url);
	}

	static List<RecordedRequest> getApiKeyCalls() {
		return ark.server().requests().stream().filter((request) -> request.url().equals(GET_API_KEY)).toList();
	}

	@Test
	void anApiKeyGivesAStaticProviderAndNothingForAccessKeys() {
		ark.server().requireApiKey("sk-console-key");
		this.runner.withPropertyValues("ark.chat.api-key=sk-console-key", "ark.chat.base-url=" + ark.server().baseUrl())
			.run((context) -> {
				assertThat(context).hasSingleBean(StaticApiKeyProvider.class);
				assertThat(context).doesNotHaveBean(VolcengineCredentials.class);
				assertThat(context).doesNotHaveBean(TemporaryApiKeyProvider.class);
				assertThat(context).doesNotHaveBean(ArkApiKeyRefreshExecutor.class);
				assertThat(context.getBean(BotChatOperations.class).chat("hi").content()).isEqualTo("Echo: hi");
				assertThat(context.getBean(LegacyBotChatOperations.class).chat("v2").content()).isEqualTo("Echo: v2");
				assertThat(ark.server().requests()).hasSize(2)
					.allSatisfy((request) -> assertThat(request.header("Authorization"))
						.isEqualTo("Bearer sk-console-key"));
			});
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void arksProxyCarriesTheGetApiKeyCallsToo(boolean bootsRestClient) {
		WireMockServer proxy = new WireMockServer(
				options().bindAddress("127.0.0.1").dynamicPort().enableBrowserProxying(true));
		proxy.start();
		try {
			ark.server().requireCredentials(ACCESS_KEY, SECRET_KEY);
			String url = ark.server().baseUrl();
			ApplicationContextRunner runner = bootsRestClient ? this.runner
					: new ApplicationContextRunner()
						.withClassLoader(new FilteredClassLoader("org.springframework.boot.http.client",
								"org.springframework.boot.restclient"))
						.withConfiguration(AutoConfigurations.of(ArkChatAutoConfiguration.class))
						.withPropertyValues("ark.chat.bot.id=" + BOT, "ark.chat.retry.max-attempts=1");
			runner.withPropertyValues("ark.chat.access-key=" + ACCESS_KEY, "ark.chat.secret-key=" + SECRET_KEY,
					"ark.chat.base-url=" + url, "ark.chat.temporary-keys.base-url=" + url,
					"ark.chat.proxy.host=127.0.0.1", "ark.chat.proxy.port=" + proxy.port())
				.run((context) -> {
					assertThat(context.getBean(BotChatOperations.class).chat("v3").content()).isEqualTo("Echo: v3");
					assertThat(proxy.getAllServeEvents()).extracting((event) -> event.getRequest().getUrl())
						.containsExactlyInAnyOrder(GET_API_KEY, "/api/v3/bots/chat/completions");
				});
		}
		finally {
			proxy.stop();
		}
	}

	@Test
	void anAccessKeyPairIssuesTemporaryKeysThatTheBotClientsSend() {
		ArkMockServer server = ark.server();
		// only the issued key is accepted for the bot: the console key below is never sent
		server.requireCredentials(ACCESS_KEY, SECRET_KEY).requireApiKey("console-key-not-configured");
		accessKeyPair().withPropertyValues("ark.chat.temporary-keys.duration=2d",
				"ark.chat.temporary-keys.project-name=research")
			.run((context) -> {
				assertThat(context).hasSingleBean(VolcengineCredentials.class);
				assertThat(context).doesNotHaveBean(StaticApiKeyProvider.class);
				assertThat(context.getBean(ApiKeyProvider.class)).isInstanceOf(TemporaryApiKeyProvider.class);
				assertThat(context.getBean(VolcengineCredentials.class).accessKeyId()).isEqualTo(ACCESS_KEY);

				assertThat(context.getBean(BotChatOperations.class).chat("v3").content()).isEqualTo("Echo: v3");
				try (var stream = context.getBean(BotChatOperations.class).stream("v3 streamed")) {
					assertThat(stream.completion().content()).isEqualTo("Echo: v3 streamed");
				}
				assertThat(context.getBean(LegacyBotChatOperations.class).chat("v2").content()).isEqualTo("Echo: v2");

				assertThat(server.issuedKeys()).hasSize(1);
				String issued = server.issuedKeys().get(0).apiKey();
				assertThat(server.requests()).filteredOn((request) -> request.path().startsWith("/api/"))
					.hasSize(3)
					.allSatisfy((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + issued));
				List<RecordedRequest> calls = getApiKeyCalls();
				assertThat(calls).hasSize(1);
				assertThat(calls.get(0).bodyJson()).isEqualTo(ArkJson.mapper()
					.readTree("{\"DurationSeconds\":172800,\"ResourceType\":\"bot\",\"ResourceIds\":[\"" + BOT
							+ "\"],\"ProjectName\":\"research\"}"));
				assertThat(calls.get(0).header("Authorization"))
					.startsWith("HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
					.contains("/cn-beijing/ark/request");
			});
	}

	@Test
	void aSessionTokenIsSignedIntoGetApiKey() {
		ark.server().requireCredentials(ACCESS_KEY, SECRET_KEY);
		accessKeyPair().withPropertyValues("ark.chat.session-token=sts-token-1").run((context) -> {
			assertThat(context.getBean(VolcengineCredentials.class).isTemporary()).isTrue();
			context.getBean(BotChatOperations.class).chat("hi");

			RecordedRequest call = getApiKeyCalls().get(0);
			assertThat(call.header("X-Security-Token")).isEqualTo("sts-token-1");
			assertThat(call.header("Authorization")).contains("x-security-token");
		});
	}

	@Test
	void theRegionGivesTheSigningRegionAndThePropertyOverridesIt() {
		accessKeyPair().withPropertyValues("ark.chat.region=ap-southeast").run((context) -> {
			context.getBean(BotChatOperations.class).chat("hi");
			assertThat(getApiKeyCalls().get(0).header("Authorization")).contains("/ap-southeast-1/ark/request");
		});
		ark.server().reset();
		accessKeyPair().withPropertyValues("ark.chat.temporary-keys.signing-region=cn-north-1").run((context) -> {
			context.getBean(BotChatOperations.class).chat("hi");
			assertThat(getApiKeyCalls().get(0).header("Authorization")).contains("/cn-north-1/ark/request");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "cn-beijing|https://open.volcengineapi.com", "cn-shanghai|https://open.volcengineapi.com",
			"ap-southeast|https://open.byteplusapi.com" })
	void getApiKeyGoesToTheRegionsOpenApiHostByDefault(String regionAndHost) {
		String[] parts = regionAndHost.split("\\|");
		List<URI> seen = new CopyOnWriteArrayList<>();
		this.runner
			.withPropertyValues("ark.chat.access-key=" + ACCESS_KEY, "ark.chat.secret-key=" + SECRET_KEY,
					"ark.chat.region=" + parts[0])
			.withBean(ArkChatRestClientCustomizer.class, () -> (builder) -> builder
				.requestInterceptor((request, body, execution) -> {
					seen.add(request.getURI());
					MockClientHttpResponse response = new MockClientHttpResponse(
							"{\"ResponseMetadata\":{\"RequestId\":\"r\"},\"Result\":{\"ApiKey\":\"k\",\"ExpiredTime\":9999999999}}"
								.getBytes(),
							HttpStatus.OK);
					response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
					return response;
				}))
			.run((context) -> {
				assertThat(context.getBean(ApiKeyProvider.class).getApiKey(BOT)).isEqualTo("k");
				assertThat(seen).containsExactly(URI.create(parts[1] + GET_API_KEY));
			});
	}

	@Test
	void aRefusedSignatureFailsTheCallWithTheOpenApiCode() {
		ark.server().requireCredentials(ACCESS_KEY, "the-real-secret");
		accessKeyPair().run((context) -> {
			assertThat(context).hasNotFailed();
			ArkAuthenticationException failure = org.assertj.core.api.Assertions
				.catchThrowableOfType(ArkAuthenticationException.class,
						() -> context.getBean(BotChatOperations.class).chat("hi"));
			assertThat(failure.getCode()).isEqualTo("SignatureDoesNotMatch");
			assertThat(ark.server().requests()).noneMatch((request) -> request.path().startsWith("/api/"));
		});
	}

	@Test
	void bothAnApiKeyAndAnAccessKeyPairFailTheStartupAskingToChooseOne() {
		this.runner
			.withPropertyValues("ark.chat.api-key=sk-console", "ark.chat.access-key=" + ACCESS_KEY,
					"ark.chat.secret-key=" + SECRET_KEY)
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("'ark.chat.api-key'")
					.contains("'ark.chat.access-key'")
					.contains("'ark.chat.secret-key'")
					.doesNotContain("sk-console")
					.doesNotContain(SECRET_KEY);
				assertThat(analysis.getAction()).startsWith("Choose one")
					.contains("remove 'ark.chat.api-key'")
					.contains("remove 'ark.chat.access-key' and 'ark.chat.secret-key'");
			});
	}

	@Test
	void anApiKeyAndHalfAPairFailTheStartupAskingToChooseOne() {
		this.runner.withPropertyValues("ark.chat.api-key=sk-console", "ark.chat.secret-key=" + SECRET_KEY)
			.run((context) -> assertThat(analysis(context).getAction()).startsWith("Choose one"));
	}

	@Test
	void anAccessKeyWithoutItsSecretFailsTheStartup() {
		this.runner.withPropertyValues("ark.chat.access-key=" + ACCESS_KEY).run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("'ark.chat.access-key' is set but 'ark.chat.secret-key'");
			assertThat(analysis.getAction()).contains("Set 'ark.chat.secret-key'").contains("ARK_CHAT_SECRET_KEY");
		});
	}

	@Test
	void aSecretWithoutItsAccessKeyFailsTheStartup() {
		this.runner.withPropertyValues("ark.chat.secret-key=" + SECRET_KEY, "ark.chat.access-key= ").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("'ark.chat.secret-key' is set but 'ark.chat.access-key'")
				.doesNotContain(SECRET_KEY);
			assertThat(analysis.getAction()).contains("Set 'ark.chat.access-key'");
		});
	}

	@Test
	void aSessionTokenWithoutAPairFailsTheStartup() {
		this.runner.withPropertyValues("ark.chat.session-token=sts-token").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("'ark.chat.session-token'").doesNotContain("sts-token");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "31d", "2592001s", "0s", "-1h" })
	void aKeyLifetimeOutsideWhatGetApiKeyGrantsFailsTheStartup(String duration) {
		accessKeyPair().withPropertyValues("ark.chat.temporary-keys.duration=" + duration).run((context) -> {
			// refused once bound: the report names the property, its value and the range
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(ArkChatConfigurationException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("ark.chat.temporary-keys.duration");
					assertThat(ex.getMessage()).contains("(1 bad value)")
						.contains("Property: ark.chat.temporary-keys.duration")
						.contains("from 1s to 30d (2592000 seconds)");
				});
		});
	}

	@Test
	void thirtyDaysIsAllowed() {
		accessKeyPair().withPropertyValues("ark.chat.temporary-keys.duration=30d").run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(BotChatOperations.class).chat("hi");
			assertThat(getApiKeyCalls().get(0).bodyJson().get("DurationSeconds").longValue()).isEqualTo(2592000L);
		});
	}

	@Test
	void aRefreshWindowThatIsNotPositiveFailsTheStartup() {
		accessKeyPair().withPropertyValues("ark.chat.temporary-keys.refresh-ahead=0s")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("'ark.chat.temporary-keys.refresh-ahead'"));
	}

	@Test
	void aMalformedOpenApiUrlFailsTheStartupNamingItsProperty() {
		accessKeyPair().withPropertyValues("ark.chat.temporary-keys.base-url=open.volcengineapi.com")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("'ark.chat.temporary-keys.base-url'"));
	}

	@Test
	void noCredentialsAtAllFailTheStartupNamingBothKinds() {
		this.runner.run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getAction()).contains("'ark.chat.api-key'")
				.contains("'ark.chat.access-key' and 'ark.chat.secret-key'");
		});
	}

	@Test
	void theApplicationsApiKeyProviderWinsOverEitherKind() {
		ApiKeyProvider mine = (resource) -> "mine";
		this.runner.withPropertyValues("ark.chat.api-key=sk-console")
			.withBean(ApiKeyProvider.class, () -> mine)
			.run((context) -> {
				assertThat(context).getBean(ApiKeyProvider.class).isSameAs(mine);
				assertThat(context).doesNotHaveBean(StaticApiKeyProvider.class);
			});
		accessKeyPair().withBean(ApiKeyProvider.class, () -> mine).run((context) -> {
			assertThat(context).getBean(ApiKeyProvider.class).isSameAs(mine);
			assertThat(context).doesNotHaveBean(TemporaryApiKeyProvider.class);
			assertThat(context).doesNotHaveBean(ArkApiKeyRefreshExecutor.class);
			// the pair is still there for what signs its requests
			assertThat(context).hasSingleBean(VolcengineCredentials.class);
			context.getBean(BotChatOperations.class).chat("hi");
			assertThat(ark.server().requests()).singleElement()
				.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer mine"));
		});
	}

	@Test
	void theApplicationsCredentialsBeanIssuesTheKeys() {
		ark.server().requireCredentials("AKLTfromTheVault000001", "vault-secret");
		this.runner.withPropertyValues("ark.chat.base-url=" + ark.server().baseUrl(),
				"ark.chat.temporary-keys.base-url=" + ark.server().baseUrl())
			.withBean(VolcengineCredentials.class, () -> VolcengineCredentials.of("AKLTfromTheVault000001", "vault-secret"))
			.run((context) -> {
				assertThat(context.getBean(ApiKeyProvider.class)).isInstanceOf(TemporaryApiKeyProvider.class);
				assertThat(context.getBean(BotChatOperations.class).chat("hi").content()).isEqualTo("Echo: hi");
				assertThat(ark.server().issuedKeys()).hasSize(1);
			});
	}

	@Test
	void theRefreshExecutorIsClosedWithTheContext() {
		ArkApiKeyRefreshExecutor[] executor = new ArkApiKeyRefreshExecutor[1];
		accessKeyPair().run((context) -> {
			executor[0] = context.getBean(ArkApiKeyRefreshExecutor.class);
			assertThat(executor[0].isTerminated()).isFalse();
			assertThat(context.getBeansOfType(java.util.concurrent.Executor.class)).isEmpty();
		});
		assertThat(executor[0].isTerminated()).isTrue();
	}

	static FailureAnalysis analysis(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new ArkChatConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

}
