package dev.arkchat.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkConnectionException;
import dev.arkchat.ArkQuotaExceededException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.ArkServerException;
import dev.arkchat.ArkTimeoutException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The retry policy of every Ark call, for Spring Framework's {@code RetryTemplate}. Retries 408, 429 rate limits and
 * overload (never the 429 account states), 500/502/503/504, and connection failures that happened before the request
 * was sent; nothing else. Its own policy rather than {@code RetryPolicy.builder()}: the wait must follow the server's
 * {@code Retry-After} when there is one, which Spring's exponential back-off cannot express, so the back-off reads
 * the last failure. One instance per call (it remembers that call's last failure).
 */
final class ArkRetryPolicy implements RetryPolicy {

	private final RetrySettings settings;

	private volatile @Nullable Throwable lastFailure;

	ArkRetryPolicy(RetrySettings settings) {
		this.settings = settings;
	}

	@Override
	public boolean shouldRetry(Throwable failure) {
		this.lastFailure = failure;
		return isRetryable(failure);
	}

	@Override
	public BackOff getBackOff() {
		return () -> new Execution();
	}

	/**
	 * Whether a failure is worth another attempt.
	 * @param failure the failure of one attempt
	 * @return {@code true} when retrying cannot duplicate work and may succeed
	 */
	static boolean isRetryable(Throwable failure) {
		if (failure instanceof ArkQuotaExceededException) {
			return false;
		}
		if (failure instanceof ArkRateLimitException) {
			return true;
		}
		if (failure instanceof ArkServerException server) {
			int status = server.getStatusCode();
			return status == 500 || status == 502 || status == 503 || status == 504;
		}
		if (failure instanceof ArkApiException api) {
			return api.getStatusCode() == 408;
		}
		if (failure instanceof ArkConnectionException || failure instanceof ArkTimeoutException) {
			return failedBeforeSending(failure);
		}
		return false;
	}

	/** Connection refused, unknown host, no route, connect timeout: the request never left. */
	private static boolean failedBeforeSending(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
					|| t instanceof UnknownHostException || t instanceof NoRouteToHostException
					|| t instanceof UnresolvedAddressException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private final class Execution implements BackOffExecution {

		private int attempts = 1;

		@Override
		public long nextBackOff() {
			RetrySettings s = ArkRetryPolicy.this.settings;
			if (this.attempts >= s.maxAttempts()) {
				return STOP;
			}
			Duration wait = computed(this.attempts);
			if (ArkRetryPolicy.this.lastFailure instanceof ArkRateLimitException limit && limit.getRetryAfter() != null) {
				Duration retryAfter = limit.getRetryAfter();
				wait = (retryAfter.compareTo(s.maxRetryAfter()) > 0) ? s.maxRetryAfter() : retryAfter;
			}
			this.attempts++;
			return wait.toMillis();
		}

		private Duration computed(int retry) {
			RetrySettings s = ArkRetryPolicy.this.settings;
			double millis = s.initialBackoff().toMillis() * Math.pow(s.multiplier(), retry - 1);
			millis = Math.min(millis, s.maxBackoff().toMillis());
			if (s.jitter() > 0) {
				millis = millis * (1 + s.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1));
			}
			return Duration.ofMillis(Math.max(0, Math.round(millis)));
		}

	}

}
