package dev.arkchat.test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Ark's error answers (spec §8): a non-2xx status with {@code {"error":{"code","message","param","type"}}}, the type
 * being the status's reason name, the message ending in {@code Request id: …}, and the id in {@code X-Request-Id}.
 */
final class ArkErrorResponses {

	static final String REQUEST_ID_HEADER = "X-Request-Id";

	private ArkErrorResponses() {
	}

	/**
	 * Builds an error answer.
	 * @param status the HTTP status
	 * @param code Ark's error code
	 * @param message the message, without the request id
	 * @param param the parameter blamed, or empty
	 * @param requestId the exchange's request id
	 * @param retryAfter a {@code Retry-After} value, or {@code null}
	 * @return the answer
	 */
	static ResponseDefinition error(int status, String code, String message, String param, String requestId,
			@Nullable String retryAfter) {
		ResponseDefinitionBuilder builder = aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withHeader(REQUEST_ID_HEADER, requestId)
			.withBody(ArkJson.mapper().writeValueAsBytes(body(status, code, message, param, requestId)));
		if (retryAfter != null) {
			builder.withHeader("Retry-After", retryAfter);
		}
		return builder.build();
	}

	/**
	 * The body of an error: {@code {"error":{…}}}, also used as an event inside a 200 stream.
	 * @param status the status whose reason names the type
	 * @param code the code
	 * @param message the message, without the request id
	 * @param param the parameter blamed, or empty
	 * @param requestId the request id appended to the message
	 * @return the body
	 */
	static ObjectNode body(int status, String code, String message, String param, String requestId) {
		ObjectNode root = ArkJson.mapper().createObjectNode();
		root.putObject("error")
			.put("code", code)
			.put("message", withRequestId(message, requestId))
			.put("param", param)
			.put("type", reason(status));
		return root;
	}

	private static String withRequestId(String message, String requestId) {
		String text = message.strip();
		if (!text.isEmpty() && Character.isLetterOrDigit(text.codePointBefore(text.length()))) {
			text = text + ".";
		}
		return (text.isEmpty() ? "" : text + " ") + "Request id: " + requestId;
	}

	/**
	 * The reason name Ark puts in {@code error.type}.
	 * @param status the HTTP status
	 * @return the name, such as {@code TooManyRequests}
	 */
	static String reason(int status) {
		return switch (status) {
			case 400 -> "BadRequest";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "NotFound";
			case 405 -> "MethodNotAllowed";
			case 408 -> "RequestTimeout";
			case 409 -> "Conflict";
			case 413 -> "RequestEntityTooLarge";
			case 422 -> "UnprocessableEntity";
			case 429 -> "TooManyRequests";
			case 500 -> "InternalServerError";
			case 502 -> "BadGateway";
			case 503 -> "ServiceUnavailable";
			case 504 -> "GatewayTimeout";
			default -> (status >= 500) ? "InternalServerError" : "BadRequest";
		};
	}

}
