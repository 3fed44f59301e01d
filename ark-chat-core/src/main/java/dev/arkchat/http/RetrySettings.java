package dev.arkchat.http;

import java.time.Duration;

/**
 * How failed calls are retried: at most {@code maxAttempts} attempts, waiting {@code initialBackoff} ×
 * {@code multiplier}^n (at most {@code maxBackoff}) with ±{@code jitter} between them, or the server's
 * {@code Retry-After} when it sent one (at most {@code maxRetryAfter}).
 * @param maxAttempts attempts in all, 1 to turn retries off
 * @param initialBackoff the first wait
 * @param multiplier how much each wait grows
 * @param maxBackoff the longest computed wait
 * @param jitter the random part of each wait, as a fraction in [0, 1)
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one is capped to this
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
		double jitter, Duration maxRetryAfter) {

	/** Three attempts, 500 ms then 1 s (±20%), {@code Retry-After} honoured up to 60 s. */
	public static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(500), 2.0,
			Duration.ofSeconds(10), 0.2, Duration.ofSeconds(60));

	/** One attempt: no retries. */
	public static final RetrySettings NONE = new RetrySettings(1, Duration.ZERO, 1.0, Duration.ZERO, 0,
			Duration.ZERO);

	/**
	 * Checks the settings.
	 * @throws IllegalArgumentException naming the setting and its allowed values
	 */
	public RetrySettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("retry max-attempts must be at least 1 but was " + maxAttempts);
		}
		if (multiplier < 1.0) {
			throw new IllegalArgumentException("retry multiplier must be at least 1.0 but was " + multiplier);
		}
		if (jitter < 0 || jitter >= 1) {
			throw new IllegalArgumentException("retry jitter must be in [0, 1) but was " + jitter);
		}
		if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("retry durations must not be negative");
		}
	}

}
