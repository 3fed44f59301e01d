package dev.arkchat.context;

/**
 * What applications inject for context-cached chat: create a context, continue it blocking or streamed, or let
 * {@link #sessions()} keep one context per conversation. Requests that name no endpoint go to the configured default
 * endpoint, and contexts are created with the configured default mode, time to live and truncation. Implemented by
 * {@link ContextChatTemplate}.
 */
public interface ContextChatOperations {

	/**
	 * Creates a context; values the request leaves out take the configured defaults.
	 * @param request the request
	 * @return the context, whose {@link ContextCreateResult#id()} later calls name
	 */
	ContextCreateResult createContext(ContextCreateRequest request);

	/**
	 * Creates a context that starts with a system prompt, with the configured defaults.
	 * @param systemPrompt the instructions to cache
	 * @return the context
	 */
	ContextCreateResult createContext(String systemPrompt);

	/**
	 * Sends one user message on a context and waits for the whole answer.
	 * @param contextId the context ({@code ctx-…})
	 * @param userMessage the newest user message
	 * @return the answer; {@link ContextChatCompletion#content()} is its text
	 */
	ContextChatCompletion chat(String contextId, String userMessage);

	/**
	 * Sends a request and waits for the whole answer.
	 * @param request the request, with its context id; without an endpoint, the default endpoint answers
	 * @return the answer
	 */
	ContextChatCompletion chat(ContextChatRequest request);

	/**
	 * Sends one user message on a context and streams the answer.
	 * @param contextId the context ({@code ctx-…})
	 * @param userMessage the newest user message
	 * @return the stream, to be closed by the caller
	 */
	ContextChatStream stream(String contextId, String userMessage);

	/**
	 * Sends a request and streams the answer.
	 * @param request the request, with its context id; without an endpoint, the default endpoint answers
	 * @return the stream, to be closed by the caller
	 */
	ContextChatStream stream(ContextChatRequest request);

	/**
	 * Conversations, each kept in a session context that is created on first use and renewed when it expires.
	 * @return the sessions
	 */
	ContextSessions sessions();

}
