package dev.arkchat.chat;

import org.jspecify.annotations.Nullable;

/**
 * Token counts of a call.
 * @param promptTokens tokens of the input
 * @param completionTokens tokens of the output
 * @param totalTokens the sum
 * @param promptTokensDetails details of the input, such as cached tokens
 * @param completionTokensDetails details of the output, such as reasoning tokens
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens,
		@Nullable PromptTokensDetails promptTokensDetails,
		@Nullable CompletionTokensDetails completionTokensDetails) {

	/**
	 * Usage without details.
	 * @param promptTokens tokens of the input
	 * @param completionTokens tokens of the output
	 * @param totalTokens the sum
	 */
	public Usage(int promptTokens, int completionTokens, int totalTokens) {
		this(promptTokens, completionTokens, totalTokens, null, null);
	}

	/**
	 * Input tokens served from the context cache.
	 * @return the cached tokens, 0 when none or not reported
	 */
	public int cachedTokens() {
		return (this.promptTokensDetails != null) ? this.promptTokensDetails.cachedTokens() : 0;
	}

	/**
	 * Details of the input.
	 * @param cachedTokens input tokens read from the cache
	 */
	public record PromptTokensDetails(int cachedTokens) {
	}

	/**
	 * Details of the output.
	 * @param reasoningTokens output tokens spent on reasoning
	 */
	public record CompletionTokensDetails(int reasoningTokens) {
	}

}
