package dev.arkchat;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception an ark-chat client raises. Unchecked, like Spring's own data-access and HTTP exceptions.
 * Carries the server's request id when one is known, so that a failure can be traced with Volcengine support.
 */
public class ArkException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String requestId;

	/**
	 * Creates an exception.
	 * @param message what went wrong; never contains a credential
	 * @param requestId the server's request id, if known
	 * @param cause the underlying cause, if any
	 */
	public ArkException(String message, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, cause);
		this.requestId = requestId;
	}

	/**
	 * Creates an exception without a request id.
	 * @param message what went wrong; never contains a credential
	 * @param cause the underlying cause, if any
	 */
	public ArkException(String message, @Nullable Throwable cause) {
		this(message, null, cause);
	}

	/**
	 * The request id the server gave this exchange ({@code X-Request-Id}, or the id in the body), if known.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

}
