package dev.arkchat.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Configures how the fake answers the OpenAPI's {@code GetApiKey} ({@code POST /?Action=GetApiKey&Version=2024-01-01}):
 * the lifetime of the keys it issues, a delay, and the failures to simulate. Every method returns this stub; settings
 * last until {@link ArkMockServer#reset()}. The signature and the body are checked before any of these apply (see
 * {@link ArkMockServer#requireCredentials(String, String)}). Thread-safe.
 * <p>
 * Without configuration, each call issues a new random key valid for the request's {@code DurationSeconds}.
 */
public final class GetApiKeyStub {

	private @Nullable Duration lifetime;

	private @Nullable Instant expiresAt;

	private Duration delay = Duration.ZERO;

	private OpenApiResponses.@Nullable Error failure;

	GetApiKeyStub() {
	}

	/**
	 * Issues keys valid for this long from the time of the call, whatever {@code DurationSeconds} asked for (to
	 * test refreshes without waiting days). Replaces {@link #expiresAt(Instant)}.
	 * @param lifetime the lifetime, positive
	 * @return this stub
	 * @throws IllegalArgumentException when the lifetime is not positive
	 */
	public synchronized GetApiKeyStub lifetime(Duration lifetime) {
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("lifetime must be positive, was " + lifetime);
		}
		this.lifetime = lifetime;
		this.expiresAt = null;
		return this;
	}

	/**
	 * Issues keys that expire at this time ({@code ExpiredTime}), for clients driven by a fixed clock. Replaces
	 * {@link #lifetime(Duration)}.
	 * @param expiresAt the expiry, whole seconds are answered
	 * @return this stub
	 */
	public synchronized GetApiKeyStub expiresAt(Instant expiresAt) {
		this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt must not be null");
		this.lifetime = null;
		return this;
	}

	/**
	 * Waits this long before answering, to test a client's timeout.
	 * @param delay the delay, zero or more (millisecond precision)
	 * @return this stub
	 * @throws IllegalArgumentException when the delay is negative
	 */
	public synchronized GetApiKeyStub delay(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative, was " + delay);
		}
		this.delay = delay;
		return this;
	}

	/**
	 * Answers every call with an OpenAPI error instead: no {@code Result}, and {@code ResponseMetadata.Error} with
	 * the code and message. Status 200 gives the error inside a successful answer, as the OpenAPI sometimes does.
	 * @param status 200, or an error status in [400, 599]
	 * @param code the error code, such as {@code AccessDenied}
	 * @param message the message
	 * @return this stub
	 * @throws IllegalArgumentException when the status is neither 200 nor an error status
	 */
	public synchronized GetApiKeyStub fail(int status, String code, String message) {
		if (status != 200 && (status < 400 || status > 599)) {
			throw new IllegalArgumentException("status must be 200 or an error status in [400, 599], was " + status);
		}
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("code must not be blank");
		}
		this.failure = new OpenApiResponses.Error(status, code, null,
				Objects.requireNonNull(message, "message must not be null"));
		return this;
	}

	synchronized void reset() {
		this.lifetime = null;
		this.expiresAt = null;
		this.delay = Duration.ZERO;
		this.failure = null;
	}

	synchronized Snapshot snapshot() {
		return new Snapshot(this.lifetime, this.expiresAt, this.delay, this.failure);
	}

	@Override
	public synchronized String toString() {
		return "GetApiKeyStub{lifetime=" + this.lifetime + ", expiresAt=" + this.expiresAt + ", failure="
				+ ((this.failure != null) ? this.failure.code() : "none") + "}";
	}

	/**
	 * The settings, frozen for one exchange.
	 * @param lifetime the lifetime override, or {@code null}
	 * @param expiresAt the expiry override, or {@code null}
	 * @param delay the delay
	 * @param failure the error to answer, or {@code null}
	 */
	record Snapshot(@Nullable Duration lifetime, @Nullable Instant expiresAt, Duration delay,
			OpenApiResponses.@Nullable Error failure) {

		Instant expiry(Instant now, long durationSeconds) {
			if (this.expiresAt != null) {
				return this.expiresAt;
			}
			return now.plus((this.lifetime != null) ? this.lifetime : Duration.ofSeconds(durationSeconds));
		}

	}

}
