package dev.arkchat.autoconfigure;

import java.net.URI;

import dev.arkchat.ArkRegion;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.StaticApiKeyProvider;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The credential beans of every Bearer client (bot chat v3 and v2, context), which {@link ArkChatBeanRegistrar}
 * registers:
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
 * replaces both providers; its own {@link VolcengineCredentials} bean replaces the pair of the properties. The
 * factory methods are static, so that the beans can be processed ahead of time, and this class holds nothing else, so
 * that creating these eager beans reflects over no endpoint's types.
 */
final class ArkChatCredentialBeans {

	/** The property that overrides the OpenAPI host. */
	static final String TEMPORARY_KEYS_BASE_URL = ArkChatProperties.PREFIX + ".temporary-keys.base-url";

	private ArkChatCredentialBeans() {
	}

	/**
	 * The console API key as the key of every call, when {@code ark.chat.api-key} is set.
	 * @param properties the properties
	 * @return the provider
	 * @throws ArkChatConfigurationException when an access key pair is configured too
	 */
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
	static VolcengineCredentials arkChatVolcengineCredentials(ArkChatProperties properties) {
		return ArkChatCredentialsCheck.accessKeyPair(properties);
	}

	/**
	 * Where temporary keys are refreshed; closed with the context.
	 * @return the executor
	 */
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

	/**
	 * Whether {@code ark.chat.api-key} has a non-blank value.
	 * @param environment the environment
	 * @return whether the API key is set
	 */
	static boolean hasApiKey(Environment environment) {
		return StringUtils.hasText(environment.getProperty(ArkChatCredentialsCheck.API_KEY));
	}

	/**
	 * The first of {@code ark.chat.access-key}, {@code secret-key} and {@code session-token} that has a value, so that
	 * half a pair reaches the check and fails the startup instead of being ignored.
	 * @param environment the environment
	 * @return the property, or {@code null} when none is set
	 */
	static @Nullable String accessKeyPairProperty(Environment environment) {
		for (String property : new String[] { ArkChatCredentialsCheck.ACCESS_KEY, ArkChatCredentialsCheck.SECRET_KEY,
				ArkChatCredentialsCheck.SESSION_TOKEN }) {
			if (StringUtils.hasText(environment.getProperty(property))) {
				return property;
			}
		}
		return null;
	}

	/**
	 * Whether {@code ark.chat.access-key} and {@code ark.chat.secret-key} both have a value: what signing a request
	 * (the knowledge base) needs.
	 * @param environment the environment
	 * @return whether the pair is set
	 */
	static boolean hasAccessKeyPair(Environment environment) {
		return StringUtils.hasText(environment.getProperty(ArkChatCredentialsCheck.ACCESS_KEY))
				&& StringUtils.hasText(environment.getProperty(ArkChatCredentialsCheck.SECRET_KEY));
	}

}
