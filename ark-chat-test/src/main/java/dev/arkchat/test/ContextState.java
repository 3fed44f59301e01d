package dev.arkchat.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.arkchat.chat.ChatMessage;
import org.jspecify.annotations.Nullable;

/**
 * One context of the fake, mutable, guarded by its own monitor. Session contexts grow with every turn and answer one
 * call at a time; common-prefix contexts keep their prefix and answer calls in parallel.
 */
final class ContextState {

	static final String SESSION = "session";

	static final String COMMON_PREFIX = "common_prefix";

	static final String LAST_HISTORY_TOKENS = "last_history_tokens";

	/** Why a call on a context is refused. */
	enum Refusal {

		/** Expired or marked expired. */
		GONE,

		/** A call on this session context is in progress. */
		BUSY,

		/** The call names another endpoint than the context's. */
		OTHER_ENDPOINT

	}

	/**
	 * What a turn reports.
	 * @param promptTokens input tokens, the cached ones included
	 * @param cachedTokens input tokens read from the context
	 * @param completionTokens output tokens
	 */
	record TurnUsage(int promptTokens, int cachedTokens, int completionTokens) {
	}

	final String id;

	final long sequence;

	final String endpointId;

	final String mode;

	final long ttlSeconds;

	final @Nullable String truncationType;

	final @Nullable Integer lastHistoryTokens;

	final Instant createdAt;

	private final List<ChatMessage> messages;

	private int tokens;

	private int turns;

	private Instant lastUsedAt;

	private boolean markedExpired;

	private boolean inProgress;

	ContextState(String id, long sequence, String endpointId, String mode, long ttlSeconds,
			@Nullable String truncationType, @Nullable Integer lastHistoryTokens, List<ChatMessage> messages,
			int tokens, Instant now) {
		this.id = id;
		this.sequence = sequence;
		this.endpointId = endpointId;
		this.mode = mode;
		this.ttlSeconds = ttlSeconds;
		this.truncationType = truncationType;
		this.lastHistoryTokens = lastHistoryTokens;
		this.messages = new ArrayList<>(messages);
		this.tokens = tokens;
		this.createdAt = now;
		this.lastUsedAt = now;
	}

	boolean isSession() {
		return SESSION.equals(this.mode);
	}

	/**
	 * Starts a call: refuses it, or renews the time to live and, in session mode, marks the context busy until
	 * {@link #finish()}.
	 * @param endpointId the endpoint the call names
	 * @param now the fake's time
	 * @return why the call is refused, or {@code null} when it may go on
	 */
	synchronized @Nullable Refusal begin(String endpointId, Instant now) {
		if (isExpired(now)) {
			return Refusal.GONE;
		}
		if (!this.endpointId.equals(endpointId)) {
			return Refusal.OTHER_ENDPOINT;
		}
		if (isSession()) {
			if (this.inProgress) {
				return Refusal.BUSY;
			}
			this.inProgress = true;
		}
		this.lastUsedAt = now;
		return null;
	}

	/**
	 * Records a turn: the cached tokens are what the context held; a session context then also holds the new
	 * messages and the answer (trimmed to {@code last_history_tokens}).
	 * @param newMessages the call's messages
	 * @param newTokens their tokens
	 * @param answer the answer's text
	 * @param completionTokens its tokens
	 * @return the usage to report
	 */
	synchronized TurnUsage record(List<ChatMessage> newMessages, int newTokens, String answer, int completionTokens) {
		int cached = this.tokens;
		this.turns++;
		if (isSession()) {
			this.messages.addAll(newMessages);
			this.messages.add(ChatMessage.assistant(answer));
			int held = cached + newTokens + completionTokens;
			if (this.lastHistoryTokens != null && LAST_HISTORY_TOKENS.equals(this.truncationType)) {
				held = Math.min(held, this.lastHistoryTokens);
			}
			this.tokens = held;
		}
		return new TurnUsage(cached + newTokens, cached, completionTokens);
	}

	/** Ends a call: a session context accepts the next one. */
	synchronized void finish() {
		this.inProgress = false;
	}

	synchronized void markExpired() {
		this.markedExpired = true;
	}

	synchronized boolean isExpired(Instant now) {
		return this.markedExpired || !now.isBefore(expiresAt());
	}

	private Instant expiresAt() {
		return this.lastUsedAt.plusSeconds(this.ttlSeconds);
	}

	synchronized MockContext snapshot(Instant now) {
		return new MockContext(this.id, this.endpointId, this.mode, Duration.ofSeconds(this.ttlSeconds),
				this.truncationType, this.lastHistoryTokens, this.messages, this.tokens, this.turns, this.createdAt,
				this.lastUsedAt, expiresAt(), isExpired(now), this.inProgress);
	}

}
