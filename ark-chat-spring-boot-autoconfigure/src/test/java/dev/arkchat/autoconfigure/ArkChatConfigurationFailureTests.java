package dev.arkchat.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration mistakes fail the startup, and Boot's report names the property to set.
 */
class ArkChatConfigurationFailureTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ArkChatAutoConfiguration.class));

	@ParameterizedTest
	@ValueSource(strings = { "ark.chat.bot.id=bot-1", "ark.chat.api-key=", "ark.chat.api-key=   " })
	void aMissingApiKeyFailsTheStartupNamingTheProperty(String property) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			// thrown once the eager beans exist (the client beans are lazy), so it may be the failure itself
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(ArkChatCredentialsMissingException.class);
			FailureAnalysis analysis = new ArkChatConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'ark.chat.api-key'").contains("BotChatClient");
			assertThat(analysis.getAction()).contains("'ark.chat.api-key'").contains("ARK_CHAT_API_KEY");
		});
	}

	@Test
	void anApiKeyProviderBeanIsEnoughWithoutTheProperty() {
		this.runner.withBean(dev.arkchat.auth.ApiKeyProvider.class, () -> (bot) -> "key")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ark.cn-beijing.volces.com", "ftp://ark.cn-beijing.volces.com", "https://ark volces com",
			"https://", "https://ark.cn-beijing.volces.com/?x=1" })
	void aMalformedBaseUrlFailsTheStartupNamingTheProperty(String baseUrl) {
		this.runner.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.base-url=" + baseUrl).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new ArkChatConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'ark.chat.base-url'").contains(baseUrl);
			assertThat(analysis.getAction()).contains("'ark.chat.base-url'").contains("ark.chat.region");
		});
	}

	@Test
	void aBaseUrlWithUserInfoIsRefusedWithoutRepeatingIt() {
		this.runner
			.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.base-url=https://me:s3cr3t@ark.example.com")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ArkChatConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'ark.chat.base-url'").doesNotContain("s3cr3t");
				assertThat(context.getStartupFailure()).hasStackTraceContaining("ark.chat.base-url")
					.satisfies((failure) -> assertThat(stackTrace(failure)).doesNotContain("s3cr3t"));
			});
	}

	@Test
	void theAnalyzerIgnoresOtherFailures() {
		assertThat(new ArkChatConfigurationFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

	@Test
	void theAnalyzerIsRegisteredWithBoot() {
		// Boot's own analyzers need constructor arguments: skip those that cannot be created here
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> {
			}));
		assertThat(analyzers).hasAtLeastOneElementOfType(ArkChatConfigurationFailureAnalyzer.class);
	}

	private static String stackTrace(Throwable failure) {
		java.io.StringWriter out = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(out));
		return out.toString();
	}

}
