package dev.arkchat.samples.knowledgeqa;

import java.util.List;

import dev.arkchat.chat.Usage;
import dev.arkchat.knowledge.DocInfo;
import dev.arkchat.knowledge.KnowledgeAnswer;
import dev.arkchat.knowledge.KnowledgeChunk;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /ask}: the text, the reasoning, the citations (the chunks the model was given) and the
 * tokens it cost.
 * @param answer the answer
 * @param reasoning the model's reasoning, if it reasons
 * @param citations where the answer comes from
 * @param usage the tokens of the chat call
 */
record AnswerView(String answer, @Nullable String reasoning, List<Citation> citations, @Nullable TokenUsage usage) {

	static AnswerView of(KnowledgeAnswer answer) {
		return new AnswerView(answer.text(), answer.reasoning(), Citation.of(answer.citations()),
				TokenUsage.of(answer.usage()));
	}

	/**
	 * One chunk the answer was given.
	 * @param document the document's name
	 * @param title the document's title
	 * @param section the chunk's title
	 * @param content the chunk's text (for an FAQ chunk, the answer)
	 * @param faqQuestion the question of an FAQ chunk
	 * @param imageUrl the link of an image chunk's picture
	 * @param score the retrieval score
	 */
	record Citation(@Nullable String document, @Nullable String title, @Nullable String section,
			@Nullable String content, @Nullable String faqQuestion, @Nullable String imageUrl,
			@Nullable Double score) {

		static List<Citation> of(List<KnowledgeChunk> chunks) {
			return chunks.stream().map(Citation::of).toList();
		}

		static Citation of(KnowledgeChunk chunk) {
			DocInfo doc = chunk.docInfo();
			return new Citation((doc != null) ? doc.docName() : null, (doc != null) ? doc.title() : null,
					chunk.chunkTitle(), chunk.content(), chunk.originalQuestion(), chunk.attachmentLink(),
					(chunk.rerankScore() != null) ? chunk.rerankScore() : chunk.score());
		}

	}

	/**
	 * Tokens of the chat call.
	 * @param promptTokens input tokens (the prompt holds the chunks)
	 * @param completionTokens output tokens
	 * @param totalTokens the sum
	 */
	record TokenUsage(int promptTokens, int completionTokens, int totalTokens) {

		static @Nullable TokenUsage of(@Nullable Usage usage) {
			return (usage != null) ? new TokenUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens())
					: null;
		}

	}

}
