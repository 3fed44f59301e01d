package dev.arkchat.bot;

import java.util.Objects;

import dev.arkchat.chat.ChatOptions;
import dev.arkchat.chat.Thinking;
import org.jspecify.annotations.Nullable;

/**
 * The {@link BotChatOperations} that applications inject: adds the default bot id to requests that name none, the
 * configured default options to requests that leave them unset, a system prompt to requests without a system message,
 * and turns single questions into requests. No HTTP here; {@link BotChatClient} does the calls.
 */
public class BotChatTemplate implements BotChatOperations {

	private final BotChatClient client;

	private final @Nullable String defaultBotId;

	private final BotChatDefaults defaults;

	/**
	 * Creates a template without default options.
	 * @param client the endpoint client
	 * @param defaultBotId the bot that answers requests naming none, or {@code null} to require a bot id
	 */
	public BotChatTemplate(BotChatClient client, @Nullable String defaultBotId) {
		this(client, defaultBotId, BotChatDefaults.NONE);
	}

	private BotChatTemplate(BotChatClient client, @Nullable String defaultBotId, BotChatDefaults defaults) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.defaultBotId = (defaultBotId != null && !defaultBotId.isBlank()) ? defaultBotId.trim() : null;
		this.defaults = defaults;
	}

	/**
	 * A builder of a template with defaults: bot, options and system prompt.
	 * @param client the endpoint client
	 * @return the builder
	 */
	public static Builder builder(BotChatClient client) {
		return new Builder(client);
	}

	/**
	 * The bot that answers requests naming none.
	 * @return the default bot id, or {@code null}
	 */
	public @Nullable String getDefaultBotId() {
		return this.defaultBotId;
	}

	/**
	 * The options added to requests that leave them unset.
	 * @return the default options; {@link ChatOptions#DEFAULTS} when there are none
	 */
	public ChatOptions getDefaultOptions() {
		return this.defaults.options();
	}

	/**
	 * The system prompt placed first in requests that have no system message.
	 * @return the prompt, or {@code null}
	 */
	public @Nullable String getSystemPrompt() {
		return this.defaults.systemPrompt();
	}

	@Override
	public BotChatCompletion chat(String question) {
		return chat(BotChatRequest.builder().user(question).build());
	}

	@Override
	public BotChatCompletion chat(BotChatRequest request) {
		return this.client.chat(this.defaults.applyTo(withBot(request)));
	}

	@Override
	public BotChatStream stream(String question) {
		return stream(BotChatRequest.builder().user(question).build());
	}

	@Override
	public BotChatStream stream(BotChatRequest request) {
		return this.client.stream(this.defaults.applyTo(withBot(request)));
	}

	private BotChatRequest withBot(BotChatRequest request) {
		if (request.model() != null && !request.model().isBlank()) {
			return request;
		}
		if (this.defaultBotId == null) {
			throw new IllegalArgumentException("model (the bot id) must be set: the request names no bot and no "
					+ "default bot is configured (set ark.chat.bot.id)");
		}
		return request.withModel(this.defaultBotId);
	}

	@Override
	public String toString() {
		return "BotChatTemplate{defaultBotId=" + this.defaultBotId + ", " + this.defaults + "}";
	}

	/**
	 * Builds a {@link BotChatTemplate}. Defaults apply to every request the template sends that leaves them unset,
	 * whichever bot it names; a value set on the request always wins.
	 */
	public static final class Builder {

		private final BotChatClient client;

		private @Nullable String defaultBotId;

		private ChatOptions options = ChatOptions.DEFAULTS;

		private @Nullable String systemPrompt;

		private Builder(BotChatClient client) {
			this.client = Objects.requireNonNull(client, "client must not be null");
		}

		/**
		 * Sets the bot that answers requests naming none.
		 * @param botId the bot id, or {@code null} to require one in every request
		 * @return this builder
		 */
		public Builder defaultBot(@Nullable String botId) {
			this.defaultBotId = botId;
			return this;
		}

		/**
		 * Sets every default option at once, replacing those set so far.
		 * @param options the options added to requests that leave them unset
		 * @return this builder
		 * @throws IllegalArgumentException when an option is out of its range
		 */
		public Builder defaultOptions(ChatOptions options) {
			options.validate();
			this.options = options;
			return this;
		}

		/**
		 * Sets the default {@code temperature}, in [0, 1].
		 * @param temperature the temperature, or {@code null} for none
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			return defaultOptions(with(this.options, temperature, this.options.maxTokens(), this.options.topP(),
					this.options.thinking()));
		}

		/**
		 * Sets the default {@code max_tokens}, in [0, 4096].
		 * @param maxTokens the most tokens to generate, or {@code null} for none
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			return defaultOptions(with(this.options, this.options.temperature(), maxTokens, this.options.topP(),
					this.options.thinking()));
		}

		/**
		 * Sets the default {@code top_p}, in [0, 1].
		 * @param topP the nucleus, or {@code null} for none
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			return defaultOptions(with(this.options, this.options.temperature(), this.options.maxTokens(), topP,
					this.options.thinking()));
		}

		/**
		 * Sets whether a reasoning model thinks first, by default.
		 * @param thinking the setting, or {@code null} for the model's default
		 * @return this builder
		 */
		public Builder thinking(@Nullable Thinking thinking) {
			return defaultOptions(with(this.options, this.options.temperature(), this.options.maxTokens(),
					this.options.topP(), thinking));
		}

		/**
		 * Sets the system prompt placed first in requests that have no system message.
		 * @param systemPrompt the instructions, or {@code null} for none
		 * @return this builder
		 */
		public Builder systemPrompt(@Nullable String systemPrompt) {
			this.systemPrompt = systemPrompt;
			return this;
		}

		private static ChatOptions with(ChatOptions o, @Nullable Double temperature, @Nullable Integer maxTokens,
				@Nullable Double topP, @Nullable Thinking thinking) {
			return new ChatOptions(maxTokens, o.stop(), o.frequencyPenalty(), o.presencePenalty(), temperature, topP,
					o.logprobs(), o.topLogprobs(), o.logitBias(), o.tools(), thinking, o.streamOptions());
		}

		/**
		 * Builds the template.
		 * @return the template
		 */
		public BotChatTemplate build() {
			return new BotChatTemplate(this.client, this.defaultBotId,
					new BotChatDefaults(this.options, this.systemPrompt));
		}

	}

}
