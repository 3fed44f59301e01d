package dev.arkchat.bot;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The {@code metadata} of a bot chat request, echoed back in the answer.
 * @param userInfo a JSON <em>string</em> with the user's profile, handed to the bot's plugins
 * @param emitIntentionSignalExtra {@code "true"} to have the stream report intermediate intention states such as
 * searching
 * @param targetCharacterName in a group-chat bot, the character who speaks now
 * @param groupChatConfig the cast of a group-chat bot
 */
public record BotMetadata(@Nullable String userInfo, @Nullable String emitIntentionSignalExtra,
		@Nullable String targetCharacterName, @Nullable GroupChatConfig groupChatConfig) {

	/**
	 * The cast of a group-chat bot.
	 * @param userName the name the user plays
	 * @param description the scene
	 * @param characters the characters
	 */
	public record GroupChatConfig(@Nullable String userName, @Nullable String description,
			@Nullable List<Character> characters) {
	}

	/**
	 * One character of a group chat.
	 * @param name the character's name
	 * @param systemPrompt who the character is
	 * @param modelDesc the model that plays the character
	 */
	public record Character(String name, @Nullable String systemPrompt, @Nullable ModelDesc modelDesc) {
	}

	/**
	 * The model behind a character.
	 * @param endpointId the inference endpoint ({@code ep-…})
	 */
	public record ModelDesc(String endpointId) {
	}

}
