package dev.arkchat;

import org.jspecify.annotations.Nullable;

/**
 * The server failed (HTTP 5xx). Retried where the retry settings allow.
 */
public class ArkServerException extends ArkApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception from a decoded error answer.
	 * @param statusCode the HTTP status
	 * @param code the server's error code
	 * @param type the server's error type
	 * @param param the offending parameter, if named
	 * @param serverMessage the server's message
	 * @param requestId the server's request id
	 */
	public ArkServerException(int statusCode, @Nullable String code, @Nullable String type, @Nullable String param,
			@Nullable String serverMessage, @Nullable String requestId) {
		super(statusCode, code, type, param, serverMessage, requestId);
	}

}
