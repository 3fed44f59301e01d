package dev.arkchat.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkBadRequestException;
import dev.arkchat.ArkContentFilterException;
import dev.arkchat.ArkNotFoundException;
import dev.arkchat.ArkPermissionException;
import dev.arkchat.ArkQuotaExceededException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.ArkServerException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * Turns the three error shapes of the Ark APIs into the {@link ArkApiException} family: Ark's
 * {@code {"error":{code,message,param,type}}}, the knowledge base's {@code {code,message,request_id}} envelope, and
 * OpenAPI's {@code ResponseMetadata.Error}. The type follows the HTTP status and, where the status is ambiguous
 * (429, knowledge errors), the code.
 */
public final class ArkErrorDecoder {

	/** Request id header of Ark's answers. */
	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	/** 429 codes that are account states, not passing rate limits: they last until a person acts. */
	private static final Set<String> QUOTA_CODES = Set.of("QuotaExceeded", "AccountQuotaExceeded", "SetLimitExceeded");

	private static final String REQUEST_ID_MARKER = "Request id:";

	private ArkErrorDecoder() {
	}

	/**
	 * Decodes an error answer of any of the three shapes.
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the response body (may be empty or not JSON)
	 * @param clock the clock to resolve an HTTP-date {@code Retry-After} against
	 * @return the exception to throw
	 */
	public static ArkApiException decode(int status, HttpHeaders headers, byte[] body, Clock clock) {
		String requestId = headers.getFirst(REQUEST_ID_HEADER);
		Duration retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER), clock);
		JsonNode root = parse(body);
		if (root != null && root.path("error").isObject()) {
			JsonNode error = root.get("error");
			String message = text(error, "message");
			return create(status, text(error, "code"), text(error, "type"), text(error, "param"), message,
					(requestId != null) ? requestId : requestIdFromMessage(message), retryAfter);
		}
		if (root != null && root.has("code") && root.path("code").isNumber()) {
			return knowledge(status, root.path("code").asInt(), text(root, "message"),
					(requestId != null) ? requestId : text(root, "request_id"), retryAfter);
		}
		if (root != null && root.path("ResponseMetadata").path("Error").isObject()) {
			JsonNode metadata = root.get("ResponseMetadata");
			JsonNode error = metadata.get("Error");
			return create(status, text(error, "Code"), null, null, text(error, "Message"),
					(requestId != null) ? requestId : text(metadata, "RequestId"), retryAfter);
		}
		String text = (body.length == 0) ? null : new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8);
		return create(status, null, null, null, text, requestId, retryAfter);
	}

	/**
	 * Maps a knowledge-base envelope error code to its exception type.
	 * @param status the HTTP status
	 * @param code the envelope's non-zero code
	 * @param message the envelope's message
	 * @param requestId the request id
	 * @param retryAfter the server's {@code Retry-After}, if any
	 * @return the exception to throw
	 */
	public static ArkApiException knowledge(int status, int code, @Nullable String message, @Nullable String requestId,
			@Nullable Duration retryAfter) {
		String codeText = Integer.toString(code);
		return switch (code) {
			case 1000001 -> new ArkAuthenticationException(status, codeText, null, null, message, requestId);
			case 1000002 -> new ArkPermissionException(status, codeText, null, null, message, requestId);
			case 1000003 -> new ArkBadRequestException(status, codeText, null, null, message, requestId);
			case 1000005, 1001001 -> new ArkNotFoundException(status, codeText, null, null, message, requestId);
			case 1000029 -> new ArkRateLimitException(status, codeText, null, null, message, requestId, retryAfter);
			default -> (status >= 500) ? new ArkServerException(status, codeText, null, null, message, requestId)
					: new ArkApiException(status, codeText, null, null, message, requestId);
		};
	}

	/**
	 * Chooses the exception type for an Ark or OpenAPI error.
	 * @param status the HTTP status
	 * @param code the error code
	 * @param type the error type
	 * @param param the parameter the server blamed
	 * @param message the server's message
	 * @param requestId the request id
	 * @param retryAfter the server's {@code Retry-After}, if any
	 * @return the exception to throw
	 */
	public static ArkApiException create(int status, @Nullable String code, @Nullable String type,
			@Nullable String param, @Nullable String message, @Nullable String requestId,
			@Nullable Duration retryAfter) {
		String c = (code != null) ? code : "";
		if (status == 400 && c.contains("SensitiveContentDetected")) {
			return new ArkContentFilterException(status, code, type, param, message, requestId);
		}
		return switch (status) {
			case 400 -> new ArkBadRequestException(status, code, type, param, message, requestId);
			case 401 -> new ArkAuthenticationException(status, code, type, param, message, requestId);
			case 403 -> new ArkPermissionException(status, code, type, param, message, requestId);
			case 404 -> new ArkNotFoundException(status, code, type, param, message, requestId);
			case 429 -> QUOTA_CODES.contains(c) ? new ArkQuotaExceededException(status, code, type, param, message,
					requestId) : new ArkRateLimitException(status, code, type, param, message, requestId, retryAfter);
			default -> (status >= 500) ? new ArkServerException(status, code, type, param, message, requestId)
					: new ArkApiException(status, code, type, param, message, requestId);
		};
	}

	/**
	 * Parses {@code Retry-After}, in seconds or as an HTTP date.
	 * @param value the header value
	 * @param clock the clock an HTTP date is measured against
	 * @return the delay (never negative), or {@code null} when absent or unreadable
	 */
	public static @Nullable Duration retryAfter(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.trim();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(clock.instant(), at.toInstant());
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException ignored) {
				return null;
			}
		}
	}

	/**
	 * Finds the request id that Ark appends to its messages ({@code "... Request id: 0217..."}).
	 * @param message the server's message
	 * @return the id, or {@code null}
	 */
	public static @Nullable String requestIdFromMessage(@Nullable String message) {
		if (message == null) {
			return null;
		}
		int at = message.lastIndexOf(REQUEST_ID_MARKER);
		if (at < 0) {
			return null;
		}
		int start = at + REQUEST_ID_MARKER.length();
		while (start < message.length() && message.charAt(start) == ' ') {
			start++;
		}
		int end = start;
		while (end < message.length() && Character.isLetterOrDigit(message.charAt(end))) {
			end++;
		}
		return (end > start) ? message.substring(start, end) : null;
	}

	private static @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = ArkJson.mapper().readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		String text = value.isValueNode() ? value.asString() : value.toString();
		return text.isEmpty() ? null : text;
	}

}
