package dev.arkchat;

import org.jspecify.annotations.Nullable;

/**
 * The bot, endpoint, model, context or collection does not exist or is not reachable with these credentials (HTTP 404, knowledge codes 1000005 and 1001001).
 */
public class ArkNotFoundException extends ArkApiException {

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
	public ArkNotFoundException(int statusCode, @Nullable String code, @Nullable String type, @Nullable String param,
			@Nullable String serverMessage, @Nullable String requestId) {
		super(statusCode, code, type, param, serverMessage, requestId);
	}

}
