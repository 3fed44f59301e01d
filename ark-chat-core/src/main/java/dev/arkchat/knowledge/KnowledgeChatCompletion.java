package dev.arkchat.knowledge;

import dev.arkchat.chat.Usage;
import org.jspecify.annotations.Nullable;

/**
 * A whole knowledge chat answer, unwrapped from its envelope; also the merged result of a stream.
 * @param generatedAnswer the model's answer
 * @param reasoningContent the chain of thought of a reasoning model, or {@code null}
 * @param usage the token usage, decoded from the JSON string of the wire (when {@code return_token_usage} was set)
 * @param requestId the server's request id
 */
public record KnowledgeChatCompletion(String generatedAnswer, @Nullable String reasoningContent,
		@Nullable Usage usage, @Nullable String requestId) {

}
