package dev.arkchat;

import org.jspecify.annotations.Nullable;

/**
 * The request or the answer was refused by content safety ({@code SensitiveContentDetected} and its relatives). Not retried.
 */
public class ArkContentFilterException extends ArkBadRequestException {

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
	public ArkContentFilterException(int statusCode, @Nullable String code, @Nullable String type, @Nullable String param,
			@Nullable String serverMessage, @Nullable String requestId) {
		super(statusCode, code, type, param, serverMessage, requestId);
	}

}
