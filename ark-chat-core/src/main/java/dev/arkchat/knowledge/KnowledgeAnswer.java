package dev.arkchat.knowledge;

import java.util.List;

import dev.arkchat.chat.Usage;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link KnowledgeOperations#ask(String)}: the model's text and reasoning, its token usage, and the
 * chunks it was given, so that the caller can show where the answer comes from.
 * @param text the answer
 * @param reasoning the chain of thought of a reasoning model, or {@code null}
 * @param usage the chat's token usage, or {@code null} when not reported
 * @param citations the chunks the search found and the model was shown, in order
 * @param requestId the server's request id of the chat call
 */
public record KnowledgeAnswer(String text, @Nullable String reasoning, @Nullable Usage usage,
		List<KnowledgeChunk> citations, @Nullable String requestId) {

	/**
	 * Creates an answer; the citations are copied.
	 * @param text the answer
	 * @param reasoning the reasoning, or {@code null}
	 * @param usage the usage, or {@code null}
	 * @param citations the chunks the model was shown
	 * @param requestId the chat's request id
	 */
	public KnowledgeAnswer {
		citations = List.copyOf(citations);
	}

	static KnowledgeAnswer of(KnowledgeChatCompletion completion, List<KnowledgeChunk> citations) {
		return new KnowledgeAnswer(completion.generatedAnswer(), completion.reasoningContent(), completion.usage(),
				citations, completion.requestId());
	}

}
