package dev.arkchat.test;

import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The checks made on a v2 bot chat request before answering (spec §4): the bot id in the path is a bot id,
 * {@code messages} a non-empty list of text messages with role {@code system}, {@code user} or {@code assistant},
 * {@code stream} a boolean, {@code parameters} an object whose values are in their documented ranges, {@code extra} a
 * map of strings. A missing field is {@code 400 MissingParameter}, a wrong one {@code 400 InvalidParameter}, each
 * naming the field in {@code param}.
 */
final class LegacyBotChatRequestRules {

	private static final Set<String> ROLES = Set.of("system", "user", "assistant");

	private LegacyBotChatRequestRules() {
	}

	/**
	 * Checks a request.
	 * @param botId the bot id from the path
	 * @param body the parsed body, an object
	 * @param requestId the exchange's request id
	 * @return the 400 answer, or {@code null} when the request is valid
	 */
	static @Nullable ResponseDefinition refuse(String botId, JsonNode body, String requestId) {
		if (!botId.startsWith("bot-")) {
			return invalid("bot_id", "expected a bot id (bot-…), got " + botId, requestId);
		}
		JsonNode messages = body.get("messages");
		if (messages == null || messages.isNull()) {
			return ArkErrorResponses.error(400, "MissingParameter",
					"The request failed because it is missing one or multiple required parameters: messages",
					"messages", requestId, null);
		}
		if (!messages.isArray() || messages.isEmpty()) {
			return invalid("messages", "expected a non-empty list of messages", requestId);
		}
		for (int i = 0; i < messages.size(); i++) {
			JsonNode role = messages.get(i).path("role");
			if (!role.isString() || !ROLES.contains(role.asString())) {
				return invalid("messages[" + i + "].role", "expected one of " + ROLES + ", got " + role, requestId);
			}
			if (!messages.get(i).path("content").isString()) {
				return invalid("messages[" + i + "].content", "expected a string", requestId);
			}
		}
		JsonNode stream = body.get("stream");
		if (stream != null && !stream.isNull() && !stream.isBoolean()) {
			return invalid("stream", "expected true or false, got " + stream, requestId);
		}
		JsonNode parameters = body.get("parameters");
		if (parameters != null && !parameters.isNull()) {
			ResponseDefinition invalid = (parameters.isObject()) ? parameters(parameters, requestId)
					: invalid("parameters", "expected an object", requestId);
			if (invalid != null) {
				return invalid;
			}
		}
		JsonNode extra = body.get("extra");
		if (extra != null && !extra.isNull()) {
			if (!extra.isObject()) {
				return invalid("extra", "expected a map of strings", requestId);
			}
			for (Map.Entry<String, JsonNode> entry : extra.properties()) {
				if (!entry.getValue().isString()) {
					return invalid("extra." + entry.getKey(), "expected a string, got " + entry.getValue(), requestId);
				}
			}
		}
		return null;
	}

	private static @Nullable ResponseDefinition parameters(JsonNode parameters, String requestId) {
		JsonNode temperature = parameters.get("temperature");
		if (temperature != null && !(temperature.isNumber() && temperature.doubleValue() > 0
				&& temperature.doubleValue() <= 1)) {
			return invalid("parameters.temperature", "expected a number in (0, 1], got " + temperature, requestId);
		}
		JsonNode topP = parameters.get("top_p");
		if (topP != null && !(topP.isNumber() && topP.doubleValue() >= 0 && topP.doubleValue() <= 1)) {
			return invalid("parameters.top_p", "expected a number in [0, 1], got " + topP, requestId);
		}
		for (String name : new String[] { "max_new_tokens", "top_k", "logprobs" }) {
			JsonNode value = parameters.get(name);
			if (value != null && !(value.isIntegralNumber() && value.longValue() >= 0)) {
				return invalid("parameters." + name, "expected a non-negative integer, got " + value, requestId);
			}
		}
		JsonNode logitBias = parameters.get("logit_bias");
		if (logitBias != null && !logitBias.isObject()) {
			return invalid("parameters.logit_bias", "expected a map of token id to number", requestId);
		}
		return null;
	}

	private static ResponseDefinition invalid(String param, String problem, String requestId) {
		return ArkErrorResponses.error(400, "InvalidParameter",
				"The parameter `" + param + "` specified in the request is not valid: " + problem, param, requestId,
				null);
	}

}
