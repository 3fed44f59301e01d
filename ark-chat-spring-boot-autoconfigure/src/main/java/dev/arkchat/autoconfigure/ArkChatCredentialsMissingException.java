package dev.arkchat.autoconfigure;

import dev.arkchat.auth.ApiKeyProvider;

import org.springframework.beans.factory.ObjectProvider;

/**
 * No credentials for Ark were configured: neither {@code ark.chat.api-key} nor {@code ark.chat.access-key} with
 * {@code ark.chat.secret-key} is set, and no {@link ApiKeyProvider} bean exists. Raised when a client
 * that needs them is created, so that the application fails at startup instead of with a 401 at its first call.
 */
public class ArkChatCredentialsMissingException extends ArkChatConfigurationException {

	private static final long serialVersionUID = 1L;

	/** The property that holds the key. */
	static final String API_KEY_PROPERTY = ArkChatProperties.PREFIX + ".api-key";

	/** The environment variable that Boot binds to the property. */
	static final String API_KEY_ENVIRONMENT_VARIABLE = "ARK_CHAT_API_KEY";

	/**
	 * Creates the exception.
	 * @param client the client that needed credentials, such as {@code BotChatClient}
	 */
	public ArkChatCredentialsMissingException(String client) {
		super(API_KEY_PROPERTY,
				"No Ark credentials are configured: " + client + " needs them, and neither property '"
						+ API_KEY_PROPERTY + "' nor 'ark.chat.access-key' with 'ark.chat.secret-key' is set (or "
						+ "they are blank).",
				"Set '" + API_KEY_PROPERTY + "' to an API key created in the Ark console (API Key management), "
						+ "for example with the environment variable " + API_KEY_ENVIRONMENT_VARIABLE
						+ "=<your key>; or set 'ark.chat.access-key' and 'ark.chat.secret-key' to an access key pair, "
						+ "to use temporary API keys issued for each bot; or define your own ApiKeyProvider bean. Set "
						+ "'ark.chat.enabled=false' to turn ark-chat's auto-configuration off.");
	}

	/**
	 * The credentials a client needs.
	 * @param apiKeys the application's {@link ApiKeyProvider}, if any
	 * @param client the client that needs them, such as {@code BotChatClient}
	 * @return the provider
	 * @throws ArkChatCredentialsMissingException when there is none
	 */
	static ApiKeyProvider require(ObjectProvider<ApiKeyProvider> apiKeys, String client) {
		ApiKeyProvider keys = apiKeys.getIfAvailable();
		if (keys == null) {
			throw new ArkChatCredentialsMissingException(client);
		}
		return keys;
	}

}
