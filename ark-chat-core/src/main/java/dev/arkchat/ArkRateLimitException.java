package dev.arkchat;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Too many requests for now (HTTP 429 {@code RateLimitExceeded.*}, {@code ServerOverloaded},
 * {@code RequestBurstTooFast}; knowledge code 1000029). Passing: retried with backoff, honouring {@code Retry-After}.
 */
public class ArkRateLimitException extends ArkApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates the exception from a decoded error answer.
	 * @param statusCode the HTTP status
	 * @param code the server's error code
	 * @param type the server's error type
	 * @param param the offending parameter, if named
	 * @param serverMessage the server's message
	 * @param requestId the server's request id
	 * @param retryAfter how long the server asked to wait ({@code Retry-After}), if it said
	 */
	public ArkRateLimitException(int statusCode, @Nullable String code, @Nullable String type, @Nullable String param,
			@Nullable String serverMessage, @Nullable String requestId, @Nullable Duration retryAfter) {
		super(statusCode, code, type, param, serverMessage, requestId);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long the server asked the client to wait before trying again, from {@code Retry-After}.
	 * @return the delay, or {@code null} when the server did not say
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
