package dev.arkchat.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import dev.arkchat.ArkException;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatStream;
import dev.arkchat.bot.legacy.LegacyBotChatClient;
import dev.arkchat.bot.legacy.LegacyBotChatOperations;
import dev.arkchat.bot.legacy.LegacyBotChatStream;
import dev.arkchat.test.ArkMockServer;
import dev.arkchat.test.ArkMockServerExtension;
import dev.arkchat.test.IssuedKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger at DEBUG, the Boot-configured clients are driven through success and failure, blocking and
 * streamed, v3, v2 and GetApiKey, with a known API key, secret key and issued temporary keys: none of them may appear
 * in the captured output, in an exception's message or stack trace, or in the {@code toString()} of the properties,
 * clients, templates, providers and credentials.
 */
@ExtendWith(OutputCaptureExtension.class)
class ArkChatSecretsTests {

	static final String API_KEY = "sk-apikey-must-never-show-5f2c";

	static final String ACCESS_KEY = "AKLTsecretsTestsAccess01";

	static final String SECRET_KEY = "SK-secret-must-never-show-9b7e";

	static final String SESSION_TOKEN = "STS-token-must-never-show-31d4";

	static final String BOT = "bot-20250101000000-secret";

	@RegisterExtension
	static ArkMockServerExtension ark = new ArkMockServerExtension();

	final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	LogLevel rootLevel;

	/** The temporary keys the fake issued, kept across its resets. */
	final List<String> issued = new ArrayList<>();

