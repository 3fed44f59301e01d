package dev.arkchat.test;

import java.util.Set;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The checks Ark makes on context requests before answering (spec §5, §8). Create: {@code model} an endpoint id
 * ({@code ep-…}); {@code messages}, when given, a list of messages with known roles whose last is not
 * {@code assistant}; {@code mode} {@code session} or {@code common_prefix}; {@code ttl} whole seconds in [3600,
 * 604800]; {@code truncation_strategy} only in session mode, with a known {@code type} and a positive
 * {@code last_history_tokens}. Chat: {@code model} an endpoint id, {@code context_id} present, {@code messages} a
 * non-empty list whose last is not {@code assistant}, no {@code tools}, {@code stream} a boolean and
 * {@code stream_options} only with {@code stream: true}. A missing field is {@code 400 MissingParameter}, a wrong one
 * {@code 400 InvalidParameter}, each naming the field in {@code param}.
 */
final class ContextRequestRules {

	static final long MIN_TTL = 3600;

	static final long MAX_TTL = 604800;

	private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

	private static final Set<String> MODES = Set.of(ContextState.SESSION, ContextState.COMMON_PREFIX);

	private static final Set<String> TRUNCATION_TYPES = Set.of(ContextState.LAST_HISTORY_TOKENS, "rolling_tokens");

	private ContextRequestRules() {
	}

	/**
	 * Checks a create request.
	 * @param body the parsed body, an object
	 * @param requestId the exchange's request id
	 * @return Ark's 400 answer, or {@code null} when the request is valid
	 */
	static @Nullable ResponseDefinition refuseCreate(JsonNode body, String requestId) {
		ResponseDefinition refused = endpoint(body, requestId);
		if (refused == null) {
			JsonNode messages = body.get("messages");
			if (messages != null && !messages.isNull()) {
				refused = messages(messages, false, requestId);
			}
		}
		if (refused == null) {
			refused = settings(body, requestId);
		}
		return refused;
	}

	/**
	 * Checks a chat request.
	 * @param body the parsed body, an object
	 * @param requestId the exchange's request id
	 * @return Ark's 400 answer, or {@code null} when the request is valid
	 */
	static @Nullable ResponseDefinition refuseChat(JsonNode body, String requestId) {
		ResponseDefinition refused = endpoint(body, requestId);
		if (refused != null) {
			return refused;
		}
		JsonNode contextId = body.get("context_id");
		if (absent(contextId)) {
			return missing("context_id", requestId);
		}
		if (!contextId.isString()) {
			return invalid("context_id", "expected a context id (ctx-…), got " + contextId, requestId);
		}
		JsonNode messages = body.get("messages");
		if (messages == null || messages.isNull()) {
			return missing("messages", requestId);
		}
		refused = messages(messages, true, requestId);
		if (refused != null) {
			return refused;
		}
		JsonNode tools = body.get("tools");
		if (tools != null && !tools.isNull()) {
			return invalid("tools", "tools are not supported by context chat", requestId);
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

	private static @Nullable ResponseDefinition endpoint(JsonNode body, String requestId) {
		JsonNode model = body.get("model");
		if (absent(model)) {
			return missing("model", requestId);
		}
		if (!model.isString() || !model.asString().startsWith("ep-")) {
			return invalid("model", "expected an endpoint id (ep-…), got " + model, requestId);
		}
		return null;
	}

	private static @Nullable ResponseDefinition messages(JsonNode messages, boolean requireOne, String requestId) {
		if (!messages.isArray() || (requireOne && messages.isEmpty())) {
			return invalid("messages", "expected a" + (requireOne ? " non-empty" : "") + " list of messages",
					requestId);
		}
		for (int i = 0; i < messages.size(); i++) {
			JsonNode role = messages.get(i).path("role");
			if (!role.isString() || !ROLES.contains(role.asString())) {
				return invalid("messages[" + i + "].role", "expected one of " + ROLES + ", got " + role, requestId);
			}
		}
		int last = messages.size() - 1;
		if (last >= 0 && "assistant".equals(messages.get(last).path("role").asString())) {
			return invalid("messages", "the last message must not be an assistant message", requestId);
		}
		return null;
	}

	private static @Nullable ResponseDefinition settings(JsonNode body, String requestId) {
		JsonNode mode = body.get("mode");
		if (!absent(mode) && (!mode.isString() || !MODES.contains(mode.asString()))) {
			return invalid("mode", "expected one of " + MODES + ", got " + mode, requestId);
		}
		JsonNode ttl = body.get("ttl");
		if (ttl != null && !ttl.isNull()) {
			if (!ttl.isIntegralNumber() || ttl.asLong() < MIN_TTL || ttl.asLong() > MAX_TTL) {
				return invalid("ttl", "expected whole seconds in [" + MIN_TTL + ", " + MAX_TTL + "], got " + ttl,
						requestId);
			}
		}
		JsonNode truncation = body.get("truncation_strategy");
		if (truncation == null || truncation.isNull()) {
			return null;
		}
		if (!absent(mode) && !ContextState.SESSION.equals(mode.asString())) {
			return invalid("truncation_strategy", "only allowed in session mode, mode is " + mode, requestId);
		}
		if (!truncation.isObject()) {
			return invalid("truncation_strategy", "expected an object, got " + truncation, requestId);
		}
		JsonNode type = truncation.get("type");
		if (absent(type)) {
			return missing("truncation_strategy.type", requestId);
		}
		if (!type.isString() || !TRUNCATION_TYPES.contains(type.asString())) {
			return invalid("truncation_strategy.type", "expected one of " + TRUNCATION_TYPES + ", got " + type,
					requestId);
		}
		JsonNode lastHistoryTokens = truncation.get("last_history_tokens");
		if (lastHistoryTokens != null && !lastHistoryTokens.isNull()
				&& (!lastHistoryTokens.isIntegralNumber() || lastHistoryTokens.asLong() < 1)) {
			return invalid("truncation_strategy.last_history_tokens",
					"expected a positive whole number, got " + lastHistoryTokens, requestId);
		}
		JsonNode rollingTokens = truncation.get("rolling_tokens");
		if (rollingTokens != null && !rollingTokens.isNull() && !rollingTokens.isBoolean()) {
			return invalid("truncation_strategy.rolling_tokens", "expected true or false, got " + rollingTokens,
					requestId);
		}
		return null;
	}

	private static boolean absent(@Nullable JsonNode value) {
		return value == null || value.isNull() || (value.isString() && value.asString().isBlank());
	}

	static ResponseDefinition missing(String param, String requestId) {
		return ArkErrorResponses.error(400, "MissingParameter",
				"The request failed because it is missing one or multiple required parameters: " + param, param,
				requestId, null);
	}

	static ResponseDefinition invalid(String param, String problem, String requestId) {
		return ArkErrorResponses.error(400, "InvalidParameter",
				"The parameter `" + param + "` specified in the request is not valid: " + problem, param, requestId,
				null);
	}

}
