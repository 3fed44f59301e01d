package dev.arkchat.autoconfigure;

import java.time.Duration;

import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The rules of the credential properties, checked when the credential beans are created so that a mistake fails the
 * startup naming the properties: one kind of credentials only ({@code ark.chat.api-key}, or {@code ark.chat.access-key}
 * with {@code ark.chat.secret-key}), both halves of an access key pair, a session token only with a pair, and a
 * temporary key lifetime GetApiKey grants. Messages name properties, never their values. Also which of them are
 * set, from which {@link ArkChatBeanRegistrar} decides which credential beans to register.
 */
final class ArkChatCredentialsCheck {

	static final String API_KEY = ArkChatProperties.PREFIX + ".api-key";

	static final String ACCESS_KEY = ArkChatProperties.PREFIX + ".access-key";

	static final String SECRET_KEY = ArkChatProperties.PREFIX + ".secret-key";

	static final String SESSION_TOKEN = ArkChatProperties.PREFIX + ".session-token";

	static final String DURATION = ArkChatProperties.PREFIX + ".temporary-keys.duration";

	static final String REFRESH_AHEAD = ArkChatProperties.PREFIX + ".temporary-keys.refresh-ahead";

	private ArkChatCredentialsCheck() {
	}

	/**
	 * Whether {@code ark.chat.api-key} has a non-blank value.
	 * @param environment the environment
	 * @return whether the API key is set
	 */
	static boolean hasApiKey(Environment environment) {
		return StringUtils.hasText(environment.getProperty(API_KEY));
	}

	/**
	 * The first of {@code ark.chat.access-key}, {@code secret-key} and {@code session-token} that has a value, so that
	 * half a pair reaches the check and fails the startup instead of being ignored.
	 * @param environment the environment
	 * @return the property, or {@code null} when none is set
	 */
	static @Nullable String accessKeyPairProperty(Environment environment) {
		for (String property : new String[] { ACCESS_KEY, SECRET_KEY,
				SESSION_TOKEN }) {
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
		return StringUtils.hasText(environment.getProperty(ACCESS_KEY))
				&& StringUtils.hasText(environment.getProperty(SECRET_KEY));
	}

	/**
	 * Fails when both an API key and (part of) an access key pair are configured.
	 * @param properties the properties
	 * @throws ArkChatConfigurationException when both are set
	 */
	static void requireOneKind(ArkChatProperties properties) {
		boolean accessKeyPair = StringUtils.hasText(properties.getAccessKey())
				|| StringUtils.hasText(properties.getSecretKey()) || StringUtils.hasText(properties.getSessionToken());
		if (StringUtils.hasText(properties.getApiKey()) && accessKeyPair) {
			throw new ArkChatConfigurationException(API_KEY,
					"Both an Ark API key ('" + API_KEY + "') and an access key pair ('" + ACCESS_KEY + "', '"
							+ SECRET_KEY + "') are configured, and ark-chat authenticates with one kind of "
							+ "credentials only.",
					"Choose one: remove '" + API_KEY + "' to call Ark with temporary API keys issued for each bot "
							+ "with the access key pair, or remove '" + ACCESS_KEY + "' and '" + SECRET_KEY + "' (and '"
							+ SESSION_TOKEN + "') to send the API key on every call.");
		}
	}

	/**
	 * The access key pair of the properties.
	 * @param properties the properties, with at least one of access key, secret key and session token set
	 * @return the credentials
	 * @throws ArkChatConfigurationException when an API key is set too, or a half of the pair is missing
	 */
	static VolcengineCredentials accessKeyPair(ArkChatProperties properties) {
		requireOneKind(properties);
		String accessKey = properties.getAccessKey();
		String secretKey = properties.getSecretKey();
		if (!StringUtils.hasText(accessKey) || !StringUtils.hasText(secretKey)) {
			throw incompletePair(StringUtils.hasText(accessKey), StringUtils.hasText(secretKey));
		}
		String sessionToken = StringUtils.hasText(properties.getSessionToken()) ? properties.getSessionToken() : null;
		return new VolcengineCredentials(accessKey, secretKey, sessionToken);
	}

	private static ArkChatConfigurationException incompletePair(boolean hasAccessKey, boolean hasSecretKey) {
		if (hasAccessKey) {
			return new ArkChatConfigurationException(SECRET_KEY,
					"Property '" + ACCESS_KEY + "' is set but '" + SECRET_KEY + "' is not (or is blank): an access "
							+ "key pair needs both.",
					"Set '" + SECRET_KEY + "' to the secret access key that goes with the access key, for example "
							+ "with the environment variable ARK_CHAT_SECRET_KEY, or remove '" + ACCESS_KEY + "'.");
		}
		if (hasSecretKey) {
			return new ArkChatConfigurationException(ACCESS_KEY,
					"Property '" + SECRET_KEY + "' is set but '" + ACCESS_KEY + "' is not (or is blank): an access "
							+ "key pair needs both.",
					"Set '" + ACCESS_KEY + "' to the access key id (AKLT…) that goes with the secret key, or remove '"
							+ SECRET_KEY + "'.");
		}
		return new ArkChatConfigurationException(ACCESS_KEY,
				"Property '" + SESSION_TOKEN + "' is set but '" + ACCESS_KEY + "' and '" + SECRET_KEY
						+ "' are not: a session token belongs to a temporary (STS) access key pair.",
				"Set '" + ACCESS_KEY + "' and '" + SECRET_KEY + "' to the temporary access key pair, or remove '"
						+ SESSION_TOKEN + "'.");
	}

	/**
	 * The lifetime of temporary keys.
	 * @param duration the configured lifetime
	 * @return the lifetime
	 * @throws ArkChatConfigurationException when it is below 1 second or above 30 days
	 */
	static Duration duration(@Nullable Duration duration) {
		Duration max = TemporaryApiKeyProvider.MAX_DURATION;
		if (duration == null || duration.getSeconds() < 1 || duration.compareTo(max) > 0) {
			throw new ArkChatConfigurationException(DURATION,
					"Property '" + DURATION + "' is " + describe(duration) + ", outside the range GetApiKey allows: "
							+ "from 1s to 30d (" + max.getSeconds() + " seconds).",
					"Set '" + DURATION + "' to a duration between 1s and 30d, such as 7d (the default), or remove it.");
		}
		return duration;
	}

	/**
	 * How long before expiry keys are refreshed.
	 * @param refreshAhead the configured window
	 * @return the window
	 * @throws ArkChatConfigurationException when it is not positive
	 */
	static Duration refreshAhead(@Nullable Duration refreshAhead) {
		if (refreshAhead == null || refreshAhead.isNegative() || refreshAhead.isZero()) {
			throw new ArkChatConfigurationException(REFRESH_AHEAD,
					"Property '" + REFRESH_AHEAD + "' is " + describe(refreshAhead) + ": it must be positive.",
					"Set '" + REFRESH_AHEAD + "' to a positive duration such as 30m (the default), or remove it.");
		}
		return refreshAhead;
	}

	private static String describe(@Nullable Duration duration) {
		return (duration != null) ? duration.getSeconds() + " seconds" : "empty";
	}

}
