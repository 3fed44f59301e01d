package dev.arkchat.bot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatOptions;
import dev.arkchat.chat.ChatOptionsBuilder;
import dev.arkchat.chat.ChatRole;
import org.jspecify.annotations.Nullable;

/**
 * A bot chat request ({@code POST /api/v3/bots/chat/completions}). Build one with {@link #builder()}; the bot id may
 * be left out when the {@link BotChatOperations} has a default bot. Immutable.
 */
@JsonPropertyOrder({ "model", "messages", "stream" })
public final class BotChatRequest {

	private final @Nullable String model;

	private final List<ChatMessage> messages;

	private final @Nullable Boolean stream;

	private final ChatOptions options;

	private final @Nullable BotMetadata metadata;

	private final Map<String, Object> extraBody;

	private BotChatRequest(@Nullable String model, List<ChatMessage> messages, @Nullable Boolean stream,
			ChatOptions options, @Nullable BotMetadata metadata, Map<String, Object> extraBody) {
		this.model = model;
		this.messages = List.copyOf(messages);
		this.stream = stream;
		this.options = options;
		this.metadata = metadata;
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
	 * A builder that starts from this request.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder().bot(this.model).messages(this.messages).options(this.options);
		builder.metadata = this.metadata;
		this.extraBody.forEach(builder::extraBody);
		return builder;
	}

	/**
	 * The bot id ({@code model} on the wire).
	 * @return the bot id, or {@code null} to use the default bot
	 */
	@JsonProperty("model")
	public @Nullable String model() {
		return this.model;
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
	 * @return {@code true} for a stream, {@code null} for a blocking call
	 */
	@JsonProperty("stream")
	public @Nullable Boolean stream() {
		return this.stream;
	}

	/**
	 * Sampling and output parameters.
	 * @return the options
	 */
	@JsonUnwrapped
	public ChatOptions options() {
		return this.options;
	}

	/**
	 * The bot metadata: user info, intention signals, group chat.
	 * @return the metadata, or {@code null}
	 */
	@JsonProperty("metadata")
	public @Nullable BotMetadata metadata() {
		return this.metadata;
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
	 * This request for a given bot.
	 * @param botId the bot id
	 * @return a copy with {@code model} set
	 */
	BotChatRequest withModel(String botId) {
		return new BotChatRequest(botId, this.messages, this.stream, this.options, this.metadata, this.extraBody);
	}

	/**
	 * This request as a blocking or streamed call.
	 * @param streaming whether to stream
	 * @return a copy with {@code stream} set
	 */
	BotChatRequest withStream(boolean streaming) {
		return new BotChatRequest(this.model, this.messages, streaming ? Boolean.TRUE : null, this.options,
				this.metadata, this.extraBody);
	}

	/**
	 * Checks the request before it is sent.
	 * @param streaming whether it will be streamed
	 * @throws IllegalArgumentException naming the field, the value and the rule
	 */
	void validate(boolean streaming) {
		if (this.model == null || this.model.isBlank()) {
			throw new IllegalArgumentException(
					"model (the bot id) must be set: name a bot in the request or configure a default bot id");
		}
		if (this.messages.isEmpty()) {
			throw new IllegalArgumentException("messages must not be empty");
		}
		for (int i = 0; i < this.messages.size(); i++) {
			ChatMessage message = this.messages.get(i);
			if (message.role() == ChatRole.TOOL && (message.toolCallId() == null || message.toolCallId().isBlank())) {
				throw new IllegalArgumentException("messages[" + i + "].tool_call_id is required when role is tool");
			}
		}
		if (!streaming && this.options.streamOptions() != null) {
			throw new IllegalArgumentException(
					"stream_options is only allowed when streaming (stream=true); use stream(...) instead of chat(...)");
		}
		this.options.validate();
	}

	@Override
	public String toString() {
		return "BotChatRequest{model=" + this.model + ", messages=" + this.messages.size() + ", options="
				+ this.options + "}";
	}

	/** Builds a {@link BotChatRequest}. */
	public static final class Builder extends ChatOptionsBuilder<Builder> {

		private @Nullable String bot;

		private @Nullable BotMetadata metadata;

		private Builder() {
		}

		/**
		 * Sets the bot to call; without it the default bot is used.
		 * @param botId the bot id ({@code bot-…})
		 * @return this builder
		 */
		public Builder bot(@Nullable String botId) {
			this.bot = botId;
			return this;
		}

		/**
		 * Sets the whole metadata object.
		 * @param metadata the metadata
		 * @return this builder
		 */
		public Builder metadata(@Nullable BotMetadata metadata) {
			this.metadata = metadata;
			return this;
		}

		/**
		 * Hands the user's profile to the bot's plugins ({@code metadata.user_info}).
		 * @param userInfoJson the profile as a JSON string
		 * @return this builder
		 */
		public Builder userInfo(@Nullable String userInfoJson) {
			BotMetadata m = metadataOrEmpty();
			this.metadata = new BotMetadata(userInfoJson, m.emitIntentionSignalExtra(), m.targetCharacterName(),
					m.groupChatConfig());
			return this;
		}

		/**
		 * Asks the stream to report intermediate intention states such as searching
		 * ({@code metadata.emit_intention_signal_extra}).
		 * @param emit whether to report them
		 * @return this builder
		 */
		public Builder emitIntentionSignalExtra(boolean emit) {
			BotMetadata m = metadataOrEmpty();
			this.metadata = new BotMetadata(m.userInfo(), Boolean.toString(emit), m.targetCharacterName(),
					m.groupChatConfig());
			return this;
		}

		/**
		 * In a group-chat bot, names the character who speaks now ({@code metadata.target_character_name}).
		 * @param name the character
		 * @return this builder
		 */
		public Builder targetCharacterName(@Nullable String name) {
			BotMetadata m = metadataOrEmpty();
			this.metadata = new BotMetadata(m.userInfo(), m.emitIntentionSignalExtra(), name, m.groupChatConfig());
			return this;
		}

		/**
		 * Sets the cast of a group-chat bot ({@code metadata.group_chat_config}).
		 * @param config the cast
		 * @return this builder
		 */
		public Builder groupChatConfig(BotMetadata.@Nullable GroupChatConfig config) {
			BotMetadata m = metadataOrEmpty();
			this.metadata = new BotMetadata(m.userInfo(), m.emitIntentionSignalExtra(), m.targetCharacterName(),
					config);
			return this;
		}

		private BotMetadata metadataOrEmpty() {
			return (this.metadata != null) ? this.metadata : new BotMetadata(null, null, null, null);
		}

		@Override
		protected Builder options(ChatOptions options) {
			return super.options(options);
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public BotChatRequest build() {
			return new BotChatRequest(this.bot, new ArrayList<>(this.messages), null, buildOptions(), this.metadata,
					new LinkedHashMap<>(this.extraBody));
		}

	}

}
