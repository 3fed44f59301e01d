package dev.arkchat.test;

import java.util.Set;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The checks Ark makes on a bot chat request before answering (spec §3, §8): {@code model} is a bot id,
 * {@code messages} a non-empty list of messages with known roles, {@code stream} a boolean, {@code stream_options}
 * only with {@code stream: true}. A missing field is {@code 400 MissingParameter}, a wrong one
 * {@code 400 InvalidParameter}, each naming the field in {@code param}.
 */
final class BotChatRequestRules {

	private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

	private BotChatRequestRules() {
	}

	/**
	 * Checks a request body.
	 * @param body the parsed body, an object
	 * @param requestId the exchange's request id
	 * @return Ark's 400 answer, or {@code null} when the request is valid
	 */
	static @Nullable ResponseDefinition refuse(JsonNode body, String requestId) {
		JsonNode model = body.get("model");
		if (model == null || model.isNull() || (model.isString() && model.asString().isBlank())) {
			return missing("model", requestId);
		}
		if (!model.isString() || !model.asString().startsWith("bot-")) {
			return invalid("model", "expected a bot id (bot-…), got " + model, requestId);
		}
		JsonNode messages = body.get("messages");
		if (messages == null || messages.isNull()) {
			return missing("messages", requestId);
		}
		if (!messages.isArray() || messages.isEmpty()) {
			return invalid("messages", "expected a non-empty list of messages", requestId);
		}
		for (int i = 0; i < messages.size(); i++) {
			JsonNode role = messages.get(i).path("role");
			if (!role.isString() || !ROLES.contains(role.asString())) {
				return invalid("messages[" + i + "].role", "expected one of " + ROLES + ", got " + role, requestId);
			}
		}
		JsonNode stream = body.get("stream");
		if (stream != null && !stream.isNull() && !stream.isBoolean()) {
			return invalid("stream", "expected true or false, got " + stream, requestId);
		}
		JsonNode streamOptions = body.get("stream_options");
		if (streamOptions != null && !streamOptions.isNull() && (stream == null || !stream.asBoolean())) {
			return invalid("stream_options", "only allowed when stream is true", requestId);
		}
		return null;
	}

	private static ResponseDefinition missing(String param, String requestId) {
		return ArkErrorResponses.error(400, "MissingParameter",
				"The request failed because it is missing one or multiple required parameters: " + param, param,
				requestId, null);
	}

	private static ResponseDefinition invalid(String param, String problem, String requestId) {
		return ArkErrorResponses.error(400, "InvalidParameter",
				"The parameter `" + param + "` specified in the request is not valid: " + problem, param, requestId,
				null);
	}

}
