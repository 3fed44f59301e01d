package dev.arkchat.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.context.ContextCreateRequest;
import dev.arkchat.context.ContextMode;
import dev.arkchat.context.ContextSessions;
import dev.arkchat.context.TruncationStrategy;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Reads the defaults of context-cached chat from {@link ArkChatContextProperties}, checking each against Ark's rules
 * so that a mistake fails the startup with an {@link ArkChatConfigurationException} naming the property.
 */
final class ContextDefaults {

	static final String MODE_PROPERTY = ArkChatContextProperties.PREFIX + ".mode";

	static final String TTL_PROPERTY = ArkChatContextProperties.PREFIX + ".ttl";

	static final String TRUNCATION_PROPERTY = ArkChatContextProperties.PREFIX + ".truncation";

	static final String CACHE_NAME_PROPERTY = ArkChatContextProperties.PREFIX + ".session.cache-name";

	static final String INITIAL_MESSAGES_PROPERTY = ArkChatContextProperties.PREFIX + ".session.initial-messages";

	private static final Duration MIN_TTL = Duration.ofSeconds(ContextCreateRequest.MIN_TTL_SECONDS);

	private static final Duration MAX_TTL = Duration.ofSeconds(ContextCreateRequest.MAX_TTL_SECONDS);

	private ContextDefaults() {
	}

	/**
	 * The default mode.
	 * @param properties the properties
	 * @return the mode, or {@code null} for the server's
	 */
	static @Nullable ContextMode mode(ArkChatContextProperties properties) {
		String mode = properties.getMode();
		if (!StringUtils.hasText(mode)) {
			return null;
		}
		String value = mode.trim().toLowerCase(Locale.ROOT).replace('-', '_');
		if (value.equals(ContextMode.SESSION.value())) {
			return ContextMode.SESSION;
		}
		if (value.equals(ContextMode.COMMON_PREFIX.value())) {
			return ContextMode.COMMON_PREFIX;
		}
		throw new ArkChatConfigurationException(MODE_PROPERTY,
				"Property '" + MODE_PROPERTY + "' is '" + mode + "', which is not a context mode.",
				"Set '" + MODE_PROPERTY + "' to session or common_prefix, or remove it to use the server's default "
						+ "(session).");
	}

	/**
	 * Checks every default at once, as the properties are bound, so that a wrong one fails the startup although the
	 * context beans are only created when first used.
	 * @param properties the properties
	 * @throws ArkChatConfigurationException naming the first wrong property
	 */
	static void check(ArkChatContextProperties properties) {
		ContextMode mode = mode(properties);
		ttl(properties);
		truncation(properties, mode);
		sessionMessages(properties);
		cacheName(properties);
	}

	/**
	 * The name of the sessions' cache.
	 * @param properties the properties
	 * @return the name, trimmed
	 * @throws ArkChatConfigurationException when it is blank
	 */
	static String cacheName(ArkChatContextProperties properties) {
		String cacheName = properties.getSession().getCacheName();
		if (!StringUtils.hasText(cacheName)) {
			throw new ArkChatConfigurationException(CACHE_NAME_PROPERTY,
					"Property '" + CACHE_NAME_PROPERTY + "' is blank.", "Set '" + CACHE_NAME_PROPERTY
							+ "' to a cache name, or remove it to use '" + ContextSessions.DEFAULT_CACHE_NAME + "'.");
		}
		return cacheName.trim();
	}

