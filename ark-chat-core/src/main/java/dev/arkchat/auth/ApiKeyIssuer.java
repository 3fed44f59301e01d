package dev.arkchat.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.arkchat.ArkException;
import dev.arkchat.http.ArkErrorDecoder;
import dev.arkchat.http.ArkJson;
import dev.arkchat.http.ArkTransport;
import dev.arkchat.http.RetrySettings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import org.springframework.web.client.RestClient;

/**
 * One {@code GetApiKey} call (E7): sends the PascalCase body on a client that signs it, and reads
 * {@code Result.ApiKey} and {@code Result.ExpiredTime}. Error statuses are decoded by {@link ArkErrorDecoder}; an
 * HTTP 200 whose {@code ResponseMetadata.Error} is set is a failure too. Nothing here caches; nothing here logs.
 */
final class ApiKeyIssuer {

	/** The OpenAPI action and version, as the query of a POST to the host's root. */
	static final String PATH = "/?Action=GetApiKey&Version=2024-01-01";

	private static final ObjectReader READER = ArkJson.mapper().readerFor(JsonNode.class);

	private final ArkTransport transport;

	private final long durationSeconds;

	private final @Nullable String projectName;

	private final Clock clock;

	/**
	 * Creates an issuer.
	 * @param restClient a client whose base URL is the OpenAPI host and whose last interceptor signs
	 * @param durationSeconds the lifetime to ask for
	 * @param projectName the project the resources belong to, or {@code null}
	 * @param clock the clock
	 */
	ApiKeyIssuer(RestClient restClient, long durationSeconds, @Nullable String projectName, Clock clock) {
		// no retries here: the provider refreshes on its own schedule and keeps the valid key meanwhile
		this.transport = new ArkTransport(restClient, clock, RetrySettings.NONE);
		this.durationSeconds = durationSeconds;
		this.projectName = projectName;
		this.clock = clock;
	}

	/**
	 * Asks for a key.
	 * @param resourceId the bot or endpoint id
	 * @param type its type
	 * @return the key
	 * @throws ArkException when the call fails, answers with an error, or answers without a usable key
	 */
	IssuedApiKey issue(String resourceId, ApiKeyResourceType type) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("DurationSeconds", this.durationSeconds);
		body.put("ResourceType", type.wireValue());
		body.put("ResourceIds", List.of(resourceId));
		if (this.projectName != null) {
			body.put("ProjectName", this.projectName);
		}
		JsonNode root = this.transport.post(PATH, body, (headers) -> {
		}, READER);
		JsonNode metadata = root.path("ResponseMetadata");
		String requestId = text(metadata.get("RequestId"));
		JsonNode error = metadata.path("Error");
		if (error.isObject()) {
			String code = text(error.get("Code"));
			if (code == null) {
				code = text(error.get("CodeN"));
			}
			String message = text(error.get("Message"));
			if (code != null || message != null) {
				throw ArkErrorDecoder.create(200, code, null, null, message, requestId, null);
			}
		}
		JsonNode result = root.path("Result");
		String apiKey = text(result.get("ApiKey"));
		Long expiredTime = epochSeconds(result.get("ExpiredTime"));
		if (apiKey == null || apiKey.isBlank() || expiredTime == null) {
			throw new ArkException("GetApiKey for " + resourceId + " answered without Result.ApiKey and "
					+ "Result.ExpiredTime", requestId, null);
		}
		Instant expiresAt = Instant.ofEpochSecond(expiredTime);
		Instant now = this.clock.instant();
		if (!expiresAt.isAfter(now)) {
			throw new ArkException("GetApiKey for " + resourceId + " issued a key that expired at " + expiresAt
					+ ", not after this machine's time " + now + ": check the system clock", requestId, null);
		}
		return new IssuedApiKey(apiKey.trim(), expiresAt, requestId);
	}

	private static @Nullable Long epochSeconds(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return node.longValue();
		}
		if (node.isString()) {
			try {
				return Long.parseLong(node.asString().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull() || !node.isValueNode()) {
			return null;
		}
		String text = node.asString();
		return text.isEmpty() ? null : text;
	}

}
