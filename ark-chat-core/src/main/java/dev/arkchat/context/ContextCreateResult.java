package dev.arkchat.context;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arkchat.chat.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A created context, as the server describes it. The server's values win over the requested ones (it may grant
 * another time to live).
 * @param id the context id ({@code ctx-…}), to send as {@code context_id}
 * @param model the endpoint it belongs to
 * @param mode its caching mode
 * @param ttl its time to live in seconds (sent as a number or, in the documentation, as a string)
 * @param truncationStrategy how a session context trims its history
 * @param usage the tokens the initial messages took, with {@code prompt_tokens_details.cached_tokens}
 */
public record ContextCreateResult(String id, @Nullable String model, @Nullable ContextMode mode, @Nullable Long ttl,
		@Nullable TruncationStrategy truncationStrategy, @Nullable Usage usage) {

	@JsonCreator
	static ContextCreateResult fromJson(@JsonProperty("id") String id, @JsonProperty("model") @Nullable String model,
			@JsonProperty("mode") @Nullable ContextMode mode, @JsonProperty("ttl") @Nullable JsonNode ttl,
			@JsonProperty("truncation_strategy") @Nullable TruncationStrategy truncationStrategy,
			@JsonProperty("usage") @Nullable Usage usage) {
		return new ContextCreateResult(id, model, mode, seconds(ttl), truncationStrategy, usage);
	}

	private static @Nullable Long seconds(@Nullable JsonNode ttl) {
		if (ttl == null || ttl.isNull()) {
			return null;
		}
		if (ttl.isNumber()) {
			return ttl.asLong();
		}
		try {
			return Long.parseLong(ttl.asString().trim());
		}
		catch (NumberFormatException ex) {
			// informational only: an unreadable ttl must not make a successful create fail
			return null;
		}
	}

	/**
	 * The time to live as a duration.
	 * @return the time to live, or {@code null} when the server did not say
	 */
	public @Nullable Duration ttlDuration() {
		return (this.ttl != null) ? Duration.ofSeconds(this.ttl) : null;
	}

}
