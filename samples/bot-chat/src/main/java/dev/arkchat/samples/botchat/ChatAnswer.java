package dev.arkchat.samples.botchat;

import java.util.List;

import dev.arkchat.bot.BotChatCompletion;
import dev.arkchat.bot.BotUsage;
import dev.arkchat.bot.Reference;
import org.jspecify.annotations.Nullable;

/**
 * The body of the answer to {@code POST /chat}.
 * @param answer the bot's text
 * @param reasoning its reasoning, when the bot's model reasons
 * @param references the sources it used (web pages, knowledge-base chunks)
 * @param usage the tokens the answer cost
 */
public record ChatAnswer(String answer, @Nullable String reasoning, List<Reference> references,
		@Nullable TokenUsage usage) {

	static ChatAnswer of(BotChatCompletion completion) {
		return new ChatAnswer(completion.content(), completion.reasoningContent(), completion.referencesOrEmpty(),
				TokenUsage.of(completion));
	}

	/**
	 * Tokens over every model the bot called.
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 * @param totalTokens the sum
	 */
	public record TokenUsage(int promptTokens, int completionTokens, int totalTokens) {

		static @Nullable TokenUsage of(BotChatCompletion completion) {
			BotUsage bot = completion.botUsage();
			if (bot != null) {
				return new TokenUsage(bot.promptTokens(), bot.completionTokens(), bot.totalTokens());
			}
			if (completion.usage() != null) {
				return new TokenUsage(completion.usage().promptTokens(), completion.usage().completionTokens(),
						completion.usage().totalTokens());
			}
			return null;
		}

	}

}
