package dev.arkchat.context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatOptions;
import org.jspecify.annotations.Nullable;

/**
 * A request to create a context cache ({@code POST /api/v3/context/create}): the endpoint, the initial messages to
 * cache, the mode, the time to live and, in session mode, how the history is truncated. Absent values take the
 * {@link ContextChatOperations}' defaults, then the server's. Build one with {@link #builder()}. Immutable.
 */
@JsonPropertyOrder({ "model", "messages", "mode", "ttl", "truncation_strategy" })
public final class ContextCreateRequest {

	/** The shortest time to live the server accepts, in seconds (one hour). */
	public static final long MIN_TTL_SECONDS = 3600;

	/** The longest time to live the server accepts, in seconds (seven days). */
	public static final long MAX_TTL_SECONDS = 604800;

	private final @Nullable String model;

	private final List<ChatMessage> messages;

	private final @Nullable ContextMode mode;

	private final @Nullable Long ttl;

	private final @Nullable TruncationStrategy truncationStrategy;

	private final Map<String, Object> extraBody;

	private ContextCreateRequest(@Nullable String model, List<ChatMessage> messages, @Nullable ContextMode mode,
			@Nullable Long ttl, @Nullable TruncationStrategy truncationStrategy, Map<String, Object> extraBody) {
		this.model = model;
		this.messages = List.copyOf(messages);
		this.mode = mode;
		this.ttl = ttl;
		this.truncationStrategy = truncationStrategy;
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(extraBody));
	}

	/**
	 * A new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The endpoint id ({@code model} on the wire).
	 * @return the endpoint id ({@code ep-…}), or {@code null} to use the default endpoint
	 */
	@JsonProperty("model")
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * The initial messages to cache, oldest first.
	 * @return the messages
	 */
	@JsonProperty("messages")
	public List<ChatMessage> messages() {
		return this.messages;
	}

	/**
	 * The caching mode.
	 * @return the mode, or {@code null} for the default ({@code session} on the server)
	 */
	@JsonProperty("mode")
	public @Nullable ContextMode mode() {
		return this.mode;
	}

	/**
	 * How long the context lives after its last use, in seconds; in [3600, 604800].
	 * @return the time to live, or {@code null} for the default (86400 on the server)
	 */
	@JsonProperty("ttl")
	public @Nullable Long ttl() {
		return this.ttl;
	}

	/**
	 * How a session context trims its history.
	 * @return the strategy, or {@code null} for the server's
	 */
	@JsonProperty("truncation_strategy")
	public @Nullable TruncationStrategy truncationStrategy() {
		return this.truncationStrategy;
	}

	/**
	 * Extra JSON fields, sent as they are.
	 * @return the fields
	 */
	@JsonAnyGetter
	public Map<String, Object> extraBody() {
		return this.extraBody;
	}

	/**
	 * This request with defaults for the values it leaves out. The truncation default only applies in session mode.
	 * @param model the default endpoint id
	 * @param mode the default mode
	 * @param ttl the default time to live in seconds
	 * @param truncation the default truncation strategy
	 * @return a copy with the gaps filled
	 */
	ContextCreateRequest withDefaults(@Nullable String model, @Nullable ContextMode mode, @Nullable Long ttl,
			@Nullable TruncationStrategy truncation) {
		String m = (this.model != null && !this.model.isBlank()) ? this.model : model;
		ContextMode md = (this.mode != null) ? this.mode : mode;
		Long t = (this.ttl != null) ? this.ttl : ttl;
		TruncationStrategy tr = this.truncationStrategy;
		if (tr == null && (md == null || ContextMode.SESSION.equals(md))) {
			tr = truncation;
		}
		return new ContextCreateRequest(m, this.messages, md, t, tr, this.extraBody);
	}

	/**
	 * Checks the request before it is sent.
	 * @throws IllegalArgumentException naming the field, the value and the rule
	 */
	void validate() {
		if (this.model == null || this.model.isBlank()) {
			throw new IllegalArgumentException("model (the endpoint id, ep-…) must be set: name an endpoint in the "
					+ "request or configure a default endpoint id");
		}
		ContextMessages.validate(this.messages, false);
		validateSettings(this.mode, this.ttl, this.truncationStrategy);
	}

	/**
	 * Checks mode, time to live and truncation, as sent or as configured defaults.
	 * @param mode the mode
	 * @param ttl the time to live in seconds
	 * @param truncation the truncation strategy
	 * @throws IllegalArgumentException naming the field, the value and the rule
	 */
	static void validateSettings(@Nullable ContextMode mode, @Nullable Long ttl,
			@Nullable TruncationStrategy truncation) {
		if (mode != null && !mode.isKnown()) {
			throw new IllegalArgumentException(
					"mode must be one of session, common_prefix but was '" + mode.value() + "'");
		}
		if (ttl != null) {
			ChatOptions.range("ttl (seconds)", ttl, MIN_TTL_SECONDS, MAX_TTL_SECONDS);
		}
		if (truncation != null) {
			if (mode != null && !ContextMode.SESSION.equals(mode)) {
				throw new IllegalArgumentException("truncation_strategy is only allowed in mode session but mode was '"
						+ mode.value() + "'");
			}
			truncation.validate();
		}
	}

	@Override
	public String toString() {
		return "ContextCreateRequest{model=" + this.model + ", messages=" + this.messages.size() + ", mode="
				+ this.mode + ", ttl=" + this.ttl + ", truncationStrategy=" + this.truncationStrategy + "}";
	}

	/** Builds a {@link ContextCreateRequest}. */
	public static final class Builder {

		private @Nullable String endpoint;

		private final List<ChatMessage> messages = new ArrayList<>();

		private @Nullable ContextMode mode;

		private @Nullable Long ttl;

		private @Nullable TruncationStrategy truncationStrategy;

		private final Map<String, Object> extraBody = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Sets the endpoint the context is created on; without it the default endpoint is used.
		 * @param endpointId the endpoint id ({@code ep-…})
		 * @return this builder
		 */
		public Builder endpoint(@Nullable String endpointId) {
			this.endpoint = endpointId;
			return this;
		}

		/**
		 * Adds an initial message.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(ChatMessage message) {
			this.messages.add(message);
			return this;
		}

		/**
		 * Adds initial messages, oldest first.
		 * @param messages the messages
		 * @return this builder
		 */
		public Builder messages(List<ChatMessage> messages) {
			this.messages.addAll(messages);
			return this;
		}

		/**
		 * Adds a system message (the usual content of a context).
		 * @param content the instructions
		 * @return this builder
		 */
		public Builder system(String content) {
			return message(ChatMessage.system(content));
		}

		/**
		 * Adds a user message.
		 * @param content the text
		 * @return this builder
		 */
		public Builder user(String content) {
			return message(ChatMessage.user(content));
		}

		/**
		 * Adds an earlier assistant answer; it must not be the last message.
		 * @param content the answer
		 * @return this builder
		 */
		public Builder assistant(String content) {
			return message(ChatMessage.assistant(content));
		}

		/**
		 * Sets the caching mode.
		 * @param mode {@link ContextMode#SESSION} or {@link ContextMode#COMMON_PREFIX}
		 * @return this builder
		 */
		public Builder mode(@Nullable ContextMode mode) {
			this.mode = mode;
			return this;
		}

		/**
		 * Sets how long the context lives after its last use; whole seconds in [3600, 604800].
		 * @param ttl the time to live
		 * @return this builder
		 */
		public Builder ttl(@Nullable Duration ttl) {
			this.ttl = (ttl != null) ? ttl.getSeconds() : null;
			return this;
		}

		/**
		 * Sets how long the context lives after its last use, in seconds in [3600, 604800].
		 * @param seconds the time to live
		 * @return this builder
		 */
		public Builder ttlSeconds(@Nullable Long seconds) {
			this.ttl = seconds;
			return this;
		}

		/**
		 * Sets how a session context trims its history; session mode only.
		 * @param truncationStrategy the strategy
		 * @return this builder
		 */
		public Builder truncationStrategy(@Nullable TruncationStrategy truncationStrategy) {
			this.truncationStrategy = truncationStrategy;
			return this;
		}

		/**
		 * Adds a JSON field that this version does not know, sent as it is.
		 * @param name the wire name
		 * @param value the value
		 * @return this builder
		 */
		public Builder extraBody(String name, @Nullable Object value) {
			this.extraBody.put(name, value);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ContextCreateRequest build() {
			return new ContextCreateRequest(this.endpoint, this.messages, this.mode, this.ttl,
					this.truncationStrategy, this.extraBody);
		}

	}

}
