package dev.arkchat.context;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.arkchat.ArkException;

/**
 * One lock per conversation, held while a call on it is in progress. An entry exists only while some thread holds or
 * waits for it (counted inside {@link ConcurrentHashMap#compute}), so idle conversations cost no memory. The lock is a
 * fair one-permit semaphore rather than a {@code ReentrantLock}: a stream may be closed, and its lock released, by
 * another thread than the one that opened it; fairness keeps the turns of a conversation in arrival order.
 */
final class ConversationLocks {

	private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * Waits for the conversation's lock.
	 * @param conversationId the conversation
	 * @return the held lock, to be closed exactly once (closing again does nothing)
	 * @throws ArkException when the thread is interrupted while waiting (the interrupt flag is kept)
	 */
	Lease acquire(String conversationId) {
		Entry entry = this.entries.compute(conversationId, (key, current) -> {
			Entry e = (current != null) ? current : new Entry();
			e.users++;
			return e;
		});
		try {
			entry.permit.acquire();
		}
		catch (InterruptedException ex) {
			leave(conversationId);
			Thread.currentThread().interrupt();
			throw new ArkException("Interrupted while waiting for the previous call of conversation '"
					+ conversationId + "' to finish", ex);
		}
		return new Lease(conversationId, entry);
	}

	/**
	 * How many threads hold or wait for a conversation's lock.
	 * @param conversationId the conversation
	 * @return the count, 0 when idle
	 */
	int users(String conversationId) {
		Entry entry = this.entries.get(conversationId);
		return (entry != null) ? entry.users : 0;
	}

	/**
	 * How many conversations have a lock entry.
	 * @return the count, 0 when every conversation is idle
	 */
	int size() {
		return this.entries.size();
	}

	private void leave(String conversationId) {
		this.entries.computeIfPresent(conversationId, (key, current) -> (--current.users == 0) ? null : current);
	}

	private static final class Entry {

		private final Semaphore permit = new Semaphore(1, true);

		private volatile int users;

	}

	/** A held conversation lock. */
	final class Lease implements AutoCloseable {

		private final String conversationId;

		private final Entry entry;

		private final AtomicBoolean released = new AtomicBoolean();

		private Lease(String conversationId, Entry entry) {
			this.conversationId = conversationId;
			this.entry = entry;
		}

		@Override
		public void close() {
			if (this.released.compareAndSet(false, true)) {
				this.entry.permit.release();
				leave(this.conversationId);
			}
		}

	}

}
