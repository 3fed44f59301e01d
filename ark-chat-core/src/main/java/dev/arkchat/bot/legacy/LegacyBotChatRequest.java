package dev.arkchat.bot.legacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import org.jspecify.annotations.Nullable;

/**
 * A v2 bot chat request ({@code POST /api/v2/bots/{bot_id}/chat}): text messages, the {@code parameters} object and
 * the {@code extra} string map. Build one with {@link #builder()}; the bot id may be left out when the
 * {@link LegacyBotChatOperations} has a default bot. Immutable.
 */
@JsonPropertyOrder({ "messages", "stream", "parameters", "extra" })
public final class LegacyBotChatRequest {

	private static final Pattern BOT_ID = Pattern.compile("[A-Za-z0-9._~-]+");

	private final @Nullable String botId;

	private final List<ChatMessage> messages;

	private final @Nullable Boolean stream;

	private final LegacyBotParameters parameters;

	private final Map<String, String> extra;

	private final Map<String, Object> extraBody;

	private LegacyBotChatRequest(@Nullable String botId, List<ChatMessage> messages, @Nullable Boolean stream,
			LegacyBotParameters parameters, Map<String, String> extra, Map<String, Object> extraBody) {
		this.botId = botId;
		this.messages = List.copyOf(messages);
		this.stream = stream;
		this.parameters = parameters;
		this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
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
	 * The bot to call, sent in the path, not the body.
	 * @return the bot id, or {@code null} to use the default bot
	 */
	@JsonIgnore
	public @Nullable String botId() {
		return this.botId;
	}

	/**
	 * The conversation, oldest first.
	 * @return the messages
	 */
	@JsonProperty("messages")
	public List<ChatMessage> messages() {
		return this.messages;
	}

	/**
	 * Whether the answer is streamed; set by the client, not by the caller.
	 * @return {@code true} or {@code false} once the client set it, {@code null} before
	 */
	@JsonProperty("stream")
	public @Nullable Boolean stream() {
		return this.stream;
	}

	/**
	 * The sampling parameters.
	 * @return the parameters, {@link LegacyBotParameters#DEFAULTS} when none are set
	 */
	@JsonIgnore
	public LegacyBotParameters parameters() {
		return this.parameters;
	}

	@JsonProperty("parameters")
	@Nullable LegacyBotParameters jsonParameters() {
		return this.parameters.isEmpty() ? null : this.parameters;
	}

	/**
	 * The {@code extra} map of string values.
	 * @return the map, empty when none
	 */
	@JsonIgnore
	public Map<String, String> extra() {
		return this.extra;
	}

	@JsonProperty("extra")
	@Nullable Map<String, String> jsonExtra() {
		return this.extra.isEmpty() ? null : this.extra;
	}

	/**
	 * Extra top-level JSON fields, sent as they are, for fields this version does not know.
	 * @return the fields
	 */
	@JsonAnyGetter
	public Map<String, Object> extraBody() {
		return this.extraBody;
	}

	/**
	 * This request for a given bot.
	 * @param botId the bot id
	 * @return a copy with the bot id set
	 */
	LegacyBotChatRequest withBotId(String botId) {
		return new LegacyBotChatRequest(botId, this.messages, this.stream, this.parameters, this.extra,
				this.extraBody);
	}

	/**
	 * This request as a blocking or streamed call.
	 * @param streaming whether to stream
	 * @return a copy with {@code stream} set
	 */
	LegacyBotChatRequest withStream(boolean streaming) {
		return new LegacyBotChatRequest(this.botId, this.messages, streaming, this.parameters, this.extra,
				this.extraBody);
	}

	/**
	 * Checks the request before it is sent.
	 * @throws IllegalArgumentException naming the field, the value and the rule
	 */
	void validate() {
		if (this.botId == null || this.botId.isBlank()) {
			throw new IllegalArgumentException(
					"bot_id must be set: name a bot in the request or configure a default bot id");
		}
		if (!BOT_ID.matcher(this.botId).matches()) {
			throw new IllegalArgumentException("bot_id must contain only letters, digits, '-', '_', '.' or '~' but "
					+ "was '" + this.botId + "'");
		}
		if (this.messages.isEmpty()) {
			throw new IllegalArgumentException("messages must not be empty");
		}
		for (int i = 0; i < this.messages.size(); i++) {
			ChatMessage message = this.messages.get(i);
			if (message.role() == ChatRole.TOOL) {
				throw new IllegalArgumentException("messages[" + i + "].role must be system, user or assistant on the "
						+ "v2 bot API but was tool");
			}
			if (message.contentParts() != null || message.content() == null) {
				throw new IllegalArgumentException("messages[" + i + "].content must be a string on the v2 bot API "
						+ "but was " + ((message.contentParts() != null) ? "a list of content parts" : "absent"));
			}
			if (message.toolCalls() != null && !message.toolCalls().isEmpty()) {
				throw new IllegalArgumentException(
						"messages[" + i + "].tool_calls is not supported by the v2 bot API");
			}
		}
		this.parameters.validate();
	}

	@Override
	public String toString() {
		return "LegacyBotChatRequest{botId=" + this.botId + ", messages=" + this.messages.size() + ", parameters="
				+ this.parameters + "}";
	}

	/** Builds a {@link LegacyBotChatRequest}. */
	public static final class Builder {

		private @Nullable String botId;

		private final List<ChatMessage> messages = new ArrayList<>();

		private @Nullable Integer maxNewTokens;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Integer topK;

		private @Nullable Double repetitionPenalty;

		private @Nullable Integer logprobs;

		private @Nullable Map<String, Double> logitBias;

		private final Map<String, String> extra = new LinkedHashMap<>();

		private final Map<String, Object> extraBody = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Sets the bot to call; without it the default bot is used.
		 * @param botId the bot id ({@code bot-…})
		 * @return this builder
		 */
		public Builder bot(@Nullable String botId) {
			this.botId = botId;
			return this;
		}

		/**
		 * Adds a system message.
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
		 * Adds an earlier answer of the bot, for the conversation's history.
		 * @param content the answer
		 * @return this builder
		 */
		public Builder assistant(String content) {
			return message(ChatMessage.assistant(content));
		}

		/**
		 * Adds a message (system, user or assistant, with text content).
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(ChatMessage message) {
			this.messages.add(Objects.requireNonNull(message, "message must not be null"));
			return this;
		}

		/**
		 * Adds messages, oldest first.
		 * @param messages the messages
		 * @return this builder
		 */
		public Builder messages(List<ChatMessage> messages) {
			messages.forEach(this::message);
			return this;
		}

		/**
		 * Limits the answer's length ({@code parameters.max_new_tokens}).
		 * @param maxNewTokens the most new tokens, at least 1
		 * @return this builder
		 */
		public Builder maxNewTokens(@Nullable Integer maxNewTokens) {
			this.maxNewTokens = maxNewTokens;
			return this;
		}

		/**
		 * Sets the sampling temperature ({@code parameters.temperature}).
		 * @param temperature in (0, 1]
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Sets nucleus sampling ({@code parameters.top_p}).
		 * @param topP in [0, 1]
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		/**
		 * Samples only from the k most likely tokens ({@code parameters.top_k}).
		 * @param topK at least 0
		 * @return this builder
		 */
		public Builder topK(@Nullable Integer topK) {
			this.topK = topK;
			return this;
		}

		/**
		 * Penalises repeating earlier output ({@code parameters.repetition_penalty}).
		 * @param repetitionPenalty the penalty
		 * @return this builder
		 */
		public Builder repetitionPenalty(@Nullable Double repetitionPenalty) {
			this.repetitionPenalty = repetitionPenalty;
			return this;
		}

		/**
		 * Asks for the log probabilities of the most likely candidates per token ({@code parameters.logprobs}, an
		 * integer on this API).
		 * @param logprobs how many candidates, at least 0
		 * @return this builder
		 */
		public Builder logprobs(@Nullable Integer logprobs) {
			this.logprobs = logprobs;
			return this;
		}

		/**
		 * Biases a token ({@code parameters.logit_bias}).
		 * @param tokenId the token id, from the tokenization API
		 * @param bias in [-100, 100]
		 * @return this builder
		 */
		public Builder logitBias(String tokenId, double bias) {
			if (this.logitBias == null) {
				this.logitBias = new LinkedHashMap<>();
			}
			this.logitBias.put(tokenId, bias);
			return this;
		}

		/**
		 * Sets every parameter at once, replacing those set before.
		 * @param parameters the parameters
		 * @return this builder
		 */
		public Builder parameters(LegacyBotParameters parameters) {
			this.maxNewTokens = parameters.maxNewTokens();
			this.temperature = parameters.temperature();
			this.topP = parameters.topP();
			this.topK = parameters.topK();
			this.repetitionPenalty = parameters.repetitionPenalty();
			this.logprobs = parameters.logprobs();
			this.logitBias = (parameters.logitBias() != null) ? new LinkedHashMap<>(parameters.logitBias()) : null;
			return this;
		}

		/**
		 * Adds an entry to the {@code extra} map.
		 * @param key the key
		 * @param value the value
		 * @return this builder
		 */
		public Builder extra(String key, String value) {
			this.extra.put(Objects.requireNonNull(key, "extra key must not be null"),
					Objects.requireNonNull(value, "extra value must not be null"));
			return this;
		}

		/**
		 * Adds a top-level JSON field that this version does not know, sent as it is.
		 * @param name the field name
		 * @param value the value, serialized with the wire mapper
		 * @return this builder
		 */
		public Builder extraBody(String name, Object value) {
			this.extraBody.put(Objects.requireNonNull(name, "name must not be null"), value);
			return this;
		}

		/**
		 * Builds the request. Ranges are checked when it is sent.
		 * @return the request
		 */
		public LegacyBotChatRequest build() {
			LegacyBotParameters parameters = new LegacyBotParameters(this.maxNewTokens, this.temperature, this.topP,
					this.topK, this.repetitionPenalty, this.logprobs, this.logitBias);
			return new LegacyBotChatRequest(this.botId, this.messages, null, parameters, this.extra, this.extraBody);
		}

	}

}