	/** Every exception message, stack trace and {@code toString()} seen by the test. */
	final List<String> texts = new ArrayList<>();

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ArkChatAutoConfiguration.class))
		.withPropertyValues("ark.chat.bot.id=" + BOT, "ark.chat.retry.max-attempts=1");

	@BeforeEach
	void debugEverything() {
		LoggerConfiguration root = this.logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME);
		this.rootLevel = (root != null) ? root.getConfiguredLevel() : null;
		this.logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
	}

	@AfterEach
	void restoreLogging() {
		this.logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, this.rootLevel);
	}

	ApplicationContextRunner accessKeyPair(String secretKey) {
		String url = ark.server().baseUrl();
		return this.runner.withPropertyValues("ark.chat.access-key=" + ACCESS_KEY, "ark.chat.secret-key=" + secretKey,
				"ark.chat.session-token=" + SESSION_TOKEN, "ark.chat.base-url=" + url,
				"ark.chat.temporary-keys.base-url=" + url);
	}

	@Test
	void noSecretAppearsInLogsMessagesOrToString(CapturedOutput output) {
		ArkMockServer server = ark.server();
		server.requireCredentials(ACCESS_KEY, SECRET_KEY).requireApiKey(API_KEY);

		accessKeyPair(SECRET_KEY).run((context) -> {
			callEverything(context, server);
			record(context.getBean(VolcengineCredentials.class));
			record(context.getBean(ArkApiKeyRefreshExecutor.class));
		});
		assertThat(this.issued).as("keys issued by GetApiKey").isNotEmpty();

		// GetApiKey refusing the signature, and answering an error inside a 200
		accessKeyPair("SK-wrong-secret-must-never-show").run((context) -> attempt(
				() -> context.getBean(BotChatOperations.class).chat("hi")));
		server.getApiKey().fail(200, "AccessDenied", "User is not authorized to perform: ark:GetApiKey");
		accessKeyPair(SECRET_KEY)
			.run((context) -> attempt(() -> context.getBean(LegacyBotChatOperations.class).chat("hi")));
		server.reset();

		// the console API key
		server.requireApiKey(API_KEY);
		this.runner.withPropertyValues("ark.chat.api-key=" + API_KEY, "ark.chat.base-url=" + server.baseUrl())
			.run((context) -> callEverything(context, server));
		this.runner.withPropertyValues("ark.chat.api-key=sk-wrong-key-must-never-show",
				"ark.chat.base-url=" + server.baseUrl())
			.run((context) -> attempt(() -> context.getBean(BotChatOperations.class).chat("hi")));

		// both kinds at once: the startup failure and its analysis
		this.runner
			.withPropertyValues("ark.chat.api-key=" + API_KEY, "ark.chat.access-key=" + ACCESS_KEY,
					"ark.chat.secret-key=" + SECRET_KEY)
			.run((context) -> {
				record(context.getStartupFailure());
				FailureAnalysis analysis = new ArkChatConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
				this.texts.add(analysis.getDescription());
				this.texts.add(analysis.getAction());
			});

		List<String> secrets = new ArrayList<>(List.of(API_KEY, SECRET_KEY, SESSION_TOKEN,
				"SK-wrong-secret-must-never-show", "sk-wrong-key-must-never-show"));
		secrets.addAll(this.issued);
		// the test saw DEBUG lines of ark-chat, failures and every bean's toString(): it checked something
		assertThat(output.getAll()).contains("DEBUG").contains("Issued a temporary API key for " + BOT);
		assertThat(String.join("\n", this.texts)).contains("SignatureDoesNotMatch")
			.contains("AccessDenied")
			.contains("AuthenticationError")
			.contains("InternalServiceError")
			.contains("TemporaryApiKeyProvider")
			.contains("StaticApiKeyProvider")
			.contains("ArkChatProperties")
			.contains("Choose one");
		for (String secret : secrets) {
			assertThat(output.getAll()).as("captured output").doesNotContain(secret);
			assertThat(this.texts).as("messages, stack traces and toString()")
				.allSatisfy((text) -> assertThat(text).doesNotContain(secret));
		}
		assertThat(output.getAll()).doesNotContain("HMAC-SHA256 Credential=").doesNotContain("Bearer ");
		assertThat(this.texts).allSatisfy((text) -> assertThat(text).doesNotContain("HMAC-SHA256 Credential=")
			.doesNotContain("Bearer "));
	}

	/** Calls v3 and v2, blocking and streamed, then makes each fail, recording the beans and the exceptions. */
	void callEverything(ApplicationContext context, ArkMockServer server) {
		BotChatOperations bots = context.getBean(BotChatOperations.class);
		LegacyBotChatOperations legacy = context.getBean(LegacyBotChatOperations.class);
		bots.chat("blocking v3");
		try (BotChatStream stream = bots.stream("streamed v3")) {
			stream.completion();
		}
		legacy.chat("blocking v2");
		try (LegacyBotChatStream stream = legacy.stream("streamed v2")) {
			stream.completion();
		}
		server.botChat().errorMidStream(1, "InternalServiceError", "The service failed mid-stream");
		server.legacyBotChat().errorMidStream(1, "InternalServiceError", 1709701L, "The bot failed mid-stream");
		attempt(() -> {
			try (BotChatStream stream = bots.stream("failing v3")) {
				stream.completion();
			}
		});
		attempt(() -> {
			try (LegacyBotChatStream stream = legacy.stream("failing v2")) {
				stream.completion();
			}
		});
		server.botChat().fail(401, "AuthenticationError", "The API key in the request is invalid");
		server.legacyBotChat().fail(500, "InternalServiceError", "The bot is down");
		attempt(() -> bots.chat("refused v3"));
		attempt(() -> legacy.chat("failed v2"));
		record(context.getBean(ArkChatProperties.class));
		record(context.getBean(ArkChatLegacyBotProperties.class));
		record(context.getBean(ApiKeyProvider.class));
		record(context.getBean(BotChatClient.class));
		record(bots);
		record(context.getBean(LegacyBotChatClient.class));
		record(legacy);
		this.issued.addAll(server.issuedKeys().stream().map(IssuedKey::apiKey).toList());
		server.reset();
		server.requireCredentials(ACCESS_KEY, SECRET_KEY).requireApiKey(API_KEY);
	}

	void attempt(Runnable call) {
		try {
			call.run();
		}
		catch (ArkException ex) {
			record(ex);
			return;
		}
		throw new AssertionError("the call was expected to fail");
	}

	void record(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		this.texts.add(trace.toString());
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			this.texts.add(String.valueOf(cause.getMessage()));
		}
	}

	void record(Object bean) {
		this.texts.add(bean.toString());
	}

}
