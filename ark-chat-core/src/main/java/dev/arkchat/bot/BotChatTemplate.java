package dev.arkchat.bot;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The {@link BotChatOperations} that applications inject: adds the default bot id to requests that name none, and
 * turns single questions into requests. No HTTP here; {@link BotChatClient} does the calls.
 */
public class BotChatTemplate implements BotChatOperations {

	private final BotChatClient client;

	private final @Nullable String defaultBotId;

	/**
	 * Creates a template.
	 * @param client the endpoint client
	 * @param defaultBotId the bot that answers requests naming none, or {@code null} to require a bot id
	 */
	public BotChatTemplate(BotChatClient client, @Nullable String defaultBotId) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.defaultBotId = (defaultBotId != null && !defaultBotId.isBlank()) ? defaultBotId.trim() : null;
	}

	/**
	 * The bot that answers requests naming none.
	 * @return the default bot id, or {@code null}
	 */
	public @Nullable String getDefaultBotId() {
		return this.defaultBotId;
	}

	@Override
	public BotChatCompletion chat(String question) {
		return chat(BotChatRequest.builder().user(question).build());
	}

	@Override
	public BotChatCompletion chat(BotChatRequest request) {
		return this.client.chat(withBot(request));
	}

	@Override
	public BotChatStream stream(String question) {
		return stream(BotChatRequest.builder().user(question).build());
	}

	@Override
	public BotChatStream stream(BotChatRequest request) {
		return this.client.stream(withBot(request));
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
		return "BotChatTemplate{defaultBotId=" + this.defaultBotId + "}";
	}

}
