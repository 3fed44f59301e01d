package dev.arkchat.context;

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
import org.jspecify.annotations.Nullable;

/**
 * A context chat request ({@code POST /api/v3/context/chat/completions}): the chat parameters of the bot chat plus the
 * required {@code context_id}. In session mode send only the newest turn (the history is in the cache); in
 * common-prefix mode do not resend the cached prefix. {@code tools} are not supported and a trailing assistant
 * message is refused. The endpoint may be left out when the {@link ContextChatOperations} has a default, and the
 * context id when {@link ContextSessions} chooses it. Build one with {@link #builder()}. Immutable.
 */
@JsonPropertyOrder({ "model", "context_id", "messages", "stream" })
public final class ContextChatRequest {

	private final @Nullable String model;

	private final @Nullable String contextId;

	private final List<ChatMessage> messages;

	private final @Nullable Boolean stream;

	private final ChatOptions options;

	private final Map<String, Object> extraBody;

	private ContextChatRequest(@Nullable String model, @Nullable String contextId, List<ChatMessage> messages,
			@Nullable Boolean stream, ChatOptions options, Map<String, Object> extraBody) {
		this.model = model;
		this.contextId = contextId;
		this.messages = List.copyOf(messages);
		this.stream = stream;
		this.options = options;
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
		Builder builder = new Builder().endpoint(this.model).contextId(this.contextId).messages(this.messages)
			.options(this.options);
		this.extraBody.forEach(builder::extraBody);
		return builder;
	}

	/**
	 * The endpoint id ({@code model} on the wire).
	 * @return the endpoint id, or {@code null} to use the default endpoint
	 */
	@JsonProperty("model")
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * The context the call continues.
	 * @return the context id ({@code ctx-…}), or {@code null} when {@link ContextSessions} chooses it
	 */
	@JsonProperty("context_id")
	public @Nullable String contextId() {
		return this.contextId;
	}

	/**
	 * The new messages, oldest first.
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
	 * Extra JSON fields, sent as they are.
	 * @return the fields
	 */
	@JsonAnyGetter
	public Map<String, Object> extraBody() {
		return this.extraBody;
	}

	ContextChatRequest withModel(String endpointId) {
		return new ContextChatRequest(endpointId, this.contextId, this.messages, this.stream, this.options,
				this.extraBody);
	}

	ContextChatRequest withContextId(String contextId) {
		return new ContextChatRequest(this.model, contextId, this.messages, this.stream, this.options,
				this.extraBody);
	}

	ContextChatRequest withStream(boolean streaming) {
		return new ContextChatRequest(this.model, this.contextId, this.messages, streaming ? Boolean.TRUE : null,
				this.options, this.extraBody);
	}

	/**
	 * Checks the whole request before it is sent.
	 * @param streaming whether it will be streamed
	 * @throws IllegalArgumentException naming the field, the value and the rule
	 */
	void validate(boolean streaming) {
		if (this.model == null || this.model.isBlank()) {
			throw new IllegalArgumentException("model (the endpoint id, ep-…) must be set: name an endpoint in the "
					+ "request or configure a default endpoint id");
		}
		if (this.contextId == null || this.contextId.isBlank()) {
			throw new IllegalArgumentException(
					"context_id must be set: create a context first (createContext) or use ContextSessions");
		}
		validateContent(streaming);
	}

	/**
	 * Checks everything but the endpoint and the context id, which may be filled in later.
	 * @param streaming whether it will be streamed
	 * @throws IllegalArgumentException naming the field, the value and the rule
	 */
	void validateContent(boolean streaming) {
		ContextMessages.validate(this.messages, true);
		if (this.options.tools() != null) {
			throw new IllegalArgumentException("tools is not supported by context chat but " + this.options.tools()
				.size() + " tool(s) were given: remove them, or use a bot or a plain chat endpoint for function calling");
		}
		if (!streaming && this.options.streamOptions() != null) {
			throw new IllegalArgumentException(
					"stream_options is only allowed when streaming (stream=true); use stream(...) instead of chat(...)");
		}
		this.options.validate();
	}

	@Override
	public String toString() {
		return "ContextChatRequest{model=" + this.model + ", contextId=" + this.contextId + ", messages="
				+ this.messages.size() + ", options=" + this.options + "}";
	}

	/** Builds a {@link ContextChatRequest}. */
	public static final class Builder extends ChatOptionsBuilder<Builder> {

		private @Nullable String endpoint;

		private @Nullable String contextId;

		private Builder() {
		}

		/**
		 * Sets the endpoint; without it the default endpoint is used.
		 * @param endpointId the endpoint id ({@code ep-…})
		 * @return this builder
		 */
		public Builder endpoint(@Nullable String endpointId) {
			this.endpoint = endpointId;
			return this;
		}

		/**
		 * Sets the context the call continues; leave it out with {@link ContextSessions}.
		 * @param contextId the context id ({@code ctx-…})
		 * @return this builder
		 */
		public Builder contextId(@Nullable String contextId) {
			this.contextId = contextId;
			return this;
		}

		@Override
		protected Builder options(ChatOptions options) {
			return super.options(options);
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ContextChatRequest build() {
			return new ContextChatRequest(this.endpoint, this.contextId, new ArrayList<>(this.messages), null,
					buildOptions(), this.extraBody);
		}

	}

}
