package dev.arkchat.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.arkchat.auth.TemporaryApiKeyProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks the {@code ark.chat.*} values once Boot has bound them ({@link ArkChatProperties#afterPropertiesSet()}). Each
 * bad value is reported under the property's own (dashed) name, with the bound value and a reason that states the
 * allowed values, and {@link InvalidArkChatPropertiesException} turns them into a startup report in Boot's format
 * ({@code Property: ark.chat.retry.jitter / Value: "1.5" / Origin: ... / Reason: must be in [0, 1) ...}). Plain code
 * rather than Bean Validation constraints or a Spring {@code Validator}, so that it works the same without a
 * validation provider and costs the startup nothing when the values are good: Boot's validating bind handler, which a
 * {@code Validator} brings, took about a third of the time of binding {@code ark.chat.*}.
 */
final class ArkChatPropertiesValidator {

	/** The values of {@code thinking.type} Ark accepts. */
	static final List<String> THINKING_TYPES = List.of("enabled", "disabled", "auto");

	/**
	 * {@link TemporaryApiKeyProvider#MAX_DURATION}, written out: reading it would load and initialize the provider
	 * at every startup, also in the applications that use an API key and never create one (a test keeps the two
	 * equal).
	 */
	static final Duration MAX_KEY_DURATION = Duration.ofDays(30);

	private ArkChatPropertiesValidator() {
	}

	/**
	 * The bad values, in the order of the properties.
	 * @param properties the bound properties
	 * @return one violation per bad value, empty when all are good
	 */
	static List<Violation> validate(ArkChatProperties properties) {
		List<Violation> errors = new ArrayList<>(0);
		validateBot("bot", properties.getBot(), false, errors);
		for (Map.Entry<String, ArkChatProperties.Bot> bot : properties.getBots().entrySet()) {
			validateBot("bots[" + bot.getKey() + "]", bot.getValue(), true, errors);
		}
		validateTimeouts(properties.getTimeouts(), errors);
		validateRetry(properties.getRetry(), errors);
		validateTemporaryKeys(properties.getTemporaryKeys(), errors);
		validateProxy(properties.getProxy(), errors);
		return errors;
	}

	private static void validateProxy(ArkChatProperties.Proxy proxy, List<Violation> errors) {
		boolean host = StringUtils.hasText(proxy.getHost());
		if (host && proxy.getPort() == null) {
			reject(errors, "proxy.port", proxy.getPort(), "must be set when proxy.host is set");
		}
		if (proxy.getPort() != null && !(proxy.getPort() >= 1 && proxy.getPort() <= 65535)) {
			reject(errors, "proxy.port", proxy.getPort(), "must be in [1, 65535]");
		}
		else if (proxy.getPort() != null && !host) {
			reject(errors, "proxy.host", proxy.getHost(), "must be set when proxy.port is set");
		}
	}

	private static void validateBot(String prefix, ArkChatProperties.Bot bot, boolean named, List<Violation> errors) {
		if (named && !StringUtils.hasText(bot.getId())) {
			reject(errors, prefix + ".id", bot.getId(),
					"must be set: a named bot needs its bot id (bot-..., as shown in the Ark console)");
		}
		range(errors, prefix + ".temperature", bot.getTemperature(), 0, 1);
		range(errors, prefix + ".max-tokens", bot.getMaxTokens(), 0, 4096);
		range(errors, prefix + ".top-p", bot.getTopP(), 0, 1);
		if (bot.getThinking() != null && !THINKING_TYPES.contains(bot.getThinking())) {
			reject(errors, prefix + ".thinking", bot.getThinking(),
					"must be one of " + String.join(", ", THINKING_TYPES));
		}
	}

	private static void validateTimeouts(ArkChatProperties.Timeouts timeouts, List<Violation> errors) {
		positive(errors, "timeouts.connect", timeouts.getConnect());
		positive(errors, "timeouts.read", timeouts.getRead());
		positive(errors, "timeouts.stream-idle", timeouts.getStreamIdle());
	}

	private static void validateRetry(ArkChatProperties.Retry retry, List<Violation> errors) {
		if (retry.getMaxAttempts() < 1) {
			reject(errors, "retry.max-attempts", retry.getMaxAttempts(), "must be at least 1 (1 turns retries off)");
		}
		notNegative(errors, "retry.initial-backoff", retry.getInitialBackoff());
		if (!(retry.getMultiplier() >= 1.0)) {
			reject(errors, "retry.multiplier", retry.getMultiplier(), "must be at least 1.0");
		}
		notNegative(errors, "retry.max-backoff", retry.getMaxBackoff());
		if (!(retry.getJitter() >= 0 && retry.getJitter() < 1)) {
			reject(errors, "retry.jitter", retry.getJitter(), "must be in [0, 1), a fraction of each wait");
		}
		notNegative(errors, "retry.max-retry-after", retry.getMaxRetryAfter());
	}

	private static void validateTemporaryKeys(ArkChatProperties.TemporaryKeys keys, List<Violation> errors) {
		Duration duration = keys.getDuration();
		boolean validDuration = duration != null && duration.getSeconds() >= 1
				&& duration.compareTo(MAX_KEY_DURATION) <= 0;
		if (!validDuration) {
			reject(errors, "temporary-keys.duration", duration,
					"must be from 1s to 30d (2592000 seconds), the lifetimes GetApiKey grants");
		}
		Duration refreshAhead = keys.getRefreshAhead();
		if (refreshAhead == null || refreshAhead.isNegative()) {
			reject(errors, "temporary-keys.refresh-ahead", refreshAhead, "must not be negative");
		}
		else if (validDuration && refreshAhead.compareTo(duration) >= 0) {
			reject(errors, "temporary-keys.refresh-ahead", refreshAhead,
					"must be shorter than temporary-keys.duration (" + duration + ")");
		}
	}

	private static void range(List<Violation> errors, String field, @Nullable Number value, double min, double max) {
		if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
			reject(errors, field, value, "must be in [" + format(min) + ", " + format(max) + "]");
		}
	}

	private static void positive(List<Violation> errors, String field, @Nullable Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			reject(errors, field, value, "must be more than 0 (such as 10s or 2m)");
		}
	}

	private static void notNegative(List<Violation> errors, String field, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			reject(errors, field, value, "must be set and not negative (such as 500ms)");
		}
	}

	private static void reject(List<Violation> errors, String field, @Nullable Object value, String reason) {
		errors.add(new Violation(ArkChatProperties.PREFIX + "." + field, value, reason));
	}

	private static String format(double d) {
		return (d == Math.rint(d)) ? Long.toString((long) d) : Double.toString(d);
	}

	/**
	 * A bad value.
	 * @param property the property, such as {@code ark.chat.retry.jitter} or {@code ark.chat.bots[sales].id}
	 * @param value the bound value, {@code null} when it is not set
	 * @param reason what is allowed
	 */
	record Violation(String property, @Nullable Object value, String reason) {
	}

}
