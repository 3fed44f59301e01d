package dev.arkchat.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.arkchat.auth.TemporaryApiKeyProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * Checks the {@code ark.chat.*} values when Boot binds them. Each error is reported under the property's own
 * (dashed) name with a reason that states the allowed values, so that Boot's startup report reads
 * {@code Property: ark.chat.retry.jitter / Value: "1.5" / Reason: must be in [0, 1) ...}. Written as a Spring
 * {@link org.springframework.validation.Validator} rather than Bean Validation constraints so that it works the same
 * without a validation provider on the class path.
 */
final class ArkChatPropertiesValidator {

	/** The values of {@code thinking.type} Ark accepts. */
	static final List<String> THINKING_TYPES = List.of("enabled", "disabled", "auto");

	private static final Duration MAX_KEY_DURATION = TemporaryApiKeyProvider.MAX_DURATION;

	private ArkChatPropertiesValidator() {
	}

	static void validate(ArkChatProperties properties, Errors errors) {
		validateBot("bot", properties.getBot(), false, errors);
		for (Map.Entry<String, ArkChatProperties.Bot> bot : properties.getBots().entrySet()) {
			validateBot("bots[" + bot.getKey() + "]", bot.getValue(), true, errors);
		}
		validateTimeouts(properties.getTimeouts(), errors);
		validateRetry(properties.getRetry(), errors);
		validateTemporaryKeys(properties.getTemporaryKeys(), errors);
		validateProxy(properties.getProxy(), errors);
	}

	private static void validateProxy(ArkChatProperties.Proxy proxy, Errors errors) {
		boolean host = StringUtils.hasText(proxy.getHost());
		if (host && proxy.getPort() == null) {
			errors.rejectValue("proxy.port", "ark.required", "must be set when proxy.host is set");
		}
		if (proxy.getPort() != null && !(proxy.getPort() >= 1 && proxy.getPort() <= 65535)) {
			errors.rejectValue("proxy.port", "ark.range", "must be in [1, 65535]");
		}
		else if (proxy.getPort() != null && !host) {
			errors.rejectValue("proxy.host", "ark.required", "must be set when proxy.port is set");
		}
	}

	private static void validateBot(String prefix, ArkChatProperties.Bot bot, boolean named, Errors errors) {
		if (named && !StringUtils.hasText(bot.getId())) {
			errors.rejectValue(prefix + ".id", "ark.required",
					"must be set: a named bot needs its bot id (bot-..., as shown in the Ark console)");
		}
		range(errors, prefix + ".temperature", bot.getTemperature(), 0, 1);
		range(errors, prefix + ".max-tokens", bot.getMaxTokens(), 0, 4096);
		range(errors, prefix + ".top-p", bot.getTopP(), 0, 1);
		if (bot.getThinking() != null && !THINKING_TYPES.contains(bot.getThinking())) {
			errors.rejectValue(prefix + ".thinking", "ark.oneOf",
					"must be one of " + String.join(", ", THINKING_TYPES));
		}
	}

	private static void validateTimeouts(ArkChatProperties.Timeouts timeouts, Errors errors) {
		positive(errors, "timeouts.connect", timeouts.getConnect());
		positive(errors, "timeouts.read", timeouts.getRead());
		positive(errors, "timeouts.stream-idle", timeouts.getStreamIdle());
	}

	private static void validateRetry(ArkChatProperties.Retry retry, Errors errors) {
		if (retry.getMaxAttempts() < 1) {
			errors.rejectValue("retry.max-attempts", "ark.min", "must be at least 1 (1 turns retries off)");
		}
		notNegative(errors, "retry.initial-backoff", retry.getInitialBackoff());
		if (!(retry.getMultiplier() >= 1.0)) {
			errors.rejectValue("retry.multiplier", "ark.min", "must be at least 1.0");
		}
		notNegative(errors, "retry.max-backoff", retry.getMaxBackoff());
		if (!(retry.getJitter() >= 0 && retry.getJitter() < 1)) {
			errors.rejectValue("retry.jitter", "ark.range", "must be in [0, 1), a fraction of each wait");
		}
		notNegative(errors, "retry.max-retry-after", retry.getMaxRetryAfter());
	}

	private static void validateTemporaryKeys(ArkChatProperties.TemporaryKeys keys, Errors errors) {
		Duration duration = keys.getDuration();
		boolean validDuration = duration != null && duration.getSeconds() >= 1
				&& duration.compareTo(MAX_KEY_DURATION) <= 0;
		if (!validDuration) {
			errors.rejectValue("temporary-keys.duration", "ark.range",
					"must be from 1s to 30d (2592000 seconds), the lifetimes GetApiKey grants");
		}
		Duration refreshAhead = keys.getRefreshAhead();
		if (refreshAhead == null || refreshAhead.isNegative()) {
			errors.rejectValue("temporary-keys.refresh-ahead", "ark.min", "must not be negative");
		}
		else if (validDuration && refreshAhead.compareTo(duration) >= 0) {
			errors.rejectValue("temporary-keys.refresh-ahead", "ark.range",
					"must be shorter than temporary-keys.duration (" + duration + ")");
		}
	}

	private static void range(Errors errors, String field, @Nullable Number value, double min, double max) {
		if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
			errors.rejectValue(field, "ark.range", "must be in [" + format(min) + ", " + format(max) + "]");
		}
	}

	private static void positive(Errors errors, String field, @Nullable Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			errors.rejectValue(field, "ark.positive", "must be more than 0 (such as 10s or 2m)");
		}
	}

	private static void notNegative(Errors errors, String field, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			errors.rejectValue(field, "ark.min", "must be set and not negative (such as 500ms)");
		}
	}

	private static String format(double d) {
		return (d == Math.rint(d)) ? Long.toString((long) d) : Double.toString(d);
	}

}
