package dev.arkchat.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.arkchat.ArkApiException;
import dev.arkchat.chat.ChatMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;

/**
 * Conversations kept in Ark session contexts, so that each turn sends only the newest message and the server holds
 * the history. The first call of a conversation creates a session-mode context that starts with the configured initial
 * messages (typically a system prompt); later calls reuse it while it lives (its time to live is renewed on every
 * use).
 * <p>
 * <b>Expiry.</b> When Ark answers that the context is gone (expired after its time to live, or unknown), a new context
 * is created and the call is repeated once, transparently. What is lost: the server-side history of that conversation.
 * Only the configured initial messages are replayed into the new context, so the model no longer remembers earlier
 * turns. Keep your own transcript if that matters, or choose a longer time to live.
 * <p>
 * <b>Concurrency.</b> Ark refuses a second call on a session context while one is in progress
 * ({@code 403 OperationDenied.InvalidState}). Calls on one conversation are therefore serialised <em>per instance</em>
 * of {@code ContextSessions}: they wait their turn, in arrival order; different conversations run in parallel. A
 * stream holds its conversation until it is finished, fails or is closed, so always close streams (try-with-resources),
 * and do not call the same conversation from inside one of its open streams. Instances that share a cache across
 * JVMs are <em>not</em> serialised with each other: if the server still finds the context busy, the call fails with
 * {@link ContextBusyException}.
 * <p>
 * <b>Where conversations live.</b> The map from conversation id to context id is a Spring {@link Cache}: pass a
 * shared one (Redis, …) so that several instances continue the same conversations, ideally with an entry expiry no
 * longer than the contexts' time to live. The default is an in-memory {@link ConcurrentMapCache}, whose entries stay
 * until {@link #forget(String)} (a few dozen bytes per conversation).
 * <p>
 * Built on a {@link ContextChatOperations}, whose defaults (endpoint, time to live, truncation) apply to the contexts
 * created here. Thread-safe.
 */
public final class ContextSessions {

	/** The name of the default in-memory cache. */
	public static final String DEFAULT_CACHE_NAME = "ark-chat-context-sessions";

	private final ContextChatOperations operations;

	private final Cache cache;

	private final List<ChatMessage> initialMessages;

	private final ConversationLocks locks = new ConversationLocks();

	private ContextSessions(ContextChatOperations operations, Cache cache, List<ChatMessage> initialMessages) {
		this.operations = operations;
		this.cache = cache;
		this.initialMessages = List.copyOf(initialMessages);
	}

	/**
	 * A builder of sessions on top of an operations object (usually a {@link ContextChatTemplate}).
	 * @param operations what creates and continues the contexts
	 * @return the builder
	 */
	public static Builder builder(ContextChatOperations operations) {
		return new Builder(operations);
	}

	/**
	 * Sends the newest user message of a conversation and waits for the whole answer.
	 * @param conversationId the conversation, any stable id of yours (a chat id, a user id)
	 * @param userMessage the message
	 * @return the answer
	 * @throws ContextBusyException when another instance or client is using the conversation's context
	 * @throws dev.arkchat.ArkException when the call fails
	 */
	public ContextChatCompletion chat(String conversationId, String userMessage) {
		return chat(conversationId, ContextChatRequest.builder().user(userMessage).build());
	}

	/**
	 * Sends a request on a conversation and waits for the whole answer.
	 * @param conversationId the conversation
	 * @param request the newest turn with any options; its context id must not be set (the conversation's is used)
	 * @return the answer
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws ContextBusyException when another instance or client is using the conversation's context
	 * @throws dev.arkchat.ArkException when the call fails
	 */
	public ContextChatCompletion chat(String conversationId, ContextChatRequest request) {
		check(conversationId, request, false);
		ConversationLocks.Lease lease = this.locks.acquire(conversationId);
		try {
			return call(conversationId, request, this.operations::chat);
		}
		finally {
			lease.close();
		}
	}

	/**
	 * Sends the newest user message of a conversation and streams the answer. The conversation is held until the
	 * stream is finished or closed.
	 * @param conversationId the conversation
	 * @param userMessage the message
	 * @return the stream, to be closed by the caller
	 * @throws ContextBusyException when another instance or client is using the conversation's context
	 * @throws dev.arkchat.ArkException when the call fails before the stream starts
	 */
	public ContextChatStream stream(String conversationId, String userMessage) {
		return stream(conversationId, ContextChatRequest.builder().user(userMessage).build());
	}

	/**
	 * Sends a request on a conversation and streams the answer. The conversation is held until the stream is
	 * finished or closed.
	 * @param conversationId the conversation
	 * @param request the newest turn with any options; its context id must not be set
	 * @return the stream, to be closed by the caller
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws ContextBusyException when another instance or client is using the conversation's context
	 * @throws dev.arkchat.ArkException when the call fails before the stream starts
	 */
	public ContextChatStream stream(String conversationId, ContextChatRequest request) {
		check(conversationId, request, true);
		ConversationLocks.Lease lease = this.locks.acquire(conversationId);
		try {
			return ContextChatStream.onClose(call(conversationId, request, this.operations::stream), lease::close);
		}
		catch (RuntimeException | Error ex) {
			lease.close();
			throw ex;
		}
	}

