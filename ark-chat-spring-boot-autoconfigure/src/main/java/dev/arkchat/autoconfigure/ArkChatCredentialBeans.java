package dev.arkchat.autoconfigure;

import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.StaticApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;

/**
 * The credential beans of every Bearer client (bot chat v3 and v2, context), which {@link ArkChatBeanRegistrar}
 * registers:
 * <ul>
 * <li>{@code ark.chat.api-key}: a {@link StaticApiKeyProvider} sending that key on every call;</li>
 * <li>{@code ark.chat.access-key} + {@code ark.chat.secret-key} (+ {@code ark.chat.session-token}): a
 * {@link VolcengineCredentials} bean (which the signed knowledge-base clients use too) and the temporary keys issued
 * with it ({@link ArkChatTemporaryKeyBeans}).</li>
 * </ul>
 * Both kinds at once, half an access key pair, or a key lifetime GetApiKey does not grant fail the startup with a
 * message naming the properties ({@link ArkChatCredentialsCheck}). An application's own {@link ApiKeyProvider} bean
 * replaces both providers; its own {@link VolcengineCredentials} bean replaces the pair of the properties. The
 * factory methods are static, so that the beans can be processed ahead of time, and this class holds nothing else, so
 * that creating these eager beans reflects over no endpoint's types, nor over those of temporary keys, which an
 * application with an API key never loads.
 */
final class ArkChatCredentialBeans {

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

}
