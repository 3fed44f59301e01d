package dev.arkchat.autoconfigure;

import java.net.URI;

import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatTemplate;
import dev.arkchat.observation.ArkChatObservationConvention;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of ark-chat: from the {@code ark.chat.*} properties, an {@link ApiKeyProvider} (see
 * {@link ArkChatCredentialsConfiguration}), the bot chat client and the {@link BotChatOperations} applications inject.
 * Every bean backs off when the application defines one of its type.
 * <p>
 * Clients are built from a clone of Boot's {@link RestClient.Builder} (so Boot's customizers, observations and
 * {@code spring.http.clients.*} settings apply), customized by the {@link ArkChatRestClientCustomizer} beans, with
 * Ark's base URL and Ark's own JDK {@code HttpClient} request factories (see {@link ArkRequestFactories} for why Ark
 * needs those), and observed with the application's {@link ObservationRegistry}. The application's own builder is
 * never changed. Missing credentials or a malformed URL fail the startup with an
 * {@link ArkChatConfigurationException} that names the property.
 */
@AutoConfiguration(afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass({ BotChatClient.class, RestClient.class })
@ConditionalOnProperty(prefix = ArkChatProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ArkChatProperties.class)
@Import({ ArkChatCredentialsConfiguration.class, ArkChatBotsRegistrar.class })
// @Lazy: the endpoint beans are created when first injected or asked for (their settings are checked at startup)
@Lazy
public final class ArkChatAutoConfiguration {

	/** The property that overrides the region's Ark host. */
	static final String BASE_URL_PROPERTY = ArkChatProperties.PREFIX + ".base-url";

	/**
	 * Builds the transport of every Ark client.
	 * @param properties the properties
	 * @param restClientBuilder Boot's builder, when {@code spring-boot-restclient} is present
	 * @param customizers Ark-only customizers
	 * @param observationRegistry the registry calls are observed with, if any
	 * @param observationConvention replaces the default observation convention, if defined
	 * @param beanFactory where Boot's HTTP client settings are found
	 * @return the factory of transports
	 */
	@Bean
	@Lazy(false)
	@ConditionalOnMissingBean(ArkTransports.class)
	static ArkTransports arkChatTransports(ArkChatProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ArkChatRestClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ArkChatObservationConvention> observationConvention, BeanFactory beanFactory) {
		return new ArkTransports(properties, restClientBuilder, customizers, observationRegistry,
				observationConvention, beanFactory);
	}

	/**
	 * The bot chat v3 endpoint client.
	 * @param properties the properties
	 * @param apiKeys the credentials; none fails the startup
	 * @param transports builds the transport
	 * @return the client
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean(BotChatClient.class)
	BotChatClient botChatClient(ArkChatProperties properties, ObjectProvider<ApiKeyProvider> apiKeys,
			ArkTransports transports) {
		ApiKeyProvider keys = apiKeys.getIfAvailable();
		if (keys == null) {
			throw new ArkChatCredentialsMissingException("BotChatClient");
		}
		URI baseUrl = ArkBaseUrls.resolve(BASE_URL_PROPERTY, properties.getBaseUrl(),
				properties.getRegion().arkBaseUrl());
		return new BotChatClient(transports.create(baseUrl), keys);
	}

	/**
	 * What applications inject to call a bot, with {@code ark.chat.bot.*} as the default bot and its defaults.
	 * Primary, so that plain injection still finds it when named bots ({@code ark.chat.bots.*}) add more.
	 * @param client the endpoint client
	 * @param properties the properties
	 * @return the template
	 */
	@Bean
	@Lazy
	@Primary
	@ConditionalOnMissingBean(BotChatOperations.class)
	BotChatTemplate botChatTemplate(BotChatClient client, ArkChatProperties properties) {
		return BotChatTemplates.create(client, properties.getBot());
	}

}
