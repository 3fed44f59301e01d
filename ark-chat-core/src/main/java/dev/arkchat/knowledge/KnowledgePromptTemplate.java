package dev.arkchat.knowledge;

import java.util.List;

import dev.arkchat.chat.ChatMessage;

/**
 * Turns a question, the conversation before it and the chunks a search found into the messages the knowledge chat
 * model answers: the step between search and chat in {@link KnowledgeOperations#ask(String)}.
 * {@link DefaultKnowledgePromptTemplate} follows the official multi-turn sample; replace it (in Spring Boot, with a
 * bean of this type or with {@code ark.chat.knowledge.prompt-template}) to change how the model is instructed.
 */
@FunctionalInterface
public interface KnowledgePromptTemplate {

	/**
	 * Builds the messages to send.
	 * @param input the question, history, chunks, and whether the model sees images
	 * @return the messages, oldest first; usually {@code [system prompt, …history, user question]}
	 */
	List<ChatMessage> messages(KnowledgePromptInput input);

}
