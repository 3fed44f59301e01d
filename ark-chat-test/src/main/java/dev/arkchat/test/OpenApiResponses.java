package dev.arkchat.test;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The answers of the Volcengine OpenAPI (spec §7.3): {@code {"ResponseMetadata":{RequestId, Action, Version, Service,
 * Region}, "Result":{…}}} on success; on failure no {@code Result} and {@code ResponseMetadata.Error} with
 * {@code CodeN}, {@code Code} and {@code Message}, usually with a 4xx/5xx status but sometimes with 200.
 */
final class OpenApiResponses {

	static final String ACTION = "GetApiKey";

	static final String VERSION = "2024-01-01";

	static final String SERVICE = "ark";

	private OpenApiResponses() {
	}

	/**
	 * A successful answer.
	 * @param requestId the request id
	 * @param region the region to report
	 * @param result the {@code Result} object
	 * @return {@code 200} with the answer
	 */
	static ResponseDefinition success(String requestId, String region, ObjectNode result) {
		ObjectNode root = ArkJson.mapper().createObjectNode();
		root.set("ResponseMetadata", metadata(requestId, region));
		root.set("Result", result);
		return json(200, root);
	}

	/**
	 * An error answer.
	 * @param error the error
	 * @param requestId the request id
	 * @param region the region to report
	 * @return the answer, with the error's status
	 */
	static ResponseDefinition error(Error error, String requestId, String region) {
		ObjectNode metadata = metadata(requestId, region);
		ObjectNode body = metadata.putObject("Error");
		if (error.codeN() != null) {
			body.put("CodeN", error.codeN());
		}
		body.put("Code", error.code()).put("Message", error.message());
		ObjectNode root = ArkJson.mapper().createObjectNode();
		root.set("ResponseMetadata", metadata);
		return json(error.status(), root);
	}

	private static ObjectNode metadata(String requestId, String region) {
		return ArkJson.mapper()
			.createObjectNode()
			.put("RequestId", requestId)
			.put("Action", ACTION)
			.put("Version", VERSION)
			.put("Service", SERVICE)
			.put("Region", region);
	}

	private static ResponseDefinition json(int status, ObjectNode root) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody(ArkJson.mapper().writeValueAsBytes(root))
			.build();
	}

	/**
	 * An OpenAPI error.
	 * @param status the HTTP status (200 for an error inside a successful answer)
	 * @param code the code, such as {@code SignatureDoesNotMatch}
	 * @param codeN the numeric code, or {@code null} when unknown
	 * @param message the message
	 */
	record Error(int status, String code, @Nullable Integer codeN, String message) {

		static Error missingParameter(String name) {
			return new Error(400, "MissingParameter", 100002, "The request is missing " + name + " parameter.");
		}

		static Error invalidParameter(String name, String problem) {
			return new Error(400, "InvalidParameter", null, "The parameter " + name + " is invalid: " + problem);
		}

	}

}
