package dev.arkchat.knowledge;

import java.util.List;

import dev.arkchat.chat.ChatMessage;

/**
 * What applications inject to use a knowledge base: search a collection, let a model answer, or do both in one call
 * ({@code ask}: search, build the prompt from the chunks found, let the model answer from them). Requests that name no
 * collection or model get the configured defaults. Implemented by {@link KnowledgeTemplate}.
 */
public interface KnowledgeOperations {

	/**
	 * Searches the default collection.
	 * @param query the text to search for
	 * @return the chunks found
	 */
	KnowledgeSearchResult search(String query);

	/**
	 * Searches; a request that names no collection searches the default one, with the configured search defaults for
	 * what it leaves unset.
	 * @param request the request
	 * @return the chunks found
	 */
	KnowledgeSearchResult search(KnowledgeSearchRequest request);

	/**
	 * Lets the default model answer a conversation and waits for the whole answer.
	 * @param messages the messages, oldest first
	 * @return the answer
	 */
	KnowledgeChatCompletion chat(List<ChatMessage> messages);

	/**
	 * Lets a model answer and waits for the whole answer; what the request leaves unset (model, version, thinking,
	 * API key) comes from the defaults.
	 * @param request the request
	 * @return the answer
	 */
	KnowledgeChatCompletion chat(KnowledgeChatRequest request);

	/**
	 * Lets a model answer and streams the answer; defaults as for {@link #chat(KnowledgeChatRequest)}.
	 * @param request the request
	 * @return the stream, to be closed by the caller
	 */
	KnowledgeChatStream stream(KnowledgeChatRequest request);

	/**
	 * Answers a question from the default collection: searches it, builds the prompt from the chunks found, and waits
	 * for the model's whole answer.
	 * @param question the question
	 * @return the answer with the chunks it was given
	 */
	KnowledgeAnswer ask(String question);

	/**
	 * Answers the next question of a conversation from the default collection.
	 * @param question the question
	 * @param history the conversation before it, oldest first (user and assistant turns)
	 * @return the answer with the chunks it was given
	 */
	KnowledgeAnswer ask(String question, List<ChatMessage> history);

	/**
	 * Answers a question with a search of your own (filters, another collection, rerank options): its query is the
	 * question.
	 * @param search the search; what it leaves unset comes from the defaults
	 * @param history the conversation before the question, oldest first
	 * @return the answer with the chunks it was given
	 */
	KnowledgeAnswer ask(KnowledgeSearchRequest search, List<ChatMessage> history);

	/**
	 * Answers a question from the default collection and streams the answer.
	 * @param question the question
	 * @return the stream, to be closed by the caller; its citations are known at once
	 */
	KnowledgeAnswerStream askStream(String question);

	/**
	 * Answers the next question of a conversation and streams the answer.
	 * @param question the question
	 * @param history the conversation before it, oldest first
	 * @return the stream, to be closed by the caller
	 */
	KnowledgeAnswerStream askStream(String question, List<ChatMessage> history);

	/**
	 * Answers a question with a search of your own and streams the answer.
	 * @param search the search; its query is the question
	 * @param history the conversation before the question, oldest first
	 * @return the stream, to be closed by the caller
	 */
	KnowledgeAnswerStream askStream(KnowledgeSearchRequest search, List<ChatMessage> history);

}
