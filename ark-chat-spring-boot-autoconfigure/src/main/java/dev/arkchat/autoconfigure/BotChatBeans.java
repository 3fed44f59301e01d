package dev.arkchat.autoconfigure;

import java.net.URI;

import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatTemplate;
import dev.arkchat.chat.Thinking;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The bot chat v3 beans that {@link ArkChatBeanRegistrar} registers: the {@link BotChatClient}, the
 * {@link BotChatOperations} of the default bot ({@code ark.chat.bot.*}) and one per named bot
 * ({@code ark.chat.bots.<name>.*}). The factory methods are static, so that the beans can be processed ahead of time.
 */
final class BotChatBeans {

	/** The property that overrides the region's Ark host. */
	static final String BASE_URL_PROPERTY = ArkChatProperties.PREFIX + ".base-url";

	private BotChatBeans() {
	}

	/**
	 * The bot chat v3 endpoint client.
	 * @param properties the properties
	 * @param apiKeys the credentials; none fails the startup
	 * @param transports builds the transport
	 * @return the client
	 */
	static BotChatClient botChatClient(ArkChatProperties properties, ObjectProvider<ApiKeyProvider> apiKeys,
			ArkTransports transports) {
		ApiKeyProvider keys = ArkChatCredentialsMissingException.require(apiKeys, "BotChatClient");
		return new BotChatClient(transports.create(arkHost(properties)), keys);
	}

	/**
	 * What applications inject to call a bot, with {@code ark.chat.bot.*} as the default bot and its defaults.
	 * Primary, so that plain injection still finds it when named bots add more.
	 * @param client the endpoint client
	 * @param properties the properties
	 * @return the template
	 */
	static BotChatTemplate botChatTemplate(BotChatClient client, ArkChatProperties properties) {
		return create(client, properties.getBot());
	}

	/**
	 * The template of a named bot, {@code ark.chat.bots.<name>.*}.
	 * @param name the bot's name
	 * @param client the endpoint client
	 * @param properties the bound properties
	 * @return the template
	 */
	static BotChatTemplate named(String name, BotChatClient client, ArkChatProperties properties) {
		ArkChatProperties.Bot bot = properties.getBots().get(name);
		if (bot == null) {
			String property = ArkChatProperties.PREFIX + ".bots." + name + ".id";
			throw new ArkChatConfigurationException(property,
					"The bot named '" + name + "' has no settings under 'ark.chat.bots." + name + "'.",
					"Set '" + property + "' to the bot's id, or remove the bot.");
		}
		return create(client, bot);
	}

	/**
	 * The Ark host of the Bearer endpoints: {@code ark.chat.base-url}, else the region's.
	 * @param properties the properties
	 * @return the host
	 */
	static URI arkHost(ArkChatProperties properties) {
		return ArkBaseUrls.resolve(BASE_URL_PROPERTY, properties.getBaseUrl(), properties.getRegion().arkBaseUrl());
	}

	private static BotChatTemplate create(BotChatClient client, ArkChatProperties.Bot bot) {
		return BotChatTemplate.builder(client)
			.defaultBot(bot.getId())
			.temperature(bot.getTemperature())
			.maxTokens(bot.getMaxTokens())
			.topP(bot.getTopP())
			.thinking((bot.getThinking() != null) ? new Thinking(bot.getThinking()) : null)
			.systemPrompt(bot.getSystemPrompt())
			.build();
	}

}
