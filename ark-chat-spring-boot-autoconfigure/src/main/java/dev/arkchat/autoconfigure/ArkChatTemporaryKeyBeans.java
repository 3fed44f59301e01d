package dev.arkchat.autoconfigure;

import java.net.URI;

import dev.arkchat.ArkRegion;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;

import org.springframework.util.StringUtils;

/**
 * The beans of temporary API keys, which {@link ArkChatBeanRegistrar} registers when an access key pair is the
 * credentials ({@link ArkChatCredentialBeans}) and no {@code ApiKeyProvider} bean exists: a
 * {@link TemporaryApiKeyProvider} that obtains one temporary key per bot or endpoint from the OpenAPI's GetApiKey
 * (region's host and signing region unless {@code ark.chat.temporary-keys.base-url} / {@code .signing-region} say
 * otherwise) and refreshes it in the background on an {@link ArkApiKeyRefreshExecutor} closed with the context. A key
 * lifetime GetApiKey does not grant fails the startup naming the property ({@link ArkChatCredentialsCheck}). The
 * factory methods are static, so that the beans can be processed ahead of time.
 */
final class ArkChatTemporaryKeyBeans {

	/** The property that overrides the OpenAPI host. */
	static final String TEMPORARY_KEYS_BASE_URL = ArkChatProperties.PREFIX + ".temporary-keys.base-url";

	private ArkChatTemporaryKeyBeans() {
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

}
