package dev.arkchat.bot.legacy;

/**
 * What applications inject to talk to a bot through the legacy v2 API: blocking or streamed, from a single question
 * or a whole request. Requests that name no bot go to the configured default bot. Implemented by
 * {@link LegacyBotChatTemplate}.
 */
public interface LegacyBotChatOperations {

	/**
	 * Asks the default bot one question and waits for the whole answer.
	 * @param question the user's message
	 * @return the answer; {@link LegacyBotChatResponse#content()} is its text
	 */
	LegacyBotChatResponse chat(String question);

	/**
	 * Sends a request and waits for the whole answer.
	 * @param request the request; without a bot id, the default bot answers
	 * @return the answer
	 */
	LegacyBotChatResponse chat(LegacyBotChatRequest request);

	/**
	 * Asks the default bot one question and streams the answer.
	 * @param question the user's message
	 * @return the stream, to be closed by the caller
	 */
	LegacyBotChatStream stream(String question);

	/**
	 * Sends a request and streams the answer.
	 * @param request the request; without a bot id, the default bot answers
	 * @return the stream, to be closed by the caller
	 */
	LegacyBotChatStream stream(LegacyBotChatRequest request);

}
