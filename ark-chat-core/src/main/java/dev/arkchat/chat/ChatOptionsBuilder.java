package dev.arkchat.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The part of a chat request builder shared by every chat endpoint: messages, sampling parameters, tools, and extra
 * JSON fields for parameters this version does not know yet.
 * @param <B> the concrete builder
 */
public abstract class ChatOptionsBuilder<B extends ChatOptionsBuilder<B>> {

	/** The messages so far, oldest first. */
	protected final List<ChatMessage> messages = new ArrayList<>();

	/** Extra JSON fields, sent as they are. */
	protected final Map<String, Object> extraBody = new LinkedHashMap<>();

	private @Nullable Integer maxTokens;

	private @Nullable List<String> stop;

	private @Nullable Double frequencyPenalty;

	private @Nullable Double presencePenalty;

	private @Nullable Double temperature;

	private @Nullable Double topP;

	private @Nullable Boolean logprobs;

	private @Nullable Integer topLogprobs;

	private @Nullable Map<String, Integer> logitBias;

	private @Nullable List<Tool> tools;

	private @Nullable Thinking thinking;

	private @Nullable StreamOptions streamOptions;

	/** Creates an empty builder. */
	protected ChatOptionsBuilder() {
	}

	/**
	 * Copies options into this builder.
	 * @param options the options to start from
	 * @return this builder
	 */
	protected B options(ChatOptions options) {
		this.maxTokens = options.maxTokens();
		this.stop = options.stop();
		this.frequencyPenalty = options.frequencyPenalty();
		this.presencePenalty = options.presencePenalty();
		this.temperature = options.temperature();
		this.topP = options.topP();
		this.logprobs = options.logprobs();
		this.topLogprobs = options.topLogprobs();
		this.logitBias = options.logitBias();
		this.tools = options.tools();
		this.thinking = options.thinking();
		this.streamOptions = options.streamOptions();
		return self();
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	/**
	 * Adds a message.
	 * @param message the message
	 * @return this builder
	 */
	public B message(ChatMessage message) {
		this.messages.add(message);
		return self();
	}

	/**
	 * Adds messages, oldest first.
	 * @param messages the messages
	 * @return this builder
	 */
	public B messages(List<ChatMessage> messages) {
		this.messages.addAll(messages);
		return self();
	}

	/**
	 * Adds a system message.
	 * @param content the instructions
	 * @return this builder
	 */
	public B system(String content) {
		return message(ChatMessage.system(content));
	}

	/**
	 * Adds a user message.
	 * @param content the text
	 * @return this builder
	 */
	public B user(String content) {
		return message(ChatMessage.user(content));
	}

	/**
	 * Adds an earlier assistant answer.
	 * @param content the answer
	 * @return this builder
	 */
	public B assistant(String content) {
		return message(ChatMessage.assistant(content));
	}

	/**
	 * Sets {@code max_tokens}, in [0, 4096].
	 * @param maxTokens the most tokens to generate
	 * @return this builder
	 */
	public B maxTokens(@Nullable Integer maxTokens) {
		this.maxTokens = maxTokens;
		return self();
	}

	/**
	 * Sets up to 4 stop strings.
	 * @param stop the stop strings
	 * @return this builder
	 */
	public B stop(String... stop) {
		this.stop = List.copyOf(Arrays.asList(stop));
		return self();
	}

	/**
	 * Sets up to 4 stop strings.
	 * @param stop the stop strings, or {@code null} for none
	 * @return this builder
	 */
	public B stop(@Nullable List<String> stop) {
		this.stop = (stop != null) ? List.copyOf(stop) : null;
		return self();
	}

	/**
	 * Sets {@code frequency_penalty}, in [-2.0, 2.0].
	 * @param frequencyPenalty the penalty
	 * @return this builder
	 */
	public B frequencyPenalty(@Nullable Double frequencyPenalty) {
		this.frequencyPenalty = frequencyPenalty;
		return self();
	}

	/**
	 * Sets {@code presence_penalty}, in [-2.0, 2.0].
	 * @param presencePenalty the penalty
	 * @return this builder
	 */
	public B presencePenalty(@Nullable Double presencePenalty) {
		this.presencePenalty = presencePenalty;
		return self();
	}

	/**
	 * Sets {@code temperature}, in [0, 1].
	 * @param temperature the temperature; 0 is greedy
	 * @return this builder
	 */
	public B temperature(@Nullable Double temperature) {
		this.temperature = temperature;
		return self();
	}

	/**
	 * Sets {@code top_p}, in [0, 1].
	 * @param topP the nucleus
	 * @return this builder
	 */
	public B topP(@Nullable Double topP) {
		this.topP = topP;
		return self();
	}

	/**
	 * Asks for log probabilities of the output tokens.
	 * @param logprobs whether to return them
	 * @return this builder
	 */
	public B logprobs(@Nullable Boolean logprobs) {
		this.logprobs = logprobs;
		return self();
	}

	/**
	 * Sets {@code top_logprobs}, in [0, 20]; needs {@code logprobs(true)}.
	 * @param topLogprobs how many likely tokens per position
	 * @return this builder
	 */
	public B topLogprobs(@Nullable Integer topLogprobs) {
		this.topLogprobs = topLogprobs;
		return self();
	}

	/**
	 * Sets {@code logit_bias}: token id to a bias in [-100, 100].
	 * @param logitBias the biases
	 * @return this builder
	 */
	public B logitBias(@Nullable Map<String, Integer> logitBias) {
		this.logitBias = (logitBias != null) ? new LinkedHashMap<>(logitBias) : null;
		return self();
	}

	/**
	 * Declares the tools the model may call.
	 * @param tools the tools
	 * @return this builder
	 */
	public B tools(@Nullable List<Tool> tools) {
		this.tools = (tools != null) ? List.copyOf(tools) : null;
		return self();
	}

	/**
	 * Declares the tools the model may call.
	 * @param tools the tools
	 * @return this builder
	 */
	public B tools(Tool... tools) {
		return tools(List.of(tools));
	}

	/**
	 * Sets whether a reasoning model thinks first.
	 * @param thinking {@link Thinking#ENABLED}, {@link Thinking#DISABLED} or {@link Thinking#AUTO}
	 * @return this builder
	 */
	public B thinking(@Nullable Thinking thinking) {
		this.thinking = thinking;
		return self();
	}

	/**
	 * Sets options of a streamed call; only allowed when streaming.
	 * @param streamOptions the options
	 * @return this builder
	 */
	public B streamOptions(@Nullable StreamOptions streamOptions) {
		this.streamOptions = streamOptions;
		return self();
	}

	/**
	 * Asks a stream to end with a chunk that carries the usage ({@code stream_options.include_usage}).
	 * @return this builder
	 */
	public B includeUsage() {
		return streamOptions(StreamOptions.INCLUDE_USAGE);
	}

	/**
	 * Adds a JSON field that this version does not know, sent as it is (maps, lists and scalars).
	 * @param name the wire name
	 * @param value the value
	 * @return this builder
	 */
	public B extraBody(String name, @Nullable Object value) {
		this.extraBody.put(name, value);
		return self();
	}

	/**
	 * The options set so far.
	 * @return the options
	 */
	protected ChatOptions buildOptions() {
		return new ChatOptions(this.maxTokens, this.stop, this.frequencyPenalty, this.presencePenalty,
				this.temperature, this.topP, this.logprobs, this.topLogprobs, this.logitBias, this.tools,
				this.thinking, this.streamOptions);
	}

}
