package dev.arkchat.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks ark-chat's secrets in actuator's {@code /env} and {@code /configprops}, even when an application shows values
 * ({@code management.endpoint.env.show-values=always}): the API keys, the secret key and the session token, whether
 * given as properties ({@code ark.chat.api-key}) or environment variables ({@code ARK_CHAT_SECRET_KEY}). Backs off
 * without actuator.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class ArkChatSanitizingAutoConfiguration {

	/**
	 * Masks the values of ark-chat's secret properties.
	 * @return the sanitizing function
	 */
	@Bean
	SanitizingFunction arkChatSecretsSanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(ArkChatSanitizingAutoConfiguration::isArkSecret);
	}

	static boolean isArkSecret(String key) {
		String normalized = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
		if (!normalized.startsWith("arkchat") && !normalized.contains("arkchat")) {
			return normalized.equals("apikey") || normalized.equals("secretkey") || normalized.equals("sessiontoken");
		}
		return normalized.endsWith("apikey") || normalized.endsWith("secretkey") || normalized.endsWith("sessiontoken")
				|| normalized.endsWith("accesskey");
	}

}
