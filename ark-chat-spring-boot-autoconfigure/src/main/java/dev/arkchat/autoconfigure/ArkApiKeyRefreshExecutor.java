package dev.arkchat.autoconfigure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the background refreshes of temporary API keys: at most two daemon threads named {@code ark-api-key-refresh-N},
 * created when a refresh is due and ended after 30 idle seconds, so that no thread is held between refreshes (one per
 * bot per key lifetime). Closed with the application context: a refresh still running is interrupted and no new one
 * starts (the provider then keeps the valid key).
 * <p>
 * Deliberately not Boot's {@code applicationTaskExecutor}: that one may be absent, may be replaced by an application
 * {@code Executor} bean of any kind, and is shared with {@code @Async} and web work, behind which a refresh could wait
 * until the key expired and every Ark call blocked. Deliberately not an {@link java.util.concurrent.Executor} bean
 * either, so that Boot's own task executor does not back off because of it.
 */
final class ArkApiKeyRefreshExecutor implements AutoCloseable {

	static final String THREAD_NAME_PREFIX = "ark-api-key-refresh-";

	private static final int THREADS = 2;

	private static final long IDLE_SECONDS = 30;

	private static final long CLOSE_WAIT_SECONDS = 5;

	private final ThreadPoolExecutor executor;

	ArkApiKeyRefreshExecutor() {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory threads = (task) -> {
			Thread thread = new Thread(task, THREAD_NAME_PREFIX + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.executor = new ThreadPoolExecutor(THREADS, THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), threads);
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * Runs a refresh.
	 * @param task the refresh
	 * @throws java.util.concurrent.RejectedExecutionException once closed
	 */
	void execute(Runnable task) {
		this.executor.execute(task);
	}

	/**
	 * Whether the executor was closed and every refresh has ended.
	 * @return {@code true} once terminated
	 */
	boolean isTerminated() {
		return this.executor.isTerminated();
	}

	/**
	 * How many threads are alive now.
	 * @return the number of threads
	 */
	int threads() {
		return this.executor.getPoolSize();
	}

	/** Interrupts running refreshes, drops queued ones and waits briefly for the threads to end. */
	@Override
	public void close() {
		ExecutorService executor = this.executor;
		executor.shutdownNow();
		try {
			executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "ArkApiKeyRefreshExecutor{threads=" + this.executor.getPoolSize() + ", shutdown="
				+ this.executor.isShutdown() + "}";
	}

}
