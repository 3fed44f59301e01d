package dev.arkchat.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkBadRequestException;
import dev.arkchat.ArkConnectionException;
import dev.arkchat.ArkQuotaExceededException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.ArkServerException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.ArkTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class ArkRetryPolicyTest {

	private static ArkRateLimitException rateLimited(Duration retryAfter) {
		return new ArkRateLimitException(429, "ServerOverloaded", null, null, "busy", "r", retryAfter);
	}

	@Test
	void whatIsRetried() {
		assertThat(ArkRetryPolicy.isRetryable(rateLimited(null))).isTrue();
		assertThat(ArkRetryPolicy.isRetryable(new ArkApiException(408, null, null, null, null, null))).isTrue();
		for (int status : new int[] { 500, 502, 503, 504 }) {
			assertThat(ArkRetryPolicy.isRetryable(new ArkServerException(status, null, null, null, null, null)))
				.as("status %d", status).isTrue();
		}
		assertThat(ArkRetryPolicy.isRetryable(new ArkConnectionException("refused", null,
				new IOException(new ConnectException("Connection refused"))))).isTrue();
		assertThat(ArkRetryPolicy.isRetryable(new ArkTimeoutException("connect", null,
				new HttpConnectTimeoutException("connect timed out")))).isTrue();
	}

	@Test
	void whatIsNeverRetried() {
		for (String code : new String[] { "QuotaExceeded", "AccountQuotaExceeded", "SetLimitExceeded" }) {
			assertThat(ArkRetryPolicy.isRetryable(new ArkQuotaExceededException(429, code, null, null, null, null)))
				.as(code).isFalse();
		}
		assertThat(ArkRetryPolicy.isRetryable(new ArkBadRequestException(400, null, null, null, null, null))).isFalse();
		assertThat(ArkRetryPolicy.isRetryable(new ArkServerException(501, null, null, null, null, null))).isFalse();
		assertThat(ArkRetryPolicy.isRetryable(new ArkApiException(409, null, null, null, null, null))).isFalse();
		// a read timeout or a reset after the request was sent: the server may be generating an answer already
		assertThat(ArkRetryPolicy.isRetryable(new ArkTimeoutException("read", null,
				new java.net.http.HttpTimeoutException("request timed out")))).isFalse();
		assertThat(ArkRetryPolicy.isRetryable(new ArkConnectionException("reset", null,
				new java.net.SocketException("Connection reset")))).isFalse();
		assertThat(ArkRetryPolicy.isRetryable(new ArkStreamException("cut", null, null, null, null))).isFalse();
		assertThat(ArkRetryPolicy.isRetryable(new IllegalArgumentException())).isFalse();
	}

	@Test
	void backOffGrowsExponentiallyWithinJitterAndStopsAfterMaxAttempts() {
		RetrySettings settings = new RetrySettings(4, Duration.ofMillis(100), 2.0, Duration.ofMillis(300), 0.2,
				Duration.ofSeconds(5));
		ArkRetryPolicy policy = new ArkRetryPolicy(settings);
		BackOffExecution execution = policy.getBackOff().start();
		assertThat(execution.nextBackOff()).isBetween(80L, 120L);
		assertThat(execution.nextBackOff()).isBetween(160L, 240L);
		assertThat(execution.nextBackOff()).isBetween(240L, 360L);
		assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void retryAfterFromTheServerWinsAndIsCapped() {
		RetrySettings settings = new RetrySettings(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0,
				Duration.ofSeconds(30));
		ArkRetryPolicy policy = new ArkRetryPolicy(settings);
		BackOffExecution execution = policy.getBackOff().start();
		policy.shouldRetry(rateLimited(Duration.ofSeconds(7)));
		assertThat(execution.nextBackOff()).isEqualTo(7000L);
		policy.shouldRetry(rateLimited(Duration.ofMinutes(5)));
		assertThat(execution.nextBackOff()).isEqualTo(30_000L);
	}

	@Test
	void settingsAreChecked() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySettings(0, Duration.ZERO, 1, Duration.ZERO, 0, Duration.ZERO))
			.withMessage("retry max-attempts must be at least 1 but was 0");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySettings(2, Duration.ZERO, 1, Duration.ZERO, 1.5, Duration.ZERO))
			.withMessage("retry jitter must be in [0, 1) but was 1.5");
	}

	@Test
	void retryAfterHeaderInSecondsOrAsHttpDate() {
		java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-22T10:00:00Z"),
				java.time.ZoneOffset.UTC);
		assertThat(ArkErrorDecoder.retryAfter("12", clock)).hasSeconds(12);
		assertThat(ArkErrorDecoder.retryAfter("Sun, 22 Nov 2026 10:00:30 GMT", clock)).hasSeconds(30);
		assertThat(ArkErrorDecoder.retryAfter("Sun, 22 Nov 2026 09:00:00 GMT", clock)).isZero();
		assertThat(ArkErrorDecoder.retryAfter("soon", clock)).isNull();
		assertThat(ArkErrorDecoder.retryAfter(null, clock)).isNull();
	}

}
