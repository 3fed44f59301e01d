package dev.arkchat.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arkchat.chat.Usage;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The {@code data} of a knowledge chat answer or stream event: a piece (or the whole) of {@code generated_answer},
 * {@code reasoning_content}, {@code usage} as a JSON string, and {@code end} on a stream's last event.
 * @param generatedAnswer the answer's text, or a piece of it
 * @param reasoningContent the reasoning, or a piece of it
 * @param usage the usage: a JSON string on the wire ({@code "{\"prompt_tokens\":13,…}\n"}), an object tolerated
 * @param end whether this is a stream's last event
 */
record KnowledgeChatData(@JsonProperty("generated_answer") @Nullable String generatedAnswer,
		@JsonProperty("reasoning_content") @Nullable String reasoningContent,
		@JsonProperty("usage") @Nullable JsonNode usage, @JsonProperty("end") @Nullable Boolean end) {

	/**
	 * The usage decoded into numbers.
	 * @return the usage, or {@code null} when absent, empty or not the documented object
	 */
	@Nullable Usage decodedUsage() {
		return decode(this.usage);
	}

	boolean isEnd() {
		return Boolean.TRUE.equals(this.end);
	}

	static @Nullable Usage decode(@Nullable JsonNode usage) {
		if (usage == null || usage.isNull() || usage.isMissingNode()) {
			return null;
		}
		try {
			if (usage.isString()) {
				String json = usage.asString().strip();
				return json.isEmpty() ? null : ArkJson.mapper().readValue(json, Usage.class);
			}
			if (usage.isObject()) {
				return ArkJson.mapper().treeToValue(usage, Usage.class);
			}
		}
		catch (JacksonException ex) {
			// usage is informative: an undecodable report must not fail an answer that arrived whole
		}
		return null;
	}

}
