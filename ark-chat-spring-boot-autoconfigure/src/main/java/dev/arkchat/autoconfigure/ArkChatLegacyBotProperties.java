package dev.arkchat.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code ark.chat.legacy-bot.*} properties: the legacy bot chat v2 ({@code POST /api/v2/bots/{bot_id}/chat}),
 * reached through the {@link dev.arkchat.bot.legacy.LegacyBotChatOperations} bean. Credentials, region, timeouts and
 * retries are the shared {@code ark.chat.*} ones. No value here is a secret.
 */
@ConfigurationProperties(ArkChatLegacyBotProperties.PREFIX)
public class ArkChatLegacyBotProperties implements InitializingBean {

	/** The prefix of these properties. */
	public static final String PREFIX = ArkChatProperties.PREFIX + ".legacy-bot";

	/**
	 * Checks the bound base URL, so that a wrong one fails the application's startup although the legacy bot beans
	 * are only created when first used.
	 * @throws ArkChatConfigurationException naming the property
	 */
	@Override
	public void afterPropertiesSet() {
		if (this.enabled) {
			ArkBaseUrls.check(LegacyBotChatBeans.BASE_URL_PROPERTY, this.baseUrl);
		}
	}

	/**
	 * Whether to create the LegacyBotChatClient and LegacyBotChatOperations beans.
	 */
	private boolean enabled = true;

	/**
	 * Base URL of the v2 endpoint. Defaults to ark.chat.base-url, then to the region's Ark host (the v2 host is not
	 * published separately; set it if your account uses another one).
	 */
	private @Nullable String baseUrl;

	/**
	 * Bot that answers v2 requests naming none. Defaults to ark.chat.bot.id.
	 */
	private @Nullable String botId;

	/**
	 * Whether the v2 beans are created.
	 * @return {@code true} unless turned off
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Turns the v2 beans on or off.
	 * @param enabled whether they are created
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The v2 base URL when it overrides the Ark host.
	 * @return the base URL, or {@code null} for {@code ark.chat.base-url} or the region's host
	 */
	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Sets the v2 base URL.
	 * @param baseUrl the base URL
	 */
	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * The default v2 bot.
	 * @return the bot id, or {@code null} for {@code ark.chat.bot.id}
	 */
	public @Nullable String getBotId() {
		return this.botId;
	}

	/**
	 * Sets the default v2 bot.
	 * @param botId the bot id
	 */
	public void setBotId(@Nullable String botId) {
		this.botId = botId;
	}

	@Override
	public String toString() {
		return "ArkChatLegacyBotProperties{enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", botId="
				+ this.botId + "}";
	}

}
