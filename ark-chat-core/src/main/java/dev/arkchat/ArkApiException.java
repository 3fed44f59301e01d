package dev.arkchat;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error: an HTTP error status with an Ark error body, a knowledge-base envelope with a
 * non-zero code, or an OpenAPI {@code ResponseMetadata.Error}. Subclasses exist for what callers branch on.
 */
public class ArkApiException extends ArkException {

	private static final long serialVersionUID = 1L;

	private final int statusCode;

	private final @Nullable String code;

	private final @Nullable String type;

	private final @Nullable String param;

	private final @Nullable String serverMessage;

	/**
	 * Creates an exception from a decoded error answer.
	 * @param statusCode the HTTP status (200 for errors carried in a successful response)
	 * @param code the server's error code, such as {@code InvalidParameter} or {@code 1000003}
	 * @param type the error type, such as {@code BadRequest}
	 * @param param the offending request parameter, if the server named one
	 * @param serverMessage the server's message
	 * @param requestId the server's request id
	 */
	public ArkApiException(int statusCode, @Nullable String code, @Nullable String type, @Nullable String param,
			@Nullable String serverMessage, @Nullable String requestId) {
		super(describe(statusCode, code, serverMessage, requestId), requestId, null);
		this.statusCode = statusCode;
		this.code = code;
		this.type = type;
		this.param = param;
		this.serverMessage = serverMessage;
	}

	private static String describe(int statusCode, @Nullable String code, @Nullable String message,
			@Nullable String requestId) {
		StringBuilder sb = new StringBuilder("Ark answered ").append(statusCode);
		if (code != null && !code.isEmpty()) {
			sb.append(' ').append(code);
		}
		if (message != null && !message.isEmpty()) {
			sb.append(": ").append(message);
		}
		if (requestId != null && (message == null || !message.contains(requestId))) {
			sb.append(" (request id ").append(requestId).append(')');
		}
		return sb.toString();
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * The server's error code ({@code error.code}, the knowledge envelope's {@code code}, or OpenAPI's {@code Code}).
	 * @return the code, or {@code null} when the body carried none
	 */
	public @Nullable String getCode() {
		return this.code;
	}

	/**
	 * The server's error type ({@code error.type}), usually the status reason such as {@code BadRequest}.
	 * @return the type, or {@code null}
	 */
	public @Nullable String getType() {
		return this.type;
	}

	/**
	 * The request parameter the server blamed ({@code error.param}).
	 * @return the parameter, or {@code null}
	 */
	public @Nullable String getParam() {
		return this.param;
	}

	/**
	 * The server's own message, as sent.
	 * @return the message, or {@code null}
	 */
	public @Nullable String getServerMessage() {
		return this.serverMessage;
	}

}
