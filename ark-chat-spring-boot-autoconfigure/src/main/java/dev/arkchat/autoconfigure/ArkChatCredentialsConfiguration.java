package dev.arkchat.autoconfigure;

import java.net.URI;

import dev.arkchat.ArkRegion;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.StaticApiKeyProvider;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The credentials of every Bearer client (bot chat v3 and v2, context), imported by {@link ArkChatAutoConfiguration}:
 * <ul>
 * <li>{@code ark.chat.api-key}: a {@link StaticApiKeyProvider} sending that key on every call;</li>
 * <li>{@code ark.chat.access-key} + {@code ark.chat.secret-key} (+ {@code ark.chat.session-token}): a
 * {@link VolcengineCredentials} bean (which the signed knowledge-base clients use too) and a
 * {@link TemporaryApiKeyProvider} that obtains one temporary key per bot or endpoint from the OpenAPI's GetApiKey
 * (region's host and signing region unless {@code ark.chat.temporary-keys.base-url} / {@code .signing-region} say
 * otherwise) and refreshes it in the background on an {@link ArkApiKeyRefreshExecutor} closed with the context.</li>
 * </ul>
 * Both kinds at once, half an access key pair, or a key lifetime GetApiKey does not grant fail the startup with a
 * message naming the properties ({@link ArkChatCredentialsCheck}). An application's own {@link ApiKeyProvider} bean
 * replaces both providers; its own {@link VolcengineCredentials} bean replaces the pair of the properties.
 */
// the beans are eager (@Lazy(false)) and made by static methods: the class itself is never instantiated
@Configuration(proxyBeanMethods = false)
@Lazy
class ArkChatCredentialsConfiguration {

	/** The property that overrides the OpenAPI host. */
	static final String TEMPORARY_KEYS_BASE_URL = ArkChatProperties.PREFIX + ".temporary-keys.base-url";

	/**
	 * The console API key as the key of every call, when {@code ark.chat.api-key} is set.
	 * @param properties the properties
	 * @return the provider
	 * @throws ArkChatConfigurationException when an access key pair is configured too
	 */
	@Bean
	@Lazy(false)
	@ConditionalOnMissingBean(ApiKeyProvider.class)
	@Conditional(OnApiKeyCondition.class)
	static StaticApiKeyProvider arkChatApiKeyProvider(ArkChatProperties properties) {
		ArkChatCredentialsCheck.requireOneKind(properties);
		return new StaticApiKeyProvider(properties.getApiKey());
	}

	/**
	 * The access key pair, when any of {@code ark.chat.access-key}, {@code secret-key} or {@code session-token} is
	 * set.
	 * @param properties the properties
	 * @return the credentials
	 * @throws ArkChatConfigurationException when the pair is incomplete or an API key is configured too
	 */
	@Bean
	@Lazy(false)
	@ConditionalOnMissingBean(VolcengineCredentials.class)
	@Conditional(OnAccessKeyPairCondition.class)
	static VolcengineCredentials arkChatVolcengineCredentials(ArkChatProperties properties) {
		return ArkChatCredentialsCheck.accessKeyPair(properties);
	}

	/**
	 * Where temporary keys are refreshed; closed with the context.
	 * @return the executor
	 */
	@Bean
	@Lazy(false)
	@ConditionalOnMissingBean({ ApiKeyProvider.class, ArkApiKeyRefreshExecutor.class })
	@ConditionalOnBean(VolcengineCredentials.class)
	static ArkApiKeyRefreshExecutor arkChatApiKeyRefreshExecutor() {
		return new ArkApiKeyRefreshExecutor();
	}

	/**
	 * Temporary API keys issued with the access key pair, one per bot or endpoint.
	 * @param credentials the access key pair
	 * @param properties the properties
	 * @param transports gives the HTTP client settings of Ark's clients
	 * @param executor runs the background refreshes
	 * @return the provider
	 * @throws ArkChatConfigurationException when a {@code ark.chat.temporary-keys.*} property is out of range
	 */
	@Bean
	@Lazy(false)
	@ConditionalOnMissingBean(ApiKeyProvider.class)
	@ConditionalOnBean({ VolcengineCredentials.class, ArkApiKeyRefreshExecutor.class })
	static TemporaryApiKeyProvider arkChatTemporaryApiKeyProvider(VolcengineCredentials credentials,
			ArkChatProperties properties, ArkTransports transports, ArkApiKeyRefreshExecutor executor) {
		ArkChatProperties.TemporaryKeys keys = properties.getTemporaryKeys();
		ArkRegion region = properties.getRegion();
		URI baseUrl = ArkBaseUrls.resolve(TEMPORARY_KEYS_BASE_URL, keys.getBaseUrl(), region.openApiBaseUrl());
		String signingRegion = StringUtils.hasText(keys.getSigningRegion()) ? keys.getSigningRegion().trim()
				: region.openApiSigningRegion();
		return TemporaryApiKeyProvider.builder()
			.credentials(credentials)
			.restClientBuilder(transports.restClientBuilderForCalls())
			.baseUrl(baseUrl.toString())
			.signingRegion(signingRegion)
			.duration(ArkChatCredentialsCheck.duration(keys.getDuration()))
			.refreshAhead(ArkChatCredentialsCheck.refreshAhead(keys.getRefreshAhead()))
			.projectName(keys.getProjectName())
			.executor(executor::execute)
			.build();
	}

	/** Matches when {@code ark.chat.api-key} has a non-blank value. */
	static final class OnApiKeyCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String property = ArkChatCredentialsCheck.API_KEY;
			if (StringUtils.hasText(context.getEnvironment().getProperty(property))) {
				return ConditionOutcome.match(property + " is set");
			}
			return ConditionOutcome.noMatch(property + " is not set");
		}

	}

	/**
	 * Matches when any of {@code ark.chat.access-key}, {@code secret-key} and {@code session-token} has a value, so
	 * that half a pair reaches the check and fails the startup instead of being ignored.
	 */
	static final class OnAccessKeyPairCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			for (String property : new String[] { ArkChatCredentialsCheck.ACCESS_KEY,
					ArkChatCredentialsCheck.SECRET_KEY, ArkChatCredentialsCheck.SESSION_TOKEN }) {
				if (StringUtils.hasText(environment.getProperty(property))) {
					return ConditionOutcome.match(property + " is set");
				}
			}
			return ConditionOutcome.noMatch("no access key pair is set");
		}

	}

}
