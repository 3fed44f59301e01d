package dev.arkchat;

import org.jspecify.annotations.Nullable;

/**
 * The credentials are valid but not allowed to do this (HTTP 403: {@code AccessDenied}, {@code AccountOverdueError}, {@code OperationDenied.*}; knowledge code 1000002).
 */
public class ArkPermissionException extends ArkApiException {

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
	public ArkPermissionException(int statusCode, @Nullable String code, @Nullable String type, @Nullable String param,
			@Nullable String serverMessage, @Nullable String requestId) {
		super(statusCode, code, type, param, serverMessage, requestId);
	}

}