	/**
	 * The context a conversation currently uses.
	 * @param conversationId the conversation
	 * @return the context id, or {@code null} when the conversation has none yet
	 */
	public @Nullable String contextId(String conversationId) {
		return this.cache.get(conversationId, String.class);
	}

	/**
	 * Forgets a conversation: its next call starts a new context. The old context is not deleted (Ark has no delete
	 * API); it expires after its time to live.
	 * @param conversationId the conversation
	 */
	public void forget(String conversationId) {
		this.cache.evict(conversationId);
	}

	/**
	 * Where conversation-to-context ids are kept.
	 * @return the cache
	 */
	public Cache getCache() {
		return this.cache;
	}

	/**
	 * The messages every new context starts with.
	 * @return the initial messages
	 */
	public List<ChatMessage> getInitialMessages() {
		return this.initialMessages;
	}

	/**
	 * How many threads hold or wait for a conversation (for tests).
	 * @param conversationId the conversation
	 * @return the count
	 */
	int lockUsers(String conversationId) {
		return this.locks.users(conversationId);
	}

	/**
	 * How many conversations have a lock entry (for tests: 0 when all are idle).
	 * @return the count
	 */
	int lockEntries() {
		return this.locks.size();
	}

	private static void check(String conversationId, ContextChatRequest request, boolean streaming) {
		if (conversationId == null || conversationId.isBlank()) {
			throw new IllegalArgumentException("conversationId must not be blank");
		}
		if (request.contextId() != null) {
			throw new IllegalArgumentException("context_id must not be set on a request for ContextSessions (it was '"
					+ request.contextId() + "'): the conversation's context is used");
		}
		request.validateContent(streaming);
	}

	private <T> T call(String conversationId, ContextChatRequest request, Function<ContextChatRequest, T> operation) {
		String contextId = currentOrCreate(conversationId, request.model());
		try {
			return operation.apply(request.withContextId(contextId));
		}
		catch (ContextBusyException ex) {
			throw new ContextBusyException(ex, contextId, conversationId);
		}
		catch (ArkApiException ex) {
			if (!ContextErrors.isGone(ex)) {
				throw ex;
			}
			String renewed = renew(conversationId, contextId, request.model());
			try {
				return operation.apply(request.withContextId(renewed));
			}
			catch (ContextBusyException busy) {
				throw new ContextBusyException(busy, renewed, conversationId);
			}
		}
	}

	private String currentOrCreate(String conversationId, @Nullable String endpointId) {
		String current = contextId(conversationId);
		return (current != null) ? current : create(conversationId, endpointId);
	}

	private String renew(String conversationId, String goneContextId, @Nullable String endpointId) {
		String current = contextId(conversationId);
		if (current != null && !current.equals(goneContextId)) {
			// another instance sharing the cache has already replaced it
			return current;
		}
		this.cache.evict(conversationId);
		return create(conversationId, endpointId);
	}

	private String create(String conversationId, @Nullable String endpointId) {
		ContextCreateResult created = this.operations.createContext(ContextCreateRequest.builder()
			.endpoint(endpointId)
			.mode(ContextMode.SESSION)
			.messages(this.initialMessages)
			.build());
		Cache.ValueWrapper existing = this.cache.putIfAbsent(conversationId, created.id());
		Object winner = (existing != null) ? existing.get() : null;
		// when another instance stored a context first, use it: the one created here expires unused
		return (winner instanceof String id) ? id : created.id();
	}

	@Override
	public String toString() {
		return "ContextSessions{cache=" + this.cache.getName() + ", initialMessages=" + this.initialMessages.size()
				+ "}";
	}

	/** Builds {@link ContextSessions}. */
	public static final class Builder {

		private final ContextChatOperations operations;

		private @Nullable Cache cache;

		private final List<ChatMessage> initialMessages = new ArrayList<>();

		private Builder(ContextChatOperations operations) {
			this.operations = Objects.requireNonNull(operations, "operations must not be null");
		}

		/**
		 * Sets where conversation-to-context ids are kept; defaults to an in-memory {@link ConcurrentMapCache}.
		 * @param cache the cache, shared (Redis, …) to continue conversations across instances
		 * @return this builder
		 */
		public Builder cache(Cache cache) {
			this.cache = Objects.requireNonNull(cache, "cache must not be null");
			return this;
		}

		/**
		 * Starts every context with a system prompt (replacing any initial messages set before).
		 * @param systemPrompt the instructions
		 * @return this builder
		 */
		public Builder systemPrompt(String systemPrompt) {
			this.initialMessages.clear();
			this.initialMessages.add(ChatMessage.system(systemPrompt));
			return this;
		}

		/**
		 * Starts every context with these messages (replacing any set before); the last must not be an assistant
		 * message.
		 * @param messages the initial messages, oldest first
		 * @return this builder
		 */
		public Builder initialMessages(List<ChatMessage> messages) {
			this.initialMessages.clear();
			this.initialMessages.addAll(messages);
			return this;
		}

		/**
		 * Builds the sessions.
		 * @return the sessions
		 * @throws IllegalArgumentException when the initial messages break a documented rule
		 */
		public ContextSessions build() {
			ContextMessages.validate(this.initialMessages, false);
			Cache c = (this.cache != null) ? this.cache : new ConcurrentMapCache(DEFAULT_CACHE_NAME);
			return new ContextSessions(this.operations, c, this.initialMessages);
		}

	}

}
