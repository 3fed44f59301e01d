package dev.arkchat.autoconfigure;

import java.time.Clock;
import java.util.Map;

import dev.arkchat.auth.ApiKeyProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * The {@code ark} health indicator ({@link ArkHealthIndicator}), when Boot's health support is there and
 * {@code management.health.ark.enabled} is not {@code false}. The outcomes of the last calls come from an observation
 * handler bean, which Boot's observation support adds to the registry Ark's clients are observed with.
 */
@AutoConfiguration(after = ArkChatAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ArkTransports.class)
public final class ArkChatHealthContributorAutoConfiguration {

	/** Nested so that the health condition is only read when Boot's health support is on the class path. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("ark")
	@EnableConfigurationProperties(ArkHealthIndicatorProperties.class)
	static class ArkHealthIndicatorConfiguration {

		/**
		 * Keeps the outcome of the last call per Ark API.
		 * @return the observation handler
		 */
		@Bean
		@ConditionalOnMissingBean
		ArkCallOutcomes arkCallOutcomes() {
			return new ArkCallOutcomes(Clock.systemUTC());
		}

		/**
		 * The {@code ark} health indicator.
		 * @param transports knows the hosts of Ark's clients
		 * @param properties the properties
		 * @param healthProperties the probe timeout
		 * @param apiKeys the credentials, if any
		 * @param outcomes the last calls
		 * @param beanFactory where Boot's HTTP client settings are found
		 * @return the indicator
		 */
		@Bean
		@ConditionalOnMissingBean(name = "arkHealthIndicator")
		HealthIndicator arkHealthIndicator(ArkTransports transports, ArkChatProperties properties,
				ArkHealthIndicatorProperties healthProperties, ObjectProvider<ApiKeyProvider> apiKeys,
				ArkCallOutcomes outcomes, BeanFactory beanFactory) {
			RestClient probes = transports.restClientBuilder()
				.requestFactory(ArkRequestFactories.forProbes(beanFactory, healthProperties.getTimeout(), properties))
				.build();
			return new ArkHealthIndicator(transports::hostsOfAllClients, new ArkHostProbe(probes), apiKeys.getIfUnique(),
					checkedBot(properties), outcomes);
		}

		/** The bot a temporary key is issued for: the default bot, else the first named one. */
		private static @Nullable String checkedBot(ArkChatProperties properties) {
			if (StringUtils.hasText(properties.getBot().getId())) {
				return properties.getBot().getId();
			}
			for (Map.Entry<String, ArkChatProperties.Bot> bot : properties.getBots().entrySet()) {
				if (StringUtils.hasText(bot.getValue().getId())) {
					return bot.getValue().getId();
				}
			}
			return null;
		}

	}

}
