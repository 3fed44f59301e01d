package dev.arkchat.bot.legacy;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The {@link LegacyBotChatOperations} that applications inject: adds the default bot id to requests that name none,
 * and turns single questions into requests. No HTTP here; {@link LegacyBotChatClient} does the calls.
 */
public class LegacyBotChatTemplate implements LegacyBotChatOperations {

	private final LegacyBotChatClient client;

	private final @Nullable String defaultBotId;

	/**
	 * Creates a template.
	 * @param client the endpoint client
	 * @param defaultBotId the bot that answers requests naming none, or {@code null} to require a bot id
	 */
	public LegacyBotChatTemplate(LegacyBotChatClient client, @Nullable String defaultBotId) {
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
	public LegacyBotChatResponse chat(String question) {
		return chat(LegacyBotChatRequest.builder().user(question).build());
	}

	@Override
	public LegacyBotChatResponse chat(LegacyBotChatRequest request) {
		return this.client.chat(withBot(request));
	}

	@Override
	public LegacyBotChatStream stream(String question) {
		return stream(LegacyBotChatRequest.builder().user(question).build());
	}

	@Override
	public LegacyBotChatStream stream(LegacyBotChatRequest request) {
		return this.client.stream(withBot(request));
	}

	private LegacyBotChatRequest withBot(LegacyBotChatRequest request) {
		if (request.botId() != null && !request.botId().isBlank()) {
			return request;
		}
		if (this.defaultBotId == null) {
			throw new IllegalArgumentException("bot_id must be set: the request names no bot and no default bot is "
					+ "configured");
		}
		return request.withBotId(this.defaultBotId);
	}

	@Override
	public String toString() {
		return "LegacyBotChatTemplate{defaultBotId=" + this.defaultBotId + "}";
	}

}
