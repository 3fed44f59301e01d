package dev.arkchat;

import org.jspecify.annotations.Nullable;

/**
 * The exchange failed at the network level: connection refused or reset, DNS failure, TLS failure, or an I/O error
 * while reading the answer.
 */
public class ArkConnectionException extends ArkException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param requestId the server's request id, if known
	 * @param cause the I/O failure
	 */
	public ArkConnectionException(String message, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, requestId, cause);
	}

}
