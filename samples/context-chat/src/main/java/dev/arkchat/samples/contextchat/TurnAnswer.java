package dev.arkchat.samples.contextchat;

import dev.arkchat.chat.Usage;
import dev.arkchat.context.ContextChatCompletion;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one message of a conversation, with the context that holds the conversation and what the turn cost.
 * @param conversationId the conversation
 * @param contextId the Ark context that holds it ({@code ctx-…}); a new one after the old one expired
 * @param answer the model's answer
 * @param usage token counts, with the input tokens read from the context cache
 */
record TurnAnswer(String conversationId, @Nullable String contextId, String answer, TokenUsage usage) {

	static TurnAnswer of(String conversationId, @Nullable String contextId, ContextChatCompletion completion) {
		Usage usage = completion.usage();
		TokenUsage tokens = (usage != null) ? new TokenUsage(usage.promptTokens(), usage.cachedTokens(),
				usage.completionTokens(), usage.totalTokens()) : new TokenUsage(0, 0, 0, 0);
		return new TurnAnswer(conversationId, contextId, completion.content(), tokens);
	}

	/**
	 * Tokens of one turn.
	 * @param promptTokens input tokens, the cached ones included
	 * @param cachedTokens input tokens read from the context (billed at the cache price)
	 * @param completionTokens output tokens
	 * @param totalTokens input and output
	 */
	record TokenUsage(int promptTokens, int cachedTokens, int completionTokens, int totalTokens) {
	}

}
