package dev.arkchat.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.chat.ContentPart;
import dev.arkchat.chat.Thinking;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge chat request ({@code POST /api/knowledge/chat/completions}): the model (a public model name, or a
 * private endpoint {@code ep-…} with its {@code api_key}), the messages (text or multimodal), and the few sampling
 * options the endpoint takes. Usually built by {@link KnowledgeOperations#ask(String)} from a search; build one with
 * {@link #builder()} to call the model yourself. Its {@code toString()} never shows the API key. Immutable.
 */
@JsonPropertyOrder({ "model", "model_version", "thinking", "api_key", "messages", "stream", "max_tokens",
		"temperature", "return_token_usage" })
public final class KnowledgeChatRequest {

	private final @Nullable String model;

	private final @Nullable String modelVersion;

	private final @Nullable Thinking thinking;

	private final @Nullable String apiKey;

	private final List<ChatMessage> messages;

	private final @Nullable Boolean stream;

	private final @Nullable Integer maxTokens;

	private final @Nullable Double temperature;

	private final @Nullable Boolean returnTokenUsage;

	private final Map<String, Object> extraBody;

	private KnowledgeChatRequest(Builder builder, @Nullable Boolean stream) {
		this.model = trimmed(builder.model);
		this.modelVersion = trimmed(builder.modelVersion);
		this.thinking = builder.thinking;
		this.apiKey = builder.apiKey;
		this.messages = List.copyOf(builder.messages);
		this.stream = stream;
		this.maxTokens = builder.maxTokens;
		this.temperature = builder.temperature;
		this.returnTokenUsage = builder.returnTokenUsage;
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
	}

	/**
	 * A new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder that starts from this request.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder b = new Builder();
		b.model = this.model;
		b.modelVersion = this.modelVersion;
		b.thinking = this.thinking;
		b.apiKey = this.apiKey;
		b.messages.addAll(this.messages);
		b.maxTokens = this.maxTokens;
		b.temperature = this.temperature;
		b.returnTokenUsage = this.returnTokenUsage;
		b.extraBody.putAll(this.extraBody);
		return b;
	}

	/**
	 * The model: a public model name such as {@code Doubao-1-5-pro-32k}, or a private endpoint id {@code ep-…}.
	 * @return the model, or {@code null} for the server's default
	 */
	@JsonProperty("model")
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * The version of a public model, such as {@code 250115}.
	 * @return the version, or {@code null} for the model's default
	 */
	@JsonProperty("model_version")
	public @Nullable String modelVersion() {
		return this.modelVersion;
	}

	/**
	 * Whether a reasoning model thinks first.
	 * @return the setting, or {@code null} for the model's default
	 */
	@JsonProperty("thinking")
	public @Nullable Thinking thinking() {
		return this.thinking;
	}

	/**
	 * The API key of a private endpoint. Sent in the body, as the endpoint requires; never shown by
	 * {@code toString()}.
	 * @return the key, or {@code null}
	 */
	@JsonProperty("api_key")
	public @Nullable String apiKey() {
		return this.apiKey;
	}

	/**
	 * The conversation, oldest first: usually the prompt (system), the history, and the question.
	 * @return the messages
	 */
	@JsonProperty("messages")
	public List<ChatMessage> messages() {
		return this.messages;
	}

	/**
	 * Whether the answer is streamed; set by the client.
	 * @return {@code true} for a stream, {@code null} for a blocking call
	 */
	@JsonProperty("stream")
	public @Nullable Boolean stream() {
		return this.stream;
	}

	/**
	 * The most tokens to generate.
	 * @return the limit, or {@code null} for the server's 4096
	 */
	@JsonProperty("max_tokens")
	public @Nullable Integer maxTokens() {
		return this.maxTokens;
	}

	/**
	 * The sampling temperature, in [0, 1].
	 * @return the temperature, or {@code null} for the server's 0.1
	 */
	@JsonProperty("temperature")
	public @Nullable Double temperature() {
		return this.temperature;
	}

	/**
	 * Whether the answer reports its token usage.
	 * @return the flag, or {@code null} for the server's {@code false}
	 */
	@JsonProperty("return_token_usage")
	public @Nullable Boolean returnTokenUsage() {
		return this.returnTokenUsage;
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
	 * This request as a blocking or streamed call.
	 * @param streaming whether to stream
	 * @return a copy with {@code stream} set
	 */
	KnowledgeChatRequest withStream(boolean streaming) {
		return new KnowledgeChatRequest(toBuilder(), streaming ? Boolean.TRUE : null);
	}

	/**
	 * Checks the request before it is sent.
	 * @throws IllegalArgumentException naming the field, the value and the rule
	 */
	void validate() {
		if (this.messages.isEmpty()) {
			throw new IllegalArgumentException("messages must not be empty");
		}
		for (int i = 0; i < this.messages.size(); i++) {
			ChatMessage message = this.messages.get(i);
			ChatRole role = message.role();
			if (role != ChatRole.SYSTEM && role != ChatRole.USER && role != ChatRole.ASSISTANT) {
				throw new IllegalArgumentException("messages[" + i + "].role must be one of system, user, assistant "
						+ "but was " + role.value() + ": the knowledge chat takes no tool messages");
			}
			if (message.content() == null && message.contentParts() == null) {
				throw new IllegalArgumentException("messages[" + i + "].content must be set");
			}
			if (message.contentParts() != null && role != ChatRole.USER) {
				throw new IllegalArgumentException("messages[" + i + "].content may be a list of parts (text, images) "
						+ "only in user messages, but role was " + role.value());
			}
			if (message.contentParts() != null) {
				for (ContentPart part : message.contentParts()) {
					if (!"text".equals(part.type()) && !"image_url".equals(part.type())) {
						throw new IllegalArgumentException("messages[" + i + "].content parts must be text or "
								+ "image_url but one was " + part.type());
					}
				}
			}
		}
		if (this.maxTokens != null && this.maxTokens < 1) {
			throw new IllegalArgumentException("max_tokens must be at least 1 but was " + this.maxTokens);
		}
		if (this.temperature != null && (this.temperature.isNaN() || this.temperature < 0 || this.temperature > 1)) {
			throw new IllegalArgumentException("temperature must be in [0, 1] but was " + this.temperature);
		}
		if (this.apiKey != null && this.apiKey.isBlank()) {
			throw new IllegalArgumentException("api_key must not be blank when set (it is only needed for a "
					+ "private endpoint ep-…)");
		}
	}

	@Override
	public String toString() {
		return "KnowledgeChatRequest{model=" + this.model + ", modelVersion=" + this.modelVersion + ", messages="
				+ this.messages.size() + ", apiKey=" + ((this.apiKey != null) ? "******" : "none") + "}";
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/** Builds a {@link KnowledgeChatRequest}. */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable String modelVersion;

		private @Nullable Thinking thinking;

		private @Nullable String apiKey;

		private final List<ChatMessage> messages = new ArrayList<>();

		private @Nullable Integer maxTokens;

		private @Nullable Double temperature;

		private @Nullable Boolean returnTokenUsage;

		private final Map<String, Object> extraBody = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Sets the model: a public model name such as {@code Doubao-1-5-pro-32k} (the server's default), or a
		 * private endpoint id {@code ep-…} (then also set {@link #apiKey(String)}).
		 * @param model the model
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets the version of a public model, such as {@code 250115}.
		 * @param modelVersion the version
		 * @return this builder
		 */
		public Builder modelVersion(@Nullable String modelVersion) {
			this.modelVersion = modelVersion;
			return this;
		}

		/**
		 * Sets whether a reasoning model thinks first.
		 * @param thinking {@link Thinking#ENABLED}, {@link Thinking#DISABLED} or {@link Thinking#AUTO}
		 * @return this builder
		 */
		public Builder thinking(@Nullable Thinking thinking) {
			this.thinking = thinking;
			return this;
		}

		/**
		 * Sets the API key of a private endpoint ({@code api_key} in the body). Without it, a private endpoint's
		 * calls go to a public endpoint and are billed as knowledge-base usage.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Adds a system message.
		 * @param content the instructions
		 * @return this builder
		 */
		public Builder system(String content) {
			this.messages.add(ChatMessage.system(content));
			return this;
		}

		/**
		 * Adds a user message.
		 * @param content the text
		 * @return this builder
		 */
		public Builder user(String content) {
			this.messages.add(ChatMessage.user(content));
			return this;
		}

		/**
		 * Adds an earlier answer of the assistant.
		 * @param content the answer
		 * @return this builder
		 */
		public Builder assistant(String content) {
			this.messages.add(ChatMessage.assistant(content));
			return this;
		}

		/**
		 * Adds a message.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(ChatMessage message) {
			this.messages.add(Objects.requireNonNull(message, "message must not be null"));
			return this;
		}

		/**
		 * Replaces the messages.
		 * @param messages the messages, oldest first
		 * @return this builder
		 */
		public Builder messages(List<ChatMessage> messages) {
			List<ChatMessage> copy = List.copyOf(messages);
			this.messages.clear();
			this.messages.addAll(copy);
			return this;
		}

		/**
		 * Sets the most tokens to generate (the server's default is 4096; the bound depends on the model).
		 * @param maxTokens the limit, at least 1
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Sets the sampling temperature, in [0, 1] (the server's default is 0.1).
		 * @param temperature the temperature
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Asks the answer to report its token usage.
		 * @param returnTokenUsage whether to
		 * @return this builder
		 */
		public Builder returnTokenUsage(@Nullable Boolean returnTokenUsage) {
			this.returnTokenUsage = returnTokenUsage;
			return this;
		}

		/**
		 * Adds a JSON field this library does not know yet, sent as it is at the top level.
		 * @param name the field name
		 * @param value the value
		 * @return this builder
		 */
		public Builder extraBody(String name, Object value) {
			this.extraBody.put(Objects.requireNonNull(name, "name must not be null"), value);
			return this;
		}

		/**
		 * Builds the request (checked when it is sent).
		 * @return the request
		 */
		public KnowledgeChatRequest build() {
			return new KnowledgeChatRequest(this, null);
		}

	}

}
