package dev.arkchat.context;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.arkchat.ArkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ConversationLocks}: one holder per conversation, no entry left for idle ones. */
class ConversationLocksTest {

	private final ConversationLocks locks = new ConversationLocks();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void tearDown() {
		this.threads.shutdownNow();
	}

	@Test
	void anEntryLivesOnlyWhileHeld() {
		ConversationLocks.Lease lease = this.locks.acquire("a");
		assertThat(this.locks.users("a")).isEqualTo(1);

		lease.close();
		lease.close();

		assertThat(this.locks.size()).isZero();
		assertThat(this.locks.users("a")).isZero();
		this.locks.acquire("a").close();
		assertThat(this.locks.size()).isZero();
	}

	@Test
	void aSecondCallerWaitsAndAnotherConversationDoesNot() throws Exception {
		ConversationLocks.Lease held = this.locks.acquire("a");
		CountDownLatch acquired = new CountDownLatch(1);
		Future<?> waiter = this.threads.submit(() -> {
			ConversationLocks.Lease lease = this.locks.acquire("a");
			acquired.countDown();
			lease.close();
		});
		awaitUsers("a", 2);

		this.locks.acquire("b").close();
		assertThat(acquired.getCount()).isEqualTo(1);

		// released by another thread than the one that acquired: as when a stream is closed elsewhere
		this.threads.submit(held::close).get(10, TimeUnit.SECONDS);
		assertThat(acquired.await(10, TimeUnit.SECONDS)).isTrue();
		waiter.get(10, TimeUnit.SECONDS);
		assertThat(this.locks.size()).isZero();
	}

	@Test
	void anInterruptedWaiterLeavesNoEntryAndKeepsItsInterrupt() throws Exception {
		ConversationLocks.Lease held = this.locks.acquire("a");
		CountDownLatch failed = new CountDownLatch(1);
		Thread waiter = new Thread(() -> {
			assertThatThrownBy(() -> this.locks.acquire("a")).isInstanceOf(ArkException.class)
				.hasMessageContaining("conversation 'a'");
			if (Thread.currentThread().isInterrupted()) {
				failed.countDown();
			}
		});
		waiter.start();
		awaitUsers("a", 2);

		waiter.interrupt();

		assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
		waiter.join();
		assertThat(this.locks.users("a")).isEqualTo(1);
		held.close();
		assertThat(this.locks.size()).isZero();
	}

	private void awaitUsers(String conversation, int users) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.locks.users(conversation) < users && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
		}
		assertThat(this.locks.users(conversation)).isEqualTo(users);
	}

}
