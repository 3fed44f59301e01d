package dev.arkchat.autoconfigure;

import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatTemplate;
import dev.arkchat.chat.Thinking;

/**
 * Makes the {@link BotChatTemplate}s of the default bot ({@code ark.chat.bot.*}) and of the named bots
 * ({@code ark.chat.bots.<name>.*}) from their properties. {@link #named} is the factory method of the beans that
 * {@link ArkChatBotsRegistrar} registers, so that they can be processed ahead of time.
 */
final class BotChatTemplates {

	private BotChatTemplates() {
	}

	/**
	 * A template for one bot's settings.
	 * @param client the endpoint client
	 * @param bot the settings (already validated)
	 * @return the template
	 */
	static BotChatTemplate create(BotChatClient client, ArkChatProperties.Bot bot) {
		return BotChatTemplate.builder(client)
			.defaultBot(bot.getId())
			.temperature(bot.getTemperature())
			.maxTokens(bot.getMaxTokens())
			.topP(bot.getTopP())
			.thinking((bot.getThinking() != null) ? new Thinking(bot.getThinking()) : null)
			.systemPrompt(bot.getSystemPrompt())
			.build();
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

}
