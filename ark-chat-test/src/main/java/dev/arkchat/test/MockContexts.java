package dev.arkchat.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.arkchat.chat.ChatMessage;
import org.jspecify.annotations.Nullable;

/**
 * The contexts the fake Ark holds ({@code POST /api/v3/context/create}), for tests to inspect and to age: read a
 * context's tokens, turns and messages, let one expire now ({@link #expire(String)}), or drive time with a
 * {@link #clock(Clock) clock} of your own, since a context expires {@code ttl} seconds after its last use. Cleared by
 * {@link ArkMockServer#reset()}, which also restores the system clock. Thread-safe.
 * <pre>{@code
 * String id = ark.contexts().all().get(0).id();
 * assertThat(ark.contexts().get(id).turns()).isEqualTo(3);
 * ark.contexts().expire(id);            // the next call on it fails as after its time to live
 * }</pre>
 */
public final class MockContexts {

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private final Map<String, ContextState> contexts = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private volatile Clock clock = Clock.systemUTC();

	MockContexts() {
	}

	/**
	 * Every context created since the start or the last reset, expired ones included, oldest first.
	 * @return snapshots of the contexts
	 */
	public List<MockContext> all() {
		Instant now = now();
		return this.contexts.values()
			.stream()
			.sorted(Comparator.comparingLong((ContextState state) -> state.sequence))
			.map((state) -> state.snapshot(now))
			.toList();
	}

	/**
	 * A context, expired or not.
	 * @param contextId the context id ({@code ctx-…})
	 * @return a snapshot, or empty when the fake never created it
	 */
	public Optional<MockContext> find(String contextId) {
		ContextState state = this.contexts.get(contextId);
		return (state != null) ? Optional.of(state.snapshot(now())) : Optional.empty();
	}

	/**
	 * A context, expired or not.
	 * @param contextId the context id ({@code ctx-…})
	 * @return a snapshot
	 * @throws IllegalArgumentException when the fake never created it
	 */
	public MockContext get(String contextId) {
		return require(contextId).snapshot(now());
	}

	/**
	 * Lets a context expire now, as if its time to live had run out: calls on it fail from now on.
	 * @param contextId the context id
	 * @return these contexts
	 * @throws IllegalArgumentException when the fake never created it
	 */
	public MockContexts expire(String contextId) {
		require(contextId).markExpired();
		return this;
	}

	/**
	 * Lets every context created so far expire now.
	 * @return these contexts
	 */
	public MockContexts expireAll() {
		this.contexts.values().forEach(ContextState::markExpired);
		return this;
	}

	/**
	 * Sets the clock that times contexts: creation, last use and expiry ({@code lastUsedAt + ttl}). A test that
	 * advances its own clock sees contexts expire, and sees every call renew a context's time to live.
	 * @param clock the clock
	 * @return these contexts
	 */
	public MockContexts clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		return this;
	}

	/**
	 * The clock that times contexts.
	 * @return the clock, the system's unless {@link #clock(Clock)} set another
	 */
	public Clock clock() {
		return this.clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	@Nullable ContextState state(String contextId) {
		return this.contexts.get(contextId);
	}

	ContextState create(String endpointId, String mode, long ttlSeconds, @Nullable String truncationType,
			@Nullable Integer lastHistoryTokens, List<ChatMessage> messages, int tokens) {
		Instant now = now();
		while (true) {
			String id = newId(now);
			ContextState state = new ContextState(id, this.sequence.incrementAndGet(), endpointId, mode, ttlSeconds,
					truncationType, lastHistoryTokens, messages, tokens, now);
			if (this.contexts.putIfAbsent(id, state) == null) {
				return state;
			}
		}
	}

	void reset() {
		this.contexts.clear();
		this.clock = Clock.systemUTC();
	}

	private ContextState require(String contextId) {
		ContextState state = this.contexts.get(contextId);
		if (state == null) {
			throw new IllegalArgumentException("The fake Ark has no context '" + contextId + "'; it has "
					+ this.contexts.keySet());
		}
		return state;
	}

	/** Ids shaped like Ark's: {@code ctx-}, the creation time in UTC, a dash and five random characters. */
	private static String newId(Instant now) {
		StringBuilder sb = new StringBuilder("ctx-").append(ID_TIME.format(now)).append('-');
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 5; i++) {
			sb.append(ID_CHARS[random.nextInt(ID_CHARS.length)]);
		}
		return sb.toString();
	}

	@Override
	public String toString() {
		return "MockContexts{" + this.contexts.size() + " contexts}";
	}

}
