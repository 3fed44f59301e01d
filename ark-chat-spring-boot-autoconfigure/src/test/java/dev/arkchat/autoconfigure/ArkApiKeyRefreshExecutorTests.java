package dev.arkchat.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ArkApiKeyRefreshExecutor}: named daemon threads, and a close that interrupts a running refresh and refuses
 * new ones.
 */
class ArkApiKeyRefreshExecutorTests {

	@Test
	void runsRefreshesOnNamedDaemonThreads() throws InterruptedException {
		try (ArkApiKeyRefreshExecutor executor = new ArkApiKeyRefreshExecutor()) {
			AtomicReference<Thread> ran = new AtomicReference<>();
			CountDownLatch done = new CountDownLatch(1);

			executor.execute(() -> {
				ran.set(Thread.currentThread());
				done.countDown();
			});

			assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(ran.get().getName()).startsWith(ArkApiKeyRefreshExecutor.THREAD_NAME_PREFIX);
			assertThat(ran.get().isDaemon()).isTrue();
		}
	}

	@Test
	void closeInterruptsARunningRefreshAndRefusesNewOnes() throws InterruptedException {
		ArkApiKeyRefreshExecutor executor = new ArkApiKeyRefreshExecutor();
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		executor.execute(() -> {
			started.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		executor.close();

		assertThat(executor.isTerminated()).isTrue();
		assertThat(interrupted).isTrue();
		assertThat(executor.threads()).isZero();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.execute(() -> {
		}));
	}

}
