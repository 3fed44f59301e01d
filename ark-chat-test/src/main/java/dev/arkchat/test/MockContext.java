package dev.arkchat.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.arkchat.chat.ChatMessage;
import org.jspecify.annotations.Nullable;

/**
 * A context of the fake Ark as it is at one moment (a snapshot: later calls do not change it). Read it with
 * {@link MockContexts#find(String)} to check what a conversation left on the server.
 * @param id the context id ({@code ctx-…})
 * @param endpointId the endpoint it was created on ({@code ep-…}); calls must name the same one
 * @param mode {@code session} or {@code common_prefix}
 * @param ttl its time to live, renewed by every accepted call
 * @param truncationType the truncation strategy's type in session mode ({@code last_history_tokens} or
 * {@code rolling_tokens}), {@code null} in common-prefix mode
 * @param lastHistoryTokens with {@code last_history_tokens}: the most tokens the context keeps, else {@code null}
 * @param messages what the context holds, oldest first: the initial messages, then (session mode) every turn's new
 * messages and the answer
 * @param tokens the tokens the context holds: what the next call reports as {@code cached_tokens}
 * @param turns how many chat calls it has answered
 * @param createdAt when it was created, by the fake's clock
 * @param lastUsedAt when it was created or last used, by the fake's clock
 * @param expiresAt when it expires unless used again ({@code lastUsedAt + ttl})
 * @param expired whether it has expired (its time ran out, or {@link MockContexts#expire(String)} was called): calls
 * on it fail
 * @param inProgress whether a call on it is in progress (session mode only: a second call is refused meanwhile)
 */
public record MockContext(String id, String endpointId, String mode, Duration ttl, @Nullable String truncationType,
		@Nullable Integer lastHistoryTokens, List<ChatMessage> messages, int tokens, int turns, Instant createdAt,
		Instant lastUsedAt, Instant expiresAt, boolean expired, boolean inProgress) {

	/**
	 * Creates a snapshot.
	 * @param id the id
	 * @param endpointId the endpoint
	 * @param mode the mode
	 * @param ttl the time to live
	 * @param truncationType the truncation type
	 * @param lastHistoryTokens the token limit of {@code last_history_tokens}
	 * @param messages the messages held
	 * @param tokens the tokens held
	 * @param turns the calls answered
	 * @param createdAt the creation time
	 * @param lastUsedAt the last use
	 * @param expiresAt the expiry time
	 * @param expired whether it has expired
	 * @param inProgress whether a call is in progress
	 */
	public MockContext {
		messages = List.copyOf(messages);
	}

}
