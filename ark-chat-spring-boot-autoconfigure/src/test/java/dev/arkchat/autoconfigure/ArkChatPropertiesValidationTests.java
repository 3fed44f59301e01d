package dev.arkchat.autoconfigure;

import dev.arkchat.auth.TemporaryApiKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad {@code ark.chat.*} value fails the startup, and Boot's report names the property and the allowed values; with
 * or without a Bean Validation provider.
 */
class ArkChatPropertiesValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ArkChatAutoConfiguration.class))
		.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.bot.id=bot-1");

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ark.chat.retry.max-attempts=0           | ark.chat.retry.max-attempts           | must be at least 1 | 0
			ark.chat.retry.jitter=1                 | ark.chat.retry.jitter                 | must be in [0, 1) | 1.0
			ark.chat.retry.jitter=-0.1              | ark.chat.retry.jitter                 | must be in [0, 1) | -0.1
			ark.chat.retry.multiplier=0.5           | ark.chat.retry.multiplier             | must be at least 1.0 | 0.5
			ark.chat.retry.initial-backoff=-1s      | ark.chat.retry.initial-backoff        | not negative | PT-1S
			ark.chat.retry.max-backoff=-1s          | ark.chat.retry.max-backoff            | not negative | PT-1S
			ark.chat.retry.max-retry-after=-1s      | ark.chat.retry.max-retry-after        | not negative | PT-1S
			ark.chat.timeouts.connect=0s            | ark.chat.timeouts.connect             | must be more than 0 | PT0S
			ark.chat.timeouts.read=-1s              | ark.chat.timeouts.read                | must be more than 0 | PT-1S
			ark.chat.timeouts.stream-idle=0ms       | ark.chat.timeouts.stream-idle         | must be more than 0 | PT0S
			ark.chat.bot.temperature=1.5            | ark.chat.bot.temperature              | must be in [0, 1] | 1.5
			ark.chat.bot.max-tokens=5000            | ark.chat.bot.max-tokens               | must be in [0, 4096] | 5000
			ark.chat.bot.top-p=-0.1                 | ark.chat.bot.top-p                    | must be in [0, 1] | -0.1
			ark.chat.bot.thinking=sometimes         | ark.chat.bot.thinking                 | must be one of enabled, disabled, auto | sometimes
			ark.chat.temporary-keys.duration=31d    | ark.chat.temporary-keys.duration      | from 1s to 30d | PT744H
			ark.chat.temporary-keys.duration=0s     | ark.chat.temporary-keys.duration      | from 1s to 30d | PT0S
			ark.chat.temporary-keys.refresh-ahead=8d | ark.chat.temporary-keys.refresh-ahead | shorter than temporary-keys.duration | PT192H
			""")
	void aBadValueFailsTheStartupNamingThePropertyAndTheAllowedValues(String setting, String property,
			String reason, String boundValue) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ArkChatConfigurationException.class);
			FailureAnalysis analysis = FailureAnalysisSupport.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: " + property + "\n")
				.contains("Value: \"" + boundValue + "\"")
				.contains(reason);
			// Boot hands the analyzer the application's environment: the report says where the value was set
			FailureAnalysis withOrigin = new ArkChatConfigurationFailureAnalyzer(environment(setting))
				.analyze(context.getStartupFailure());
			assertThat(withOrigin.getDescription()).contains("Property: " + property + "\n")
				.contains("Origin: \"" + property + "\" from property source \"mockProperties\"\n");
		});
	}

	@Test
	void aNamedBotsValuesAreCheckedUnderItsName() {
		this.runner.withPropertyValues("ark.chat.bots.sales.id=bot-sales", "ark.chat.bots.sales.temperature=2")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalysisSupport.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: ark.chat.bots[sales].temperature")
					.contains("Value: \"2.0\"")
					.contains("must be in [0, 1]");
			});
	}

	@Test
	void aNamedBotWithoutItsIdFailsTheStartup() {
		this.runner.withPropertyValues("ark.chat.bots.sales.temperature=0.3").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalysisSupport.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Property: ark.chat.bots[sales].id")
				.contains("must be set: a named bot needs its bot id");
		});
	}

	@Test
	void everyBadValueIsReportedAtOnce() {
		this.runner.withPropertyValues("ark.chat.retry.max-attempts=0", "ark.chat.bot.temperature=3").run((context) -> {
			FailureAnalysis analysis = FailureAnalysisSupport.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("ark.chat.retry.max-attempts")
				.contains("ark.chat.bot.temperature");
		});
	}

	@Test
	void anUnknownRegionIsReportedWithTheRegionsThereAre() {
		this.runner.withPropertyValues("ark.chat.region=cn-beijng").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalysisSupport.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("ark.chat.region").contains("cn-beijng");
			assertThat(analysis.getAction()).contains("CN_BEIJING").contains("CN_SHANGHAI").contains("AP_SOUTHEAST");
		});
	}

	@Test
	void goodValuesStart() {
		this.runner
			.withPropertyValues("ark.chat.retry.max-attempts=1", "ark.chat.retry.jitter=0",
					"ark.chat.retry.initial-backoff=0s", "ark.chat.timeouts.connect=2s", "ark.chat.bot.temperature=0",
					"ark.chat.bot.max-tokens=4096", "ark.chat.bot.top-p=1", "ark.chat.bot.thinking=auto",
					"ark.chat.temporary-keys.duration=30d", "ark.chat.temporary-keys.refresh-ahead=0s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theLongestKeyLifetimeAllowedIsTheOneTheProviderGrants() {
		// written out in the validator, so that checking it does not load the provider
		assertThat(ArkChatPropertiesValidator.MAX_KEY_DURATION).isEqualTo(TemporaryApiKeyProvider.MAX_DURATION);
	}

	@Test
	void withoutBeanValidationOnTheClassPathTheValuesAreStillChecked() {
		this.runner.withClassLoader(new FilteredClassLoader("jakarta.validation", "org.hibernate.validator"))
			.withPropertyValues("ark.chat.retry.max-attempts=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(FailureAnalysisSupport.analyze(context.getStartupFailure()).getDescription())
					.contains("Property: ark.chat.retry.max-attempts");
			});
		this.runner.withClassLoader(new FilteredClassLoader("jakarta.validation", "org.hibernate.validator"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void withBootsValidationTheValuesAreCheckedOnce() {
		this.runner.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withPropertyValues("ark.chat.retry.max-attempts=0")
			.run((context) -> {
				String description = FailureAnalysisSupport.analyze(context.getStartupFailure()).getDescription();
				assertThat(description).contains("(1 bad value)");
				assertThat(description.split("Property: ", -1)).hasSize(2);
			});
	}

	@Test
	void everyBadValueIsListedWithItsOriginInBootsFormat() {
		this.runner.withPropertyValues("ark.chat.retry.max-attempts=0", "ark.chat.bot.temperature=3").run((context) -> {
			FailureAnalysis analysis = new ArkChatConfigurationFailureAnalyzer(
					environment("ark.chat.retry.max-attempts=0", "ark.chat.bot.temperature=3"))
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("""
					Invalid ark-chat configuration (2 bad values):

					    Property: ark.chat.bot.temperature
					    Value: "3.0"
					    Origin: "ark.chat.bot.temperature" from property source "mockProperties"
					    Reason: must be in [0, 1]

					    Property: ark.chat.retry.max-attempts
					    Value: "0"
					    Origin: "ark.chat.retry.max-attempts" from property source "mockProperties"
					    Reason: must be at least 1 (1 turns retries off)
					""");
			assertThat(analysis.getAction()).contains("Update your application's configuration");
		});
	}

	/** An environment with the settings, as the one Boot gives the failure analyzers. */
	private static MockEnvironment environment(String... settings) {
		MockEnvironment environment = new MockEnvironment();
		for (String setting : settings) {
			String[] property = setting.split("=", 2);
			environment.setProperty(property[0].trim(), property[1].trim());
		}
		return environment;
	}

}
