package dev.arkchat.autoconfigure;

import dev.arkchat.ArkRegion;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The {@code ark.chat.*} properties: where Ark is, how to authenticate, and the defaults of each endpoint family.
 * Settings of one area live in a nested class ({@link Bot} for {@code ark.chat.bot.*}). {@link #toString()} never shows
 * a secret.
 */
@ConfigurationProperties(ArkChatProperties.PREFIX)
public class ArkChatProperties {

	/** The prefix of every ark-chat property. */
	public static final String PREFIX = "ark.chat";

	/**
	 * Whether to auto-configure ark-chat's clients. Turn off to define every bean yourself.
	 */
	private boolean enabled = true;

	/**
	 * API key created in the Ark console ("API Key management"), sent as the Bearer token of every bot and model
	 * call. Usually given through the ARK_CHAT_API_KEY environment variable rather than a file under version control.
	 */
	private @Nullable String apiKey;

	/**
	 * Region whose hosts are used: cn-beijing, cn-shanghai or ap-southeast (BytePlus). Each host can still be set on
	 * its own, such as base-url.
	 */
	private ArkRegion region = ArkRegion.CN_BEIJING;

	/**
	 * Base URL of the Ark data plane (bot chat, context cache), such as https://ark.cn-beijing.volces.com. Overrides
	 * the host the region gives; set it for a proxy, a private endpoint, or a fake Ark in tests.
	 */
	private @Nullable String baseUrl;

	/**
	 * Bot chat (ark.chat.bot.*).
	 */
	private final Bot bot = new Bot();

	/**
	 * Whether the auto-configuration is on.
	 * @return {@code true} unless turned off
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Turns the auto-configuration on or off.
	 * @param enabled whether it is on
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The console API key.
	 * @return the key, or {@code null} when not set
	 */
	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	/**
	 * Sets the console API key.
	 * @param apiKey the key
	 */
	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * The region whose hosts are the defaults.
	 * @return the region
	 */
	public ArkRegion getRegion() {
		return this.region;
	}

	/**
	 * Sets the region.
	 * @param region the region
	 */
	public void setRegion(ArkRegion region) {
		this.region = region;
	}

	/**
	 * The Ark data-plane base URL when it overrides the region's host.
	 * @return the base URL, or {@code null} to use the region's host
	 */
	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Sets the Ark data-plane base URL.
	 * @param baseUrl the base URL
	 */
	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * The bot chat settings.
	 * @return the settings
	 */
	public Bot getBot() {
		return this.bot;
	}

	@Override
	public String toString() {
		return "ArkChatProperties{enabled=" + this.enabled + ", apiKey=" + mask(this.apiKey) + ", region="
				+ this.region + ", baseUrl=" + this.baseUrl + ", bot=" + this.bot + "}";
	}

	private static String mask(@Nullable String secret) {
		return StringUtils.hasText(secret) ? "******" : "(not set)";
	}

	/** Bot chat settings, {@code ark.chat.bot.*}. */
	public static class Bot {

		/**
		 * Bot that answers requests naming none, such as bot-20250101000000-abcde (the id shown in the Ark console).
		 */
		private @Nullable String id;

		/**
		 * The default bot id.
		 * @return the id, or {@code null} when every request must name its bot
		 */
		public @Nullable String getId() {
			return this.id;
		}

		/**
		 * Sets the default bot id.
		 * @param id the id
		 */
		public void setId(@Nullable String id) {
			this.id = id;
		}

		@Override
		public String toString() {
			return "Bot{id=" + this.id + "}";
		}

	}

}
