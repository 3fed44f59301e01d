package dev.arkchat.test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * E7, the OpenAPI's {@code GetApiKey} ({@code POST /?Action=GetApiKey&Version=2024-01-01}, spec §7.3): checks the V4
 * signature ({@link SignatureCheck}), the version and the body as the OpenAPI does, then issues a random key valid for
 * {@code DurationSeconds} and registers it with the {@link ApiKeyCheck}, so that the bot and endpoint calls accept it
 * for the resources it was issued for. Errors have the OpenAPI's shape ({@code ResponseMetadata.Error}).
 */
final class GetApiKeyEndpoint extends ArkEndpoint {

	static final String NAME = "ark-get-api-key";

	/** The longest {@code DurationSeconds}: 30 days. */
	static final long MAX_DURATION_SECONDS = 2_592_000L;

	private static final List<String> RESOURCE_TYPES = List.of("bot", "endpoint", "presetendpoint");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiKeyCheck apiKeys;

	private final SignatureCheck signatures = new SignatureCheck();

	private final GetApiKeyStub stub = new GetApiKeyStub();

	GetApiKeyEndpoint(ApiKeyCheck apiKeys) {
		this.apiKeys = apiKeys;
	}

	GetApiKeyStub stub() {
		return this.stub;
	}

	void requireCredentials(@Nullable VolcengineCredentials credentials) {
		this.signatures.require(credentials);
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	MappingBuilder mapping() {
		return post(urlPathEqualTo("/")).withQueryParam("Action", equalTo(OpenApiResponses.ACTION))
			.willReturn(aResponse().withTransformers(NAME));
	}

	@Override
	void reset() {
		this.stub.reset();
		this.signatures.require(null);
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String requestId = ArkRequestIds.next();
		String region = region(request);
		GetApiKeyStub.Snapshot settings = this.stub.snapshot();
		ResponseDefinition answer = answer(request, requestId, region, settings);
		if (settings.delay().isZero()) {
			return answer;
		}
		return ResponseDefinitionBuilder.like(answer).withFixedDelay((int) settings.delay().toMillis()).build();
	}

	private ResponseDefinition answer(Request request, String requestId, String region,
			GetApiKeyStub.Snapshot settings) {
		String version = request.queryParameter("Version").isPresent()
				? request.queryParameter("Version").firstValue() : null;
		if (!OpenApiResponses.VERSION.equals(version)) {
			return OpenApiResponses.error(new OpenApiResponses.Error(404, "InvalidActionOrVersion", 100008,
					"Could not find operation GetApiKey for version " + version + "."), requestId, region);
		}
		OpenApiResponses.Error refused = this.signatures.refuse(request);
		if (refused == null) {
			refused = settings.failure();
		}
		if (refused != null) {
			return OpenApiResponses.error(refused, requestId, region);
		}
		Body body;
		try {
			body = Body.parse(request.getBody());
		}
		catch (InvalidBody ex) {
			return OpenApiResponses.error(ex.error, requestId, region);
		}
		Instant now = Instant.now();
		IssuedKey key = new IssuedKey(newKey(), body.resourceType(), body.resourceIds(),
				settings.expiry(now, body.durationSeconds()));
		this.apiKeys.issue(key);
		return OpenApiResponses.success(requestId, region,
				ArkJson.mapper()
					.createObjectNode()
					.put("ApiKey", key.apiKey())
					.put("ExpiredTime", key.expiresAt().getEpochSecond()));
	}

	/** The region of the request's credential scope, as the OpenAPI reports it; Beijing when there is none. */
	private static String region(Request request) {
		String authorization = request.getHeader("Authorization");
		int start = (authorization != null) ? authorization.indexOf("Credential=") : -1;
		if (start >= 0) {
			String[] scope = authorization.substring(start + "Credential=".length()).split("[,\\s]")[0].split("/");
			if (scope.length == 5 && !scope[2].isBlank()) {
				return scope[2];
			}
		}
		return "cn-beijing";
	}

	private static String newKey() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return "ark-tmp-" + HexFormat.of().formatHex(bytes);
	}

	/** A checked {@code GetApiKey} body. */
	private record Body(long durationSeconds, String resourceType, List<String> resourceIds) {

		/** The body; throws with the error the OpenAPI answers for a wrong one. */
		static Body parse(byte[] bytes) {
			JsonNode root;
			try {
				root = ArkJson.mapper().readTree(bytes);
			}
			catch (JacksonException ex) {
				root = null;
			}
			if (root == null || !root.isObject()) {
				throw new InvalidBody(OpenApiResponses.Error.invalidParameter("body", "expected a JSON object"));
			}
			JsonNode duration = root.get("DurationSeconds");
			if (duration == null || duration.isNull()) {
				throw new InvalidBody(OpenApiResponses.Error.missingParameter("DurationSeconds"));
			}
			if (!duration.isIntegralNumber() || duration.longValue() < 1
					|| duration.longValue() > MAX_DURATION_SECONDS) {
				throw new InvalidBody(OpenApiResponses.Error.invalidParameter("DurationSeconds",
						"expected an integer in [1, " + MAX_DURATION_SECONDS + "] (30 days), got " + duration));
			}
			JsonNode type = root.get("ResourceType");
			if (type == null || type.isNull()) {
				throw new InvalidBody(OpenApiResponses.Error.missingParameter("ResourceType"));
			}
			if (!type.isString() || !RESOURCE_TYPES.contains(type.asString())) {
				throw new InvalidBody(OpenApiResponses.Error.invalidParameter("ResourceType",
						"expected one of " + RESOURCE_TYPES + ", got " + type));
			}
			JsonNode ids = root.get("ResourceIds");
			if (ids == null || ids.isNull()) {
				throw new InvalidBody(OpenApiResponses.Error.missingParameter("ResourceIds"));
			}
			if (!ids.isArray() || ids.isEmpty()) {
				throw new InvalidBody(
						OpenApiResponses.Error.invalidParameter("ResourceIds", "expected a non-empty list of ids"));
			}
			List<String> resourceIds = new ArrayList<>();
			for (JsonNode id : ids) {
				if (!id.isString() || !matches(type.asString(), id.asString())) {
					throw new InvalidBody(OpenApiResponses.Error.invalidParameter("ResourceIds",
							"expected ids of type " + type.asString() + ", got " + id));
				}
				resourceIds.add(id.asString());
			}
			JsonNode project = root.get("ProjectName");
			if (project != null && !project.isNull() && !project.isString()) {
				throw new InvalidBody(
						OpenApiResponses.Error.invalidParameter("ProjectName", "expected a string, got " + project));
			}
			return new Body(duration.longValue(), type.asString(), resourceIds);
		}

		private static boolean matches(String type, String id) {
			return switch (type) {
				case "bot" -> id.startsWith("bot-");
				case "presetendpoint" -> id.startsWith("ep-m-");
				default -> id.startsWith("ep-") && !id.startsWith("ep-m-");
			};
		}

	}

	/** A body the OpenAPI refuses, with its error. */
	private static final class InvalidBody extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient OpenApiResponses.Error error;

		InvalidBody(OpenApiResponses.Error error) {
			super(error.message(), null, false, false);
			this.error = error;
		}

	}

}
