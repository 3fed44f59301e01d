package dev.arkchat.bot;

/**
 * What applications inject to talk to an Ark bot: blocking or streamed, from a single question or a whole request.
 * Requests that name no bot go to the configured default bot. Implemented by {@link BotChatTemplate}.
 */
public interface BotChatOperations {

	/**
	 * Asks the default bot one question and waits for the whole answer.
	 * @param question the user's message
	 * @return the answer; {@link BotChatCompletion#content()} is its text
	 */
	BotChatCompletion chat(String question);

	/**
	 * Sends a request and waits for the whole answer.
	 * @param request the request; without a bot id, the default bot answers
	 * @return the answer
	 */
	BotChatCompletion chat(BotChatRequest request);

	/**
	 * Asks the default bot one question and streams the answer.
	 * @param question the user's message
	 * @return the stream, to be closed by the caller
	 */
	BotChatStream stream(String question);

	/**
	 * Sends a request and streams the answer.
	 * @param request the request; without a bot id, the default bot answers
	 * @return the stream, to be closed by the caller
	 */
	BotChatStream stream(BotChatRequest request);

}
