package dev.arkchat.knowledge;

import java.util.List;

import dev.arkchat.chat.ChatMessage;

/**
 * What a {@link KnowledgePromptTemplate} builds the model's messages from.
 * @param question the user's question
 * @param history the conversation before the question, oldest first (empty for a single question)
 * @param chunks the chunks the search found, in the order the server gave them
 * @param vision whether the model understands images, so that image attachments are shown to it
 */
public record KnowledgePromptInput(String question, List<ChatMessage> history, List<KnowledgeChunk> chunks,
		boolean vision) {

	/**
	 * Creates the input; the lists are copied.
	 * @param question the user's question
	 * @param history the conversation before the question
	 * @param chunks the chunks found
	 * @param vision whether the model understands images
	 */
	public KnowledgePromptInput {
		history = List.copyOf(history);
		chunks = List.copyOf(chunks);
	}

}
