package dev.arkchat.autoconfigure;

import java.net.URI;

import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.bot.legacy.LegacyBotChatClient;
import dev.arkchat.bot.legacy.LegacyBotChatOperations;
import dev.arkchat.bot.legacy.LegacyBotChatTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.StringUtils;

/**
 * The legacy bot chat v2 beans that {@link ArkChatBeanRegistrar} registers: a {@link LegacyBotChatClient} and the
 * {@link LegacyBotChatOperations} applications inject, with the shared {@code ark.chat.*} credentials (the
 * {@link ApiKeyProvider} bean; v2 expects temporary keys, so configure {@code ark.chat.access-key} and
 * {@code ark.chat.secret-key}), transport, timeouts and retries, and the {@code ark.chat.legacy-bot.*} properties.
 * Beans of their own rather than a switch on {@code BotChatOperations}: v2 has its own request and answer types
 * ({@code parameters}, integer {@code logprobs}, {@code req_id}, {@code usage.model_usage}), which v3's types cannot
 * carry without losing them or pretending v2 supports tools and reasoning. The factory methods are static, so that
 * the beans can be processed ahead of time.
 */
final class LegacyBotChatBeans {

	/** The property that overrides the v2 host. */
	static final String BASE_URL_PROPERTY = ArkChatLegacyBotProperties.PREFIX + ".base-url";

	private LegacyBotChatBeans() {
	}

	/**
	 * The {@code ark.chat.legacy-bot.*} properties, which Boot binds once created.
	 * @return unbound properties
	 */
	static ArkChatLegacyBotProperties legacyBotProperties() {
		return new ArkChatLegacyBotProperties();
	}

	/**
	 * The v2 endpoint client.
	 * @param properties the shared properties
	 * @param legacyBot the v2 properties
	 * @param apiKeys the credentials; none fails the startup
	 * @param transports builds the transport
	 * @return the client
	 */
	static LegacyBotChatClient legacyBotChatClient(ArkChatProperties properties, ArkChatLegacyBotProperties legacyBot,
			ObjectProvider<ApiKeyProvider> apiKeys, ArkTransports transports) {
		ApiKeyProvider keys = ArkChatCredentialsMissingException.require(apiKeys, "LegacyBotChatClient");
		URI baseUrl = ArkBaseUrls.resolve(BASE_URL_PROPERTY, legacyBot.getBaseUrl(), BotChatBeans.arkHost(properties));
		return new LegacyBotChatClient(transports.create(baseUrl), keys);
	}

	/**
	 * What applications inject to call a bot through v2, with {@code ark.chat.legacy-bot.bot-id} (or
	 * {@code ark.chat.bot.id}) as the default bot.
	 * @param client the endpoint client
	 * @param properties the shared properties
	 * @param legacyBot the v2 properties
	 * @return the template
	 */
	static LegacyBotChatTemplate legacyBotChatTemplate(LegacyBotChatClient client, ArkChatProperties properties,
			ArkChatLegacyBotProperties legacyBot) {
		String botId = StringUtils.hasText(legacyBot.getBotId()) ? legacyBot.getBotId() : properties.getBot().getId();
		return new LegacyBotChatTemplate(client, botId);
	}

}
