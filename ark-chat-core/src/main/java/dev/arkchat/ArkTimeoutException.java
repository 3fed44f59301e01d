package dev.arkchat;

import org.jspecify.annotations.Nullable;

/**
 * The server did not answer in time: no connection within the connect timeout, no response within the read
 * timeout, or a stream that stayed silent longer than its idle timeout.
 */
public class ArkTimeoutException extends ArkException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message which timeout expired, and its value
	 * @param requestId the server's request id, if known
	 * @param cause the underlying cause, if any
	 */
	public ArkTimeoutException(String message, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, requestId, cause);
	}

}
