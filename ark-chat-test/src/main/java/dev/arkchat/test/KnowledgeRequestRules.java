package dev.arkchat.test;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The request checks of the fake knowledge base; a problem is answered with code 1000003. */
final class KnowledgeRequestRules {

	private KnowledgeRequestRules() {
	}

	static @Nullable String searchProblem(JsonNode body) {
		if (!text(body, "name") && !text(body, "resource_id")) {
			return "name or resource_id is required";
		}
		if (!text(body, "query")) {
			return "query is required";
		}
		if (body.path("query").asString().codePointCount(0, body.path("query").asString().length()) > 8000) {
			return "query is longer than 8000 characters";
		}
		JsonNode limit = body.get("limit");
		if (limit != null && (!limit.isIntegralNumber() || limit.asInt() < 1)) {
			return "limit must be a positive integer";
		}
		JsonNode weight = body.get("dense_weight");
		if (weight != null && (!weight.isNumber() || weight.asDouble() < 0.2 || weight.asDouble() > 1)) {
			return "dense_weight must be in [0.2, 1]";
		}
		return null;
	}

	static @Nullable String chatProblem(JsonNode body) {
		JsonNode messages = body.get("messages");
		if (messages == null || !messages.isArray() || messages.isEmpty()) {
			return "messages is required";
		}
		for (JsonNode message : messages) {
			String role = message.path("role").asString("");
			if (!role.equals("system") && !role.equals("user") && !role.equals("assistant")) {
				return "role must be system, user or assistant";
			}
		}
		JsonNode temperature = body.get("temperature");
		if (temperature != null && (!temperature.isNumber() || temperature.asDouble() < 0
				|| temperature.asDouble() > 1)) {
			return "temperature must be in [0, 1]";
		}
		return null;
	}

	static boolean collectionExists(JsonNode body, Set<String> collections) {
		if (collections.isEmpty()) {
			return true;
		}
		String name = body.path("name").asString(null);
		String resourceId = body.path("resource_id").asString(null);
		return (name != null && collections.contains(name)) || (resourceId != null && collections.contains(resourceId));
	}

	private static boolean text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return value != null && value.isString() && !value.asString().isBlank();
	}

}