	/**
	 * The default time to live.
	 * @param properties the properties
	 * @return the time to live, or {@code null} for the server's
	 */
	static @Nullable Duration ttl(ArkChatContextProperties properties) {
		Duration ttl = properties.getTtl();
		if (ttl == null) {
			return null;
		}
		if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0 || ttl.getNano() != 0) {
			throw new ArkChatConfigurationException(TTL_PROPERTY,
					"Property '" + TTL_PROPERTY + "' is " + ttl + " (" + ttl.toMillis() / 1000.0
							+ " s), but Ark keeps contexts between 1 hour and 7 days, in whole seconds.",
					"Set '" + TTL_PROPERTY + "' to a duration from 1h to 7d, such as 1h, 24h or 7d (a number alone "
							+ "means seconds: 3600 to 604800), or remove it to use the server's default (24h).");
		}
		return ttl;
	}

	/**
	 * The default truncation of session contexts.
	 * @param properties the properties
	 * @param mode the default mode
	 * @return the strategy, or {@code null} for the server's
	 */
	static @Nullable TruncationStrategy truncation(ArkChatContextProperties properties, @Nullable ContextMode mode) {
		ArkChatContextProperties.Truncation truncation = properties.getTruncation();
		Integer lastHistoryTokens = truncation.getLastHistoryTokens();
		Boolean rollingTokens = truncation.getRollingTokens();
		String type = StringUtils.hasText(truncation.getType())
				? truncation.getType().trim().toLowerCase(Locale.ROOT).replace('-', '_') : null;
		if (type == null && lastHistoryTokens == null && rollingTokens == null) {
			return null;
		}
		if (ContextMode.COMMON_PREFIX.equals(mode)) {
			throw new ArkChatConfigurationException(TRUNCATION_PROPERTY,
					"Properties '" + TRUNCATION_PROPERTY + ".*' are set, but truncation only applies to session "
							+ "contexts and '" + MODE_PROPERTY + "' is common_prefix.",
					"Remove '" + TRUNCATION_PROPERTY + ".*', or set '" + MODE_PROPERTY + "' to session.");
		}
		if (type == null) {
			if (lastHistoryTokens != null && rollingTokens != null) {
				throw new ArkChatConfigurationException(TRUNCATION_PROPERTY + ".type",
						"Both '" + TRUNCATION_PROPERTY + ".last-history-tokens' and '" + TRUNCATION_PROPERTY
								+ ".rolling-tokens' are set, and '" + TRUNCATION_PROPERTY + ".type' is not: a context "
								+ "has one truncation type.",
						"Set '" + TRUNCATION_PROPERTY + ".type' to last_history_tokens or rolling_tokens, and only "
								+ "the setting of that type.");
			}
			type = (lastHistoryTokens != null) ? TruncationStrategy.LAST_HISTORY_TOKENS
					: TruncationStrategy.ROLLING_TOKENS;
		}
		if (!type.equals(TruncationStrategy.LAST_HISTORY_TOKENS) && !type.equals(TruncationStrategy.ROLLING_TOKENS)) {
			throw new ArkChatConfigurationException(TRUNCATION_PROPERTY + ".type",
					"Property '" + TRUNCATION_PROPERTY + ".type' is '" + truncation.getType()
							+ "', which is not a truncation type.",
					"Set '" + TRUNCATION_PROPERTY + ".type' to last_history_tokens or rolling_tokens.");
		}
		if (lastHistoryTokens != null && lastHistoryTokens < 1) {
			throw new ArkChatConfigurationException(TRUNCATION_PROPERTY + ".last-history-tokens",
					"Property '" + TRUNCATION_PROPERTY + ".last-history-tokens' is " + lastHistoryTokens
							+ ", but a context must keep at least 1 token.",
					"Set '" + TRUNCATION_PROPERTY + ".last-history-tokens' to a positive number, such as 4096 "
							+ "(the server's default).");
		}
		return new TruncationStrategy(type, lastHistoryTokens, rollingTokens, null, null);
	}

	/**
	 * The messages every session context starts with: the system prompt, then the initial messages.
	 * @param properties the properties
	 * @return the messages, oldest first
	 */
	static List<ChatMessage> sessionMessages(ArkChatContextProperties properties) {
		List<ChatMessage> messages = new ArrayList<>();
		String systemPrompt = properties.getSession().getSystemPrompt();
		if (StringUtils.hasText(systemPrompt)) {
			messages.add(ChatMessage.system(systemPrompt));
		}
		List<ArkChatContextProperties.Message> initial = properties.getSession().getInitialMessages();
		for (int i = 0; i < initial.size(); i++) {
			messages.add(message(initial.get(i), INITIAL_MESSAGES_PROPERTY + "[" + i + "]"));
		}
		if (!initial.isEmpty() && messages.get(messages.size() - 1).role() == ChatRole.ASSISTANT) {
			String property = INITIAL_MESSAGES_PROPERTY + "[" + (initial.size() - 1) + "].role";
			throw new ArkChatConfigurationException(property,
					"Property '" + property + "' is assistant, but the last message a context starts with must not "
							+ "be an assistant message.",
					"Set '" + property + "' to user or system, or end '" + INITIAL_MESSAGES_PROPERTY
							+ "' with another message.");
		}
		return messages;
	}

	private static ChatMessage message(ArkChatContextProperties.Message message, String property) {
		String content = message.getContent();
		if (!StringUtils.hasText(content)) {
			throw new ArkChatConfigurationException(property + ".content",
					"Property '" + property + ".content' is not set.", "Set '" + property
							+ ".content' to the text of the message, or remove the message.");
		}
		String role = (message.getRole() != null) ? message.getRole().trim().toLowerCase(Locale.ROOT) : "";
		return switch (role) {
			case "system" -> ChatMessage.system(content);
			case "user" -> ChatMessage.user(content);
			case "assistant" -> ChatMessage.assistant(content);
			default -> throw new ArkChatConfigurationException(property + ".role",
					"Property '" + property + ".role' is '" + message.getRole() + "', which is not a message role.",
					"Set '" + property + ".role' to system, user or assistant.");
		};
	}

}
