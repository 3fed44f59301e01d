package dev.arkchat.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.arkchat.context.ContextSessions;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code ark.chat.context.*} properties: the defaults of context-cached chat (endpoint, mode, time to live,
 * truncation) and of its conversation sessions (system prompt, the cache that maps conversations to contexts).
 * Credentials, region and timeouts come from {@code ark.chat.*}.
 */
@ConfigurationProperties(ArkChatContextProperties.PREFIX)
public class ArkChatContextProperties implements InitializingBean {

	/** The prefix of the context properties. */
	public static final String PREFIX = ArkChatProperties.PREFIX + ".context";

	/**
	 * Checks the bound base URL and defaults (mode, time to live, truncation, initial messages, cache name), so that a
	 * wrong one fails the application's startup although the context beans are only created when first used.
	 * @throws ArkChatConfigurationException naming the first wrong property
	 */
	@Override
	public void afterPropertiesSet() {
		if (this.enabled) {
			ArkBaseUrls.check(ContextChatBeans.BASE_URL_PROPERTY, this.baseUrl);
			ContextDefaults.check(this);
		}
	}

	/**
	 * Whether to auto-configure the context cache beans (ContextClient, ContextChatOperations, ContextSessions).
	 */
	private boolean enabled = true;

	/**
	 * Default endpoint id (ep-...) of context calls, the model endpoint created in the Ark console. Optional: without
	 * it, every request must name its endpoint.
	 */
	private @Nullable String endpointId;

	/**
	 * Default mode of created contexts: session (the server keeps the growing conversation) or common_prefix (the
	 * server caches a prefix shared by many requests). Unset, the server's default (session). Sessions always use
	 * session mode.
	 */
	private @Nullable String mode;

	/**
	 * Default time to live of created contexts, renewed on every use; between 1h and 7d (a number alone means
	 * seconds). Unset, the server's default (24h).
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration ttl;

	/**
	 * Default truncation of session contexts (ark.chat.context.truncation.*).
	 */
	private final Truncation truncation = new Truncation();

	/**
	 * Conversation sessions (ark.chat.context.session.*).
	 */
	private final Session session = new Session();

	/**
	 * Base URL for context calls when they must go elsewhere than ark.chat.base-url (or the region's Ark host).
	 */
	private @Nullable String baseUrl;

	/**
	 * Whether the context beans are auto-configured.
	 * @return {@code true} unless turned off
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Turns the context beans on or off.
	 * @param enabled whether they are auto-configured
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The default endpoint id.
	 * @return the endpoint id, or {@code null} when requests must name one
	 */
	public @Nullable String getEndpointId() {
		return this.endpointId;
	}

	/**
	 * Sets the default endpoint id.
	 * @param endpointId the endpoint id ({@code ep-…})
	 */
	public void setEndpointId(@Nullable String endpointId) {
		this.endpointId = endpointId;
	}

	/**
	 * The default mode of created contexts.
	 * @return {@code session}, {@code common_prefix}, or {@code null} for the server's default
	 */
	public @Nullable String getMode() {
		return this.mode;
	}

	/**
	 * Sets the default mode of created contexts.
	 * @param mode {@code session} or {@code common_prefix}
	 */
	public void setMode(@Nullable String mode) {
		this.mode = mode;
	}

	/**
	 * The default time to live of created contexts.
	 * @return the time to live, or {@code null} for the server's default
	 */
	public @Nullable Duration getTtl() {
		return this.ttl;
	}

	/**
	 * Sets the default time to live of created contexts.
	 * @param ttl the time to live, between one hour and seven days
	 */
	public void setTtl(@Nullable Duration ttl) {
		this.ttl = ttl;
	}

	/**
	 * The default truncation of session contexts.
	 * @return the truncation settings
	 */
	public Truncation getTruncation() {
		return this.truncation;
	}

	/**
	 * The conversation session settings.
	 * @return the session settings
	 */
	public Session getSession() {
		return this.session;
	}

	/**
	 * The base URL of context calls when it overrides {@code ark.chat.base-url}.
	 * @return the base URL, or {@code null}
	 */
	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Sets the base URL of context calls.
	 * @param baseUrl the base URL
	 */
	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** How session contexts trim their history ({@code truncation_strategy}); session mode only. */
	public static class Truncation {

		/**
		 * Truncation type: last_history_tokens (keep the newest tokens) or rolling_tokens (drop the oldest turns once
		 * the history is too long). Unset, the server's default; inferred from last-history-tokens or rolling-tokens
		 * when only one of them is set.
		 */
		private @Nullable String type;

		/**
		 * With last_history_tokens: how many of the newest tokens a session context keeps (server default 4096).
		 */
		private @Nullable Integer lastHistoryTokens;

		/**
		 * With rolling_tokens: whether to roll (server default true).
		 */
		private @Nullable Boolean rollingTokens;

		/**
		 * The truncation type.
		 * @return {@code last_history_tokens}, {@code rolling_tokens}, or {@code null}
		 */
		public @Nullable String getType() {
			return this.type;
		}

		/**
		 * Sets the truncation type.
		 * @param type {@code last_history_tokens} or {@code rolling_tokens}
		 */
		public void setType(@Nullable String type) {
			this.type = type;
		}

		/**
		 * How many of the newest tokens are kept.
		 * @return the count, or {@code null} for the server's default
		 */
		public @Nullable Integer getLastHistoryTokens() {
			return this.lastHistoryTokens;
		}

		/**
		 * Sets how many of the newest tokens are kept.
		 * @param lastHistoryTokens the count, positive
		 */
		public void setLastHistoryTokens(@Nullable Integer lastHistoryTokens) {
			this.lastHistoryTokens = lastHistoryTokens;
		}

		/**
		 * Whether to roll.
		 * @return the flag, or {@code null} for the server's default
		 */
		public @Nullable Boolean getRollingTokens() {
			return this.rollingTokens;
		}

		/**
		 * Sets whether to roll.
		 * @param rollingTokens the flag
		 */
		public void setRollingTokens(@Nullable Boolean rollingTokens) {
			this.rollingTokens = rollingTokens;
		}

	}

	/** Conversation sessions: one session context per conversation, created on first use, renewed on expiry. */
	public static class Session {

		/**
		 * System prompt every session context starts with, and starts with again when it is renewed after expiry.
		 */
		private @Nullable String systemPrompt;

		/**
		 * Further messages every session context starts with, after the system prompt (role system, user or
		 * assistant, and content); the last must not be an assistant message.
		 */
		private final List<Message> initialMessages = new ArrayList<>();

		/**
		 * Name of the cache that maps conversation ids to context ids, taken from the application's CacheManager
		 * when there is one (Redis, Caffeine, ...); without a CacheManager, an in-memory map is used. Share it through
		 * a distributed cache to let several instances continue the same conversations.
		 */
		private String cacheName = ContextSessions.DEFAULT_CACHE_NAME;

		/**
		 * The system prompt.
		 * @return the prompt, or {@code null}
		 */
		public @Nullable String getSystemPrompt() {
			return this.systemPrompt;
		}

		/**
		 * Sets the system prompt.
		 * @param systemPrompt the prompt
		 */
		public void setSystemPrompt(@Nullable String systemPrompt) {
			this.systemPrompt = systemPrompt;
		}

		/**
		 * The messages after the system prompt.
		 * @return the messages, oldest first
		 */
		public List<Message> getInitialMessages() {
			return this.initialMessages;
		}

		/**
		 * The name of the conversation cache.
		 * @return the cache name
		 */
		public String getCacheName() {
			return this.cacheName;
		}

		/**
		 * Sets the name of the conversation cache.
		 * @param cacheName the cache name
		 */
		public void setCacheName(String cacheName) {
			this.cacheName = cacheName;
		}

	}

	/** A message a session context starts with. */
	public static class Message {

		/**
		 * Role: system, user or assistant.
		 */
		private String role = "user";

		/**
		 * Text of the message.
		 */
		private @Nullable String content;

		/**
		 * The role.
		 * @return {@code system}, {@code user} or {@code assistant}
		 */
		public String getRole() {
			return this.role;
		}

		/**
		 * Sets the role.
		 * @param role {@code system}, {@code user} or {@code assistant}
		 */
		public void setRole(String role) {
			this.role = role;
		}

		/**
		 * The text.
		 * @return the text, or {@code null} when not set
		 */
		public @Nullable String getContent() {
			return this.content;
		}

		/**
		 * Sets the text.
		 * @param content the text
		 */
		public void setContent(@Nullable String content) {
			this.content = content;
		}

	}

}
