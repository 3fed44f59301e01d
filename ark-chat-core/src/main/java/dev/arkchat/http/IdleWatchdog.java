package dev.arkchat.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Guards a stream's body. It ends a stream that stayed silent too long: every byte that arrives resets the clock, so a
 * healthy stream that runs for minutes is never cut, while one that stalls is aborted after the idle timeout (one
 * scheduled check per idle period, not per read). A read by a thread that is already interrupted fails at once.
 */
final class IdleWatchdog implements Runnable {

	private static final ScheduledExecutorService SCHEDULER = scheduler();

	/**
	 * One daemon thread for every stream's check. A cancelled check is removed from the queue at once: left there until
	 * its time, each one would keep its stream (response, read buffers) reachable for a whole idle timeout after the
	 * stream closed, which at hundreds of streams a second is hundreds of megabytes.
	 */
	private static ScheduledExecutorService scheduler() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "ark-chat-stream-guard");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

	private final long idleNanos;

	private final Runnable abort;

	private volatile long lastActivity;

	private volatile boolean stopped;

	private volatile boolean timedOut;

	private volatile boolean interrupted;

	private volatile @Nullable ScheduledFuture<?> check;

	/**
	 * Creates a guard.
	 * @param idle the idle timeout, or {@code null} for none
	 * @param abort aborts the exchange
	 */
	IdleWatchdog(@Nullable Duration idle, Runnable abort) {
		this.idleNanos = (idle != null && !idle.isZero()) ? idle.toNanos() : 0;
		this.abort = abort;
	}

	/**
	 * Starts guarding a body.
	 * @param body the response body
	 * @return the guarded body
	 */
	InputStream watch(InputStream body) {
		this.lastActivity = System.nanoTime();
		if (this.idleNanos > 0) {
			schedule(this.idleNanos);
		}
		return new FilterInputStream(body) {

			@Override
			public int read() throws IOException {
				enter();
				try {
					return super.read();
				}
				finally {
					leave();
				}
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				enter();
				try {
					return super.read(buffer, offset, length);
				}
				finally {
					leave();
				}
			}

		};
	}

	private void enter() throws IOException {
		Thread current = Thread.currentThread();
		if (current.isInterrupted()) {
			this.interrupted = true;
			throw new java.io.InterruptedIOException("Interrupted before reading the stream");
		}
	}

	private void leave() {
		this.lastActivity = System.nanoTime();
	}

	private void schedule(long delayNanos) {
		if (!this.stopped) {
			ScheduledFuture<?> next = SCHEDULER.schedule(this, Math.max(delayNanos, TimeUnit.MILLISECONDS.toNanos(1)),
					TimeUnit.NANOSECONDS);
			this.check = next;
			if (this.stopped) {
				// stopped while this check was being scheduled: do not leave it queued
				next.cancel(false);
			}
		}
	}

	@Override
	public void run() {
		if (this.stopped) {
			return;
		}
		long idle = System.nanoTime() - this.lastActivity;
		if (idle >= this.idleNanos) {
			this.timedOut = true;
			this.stopped = true;
			this.abort.run();
		}
		else {
			schedule(this.idleNanos - idle);
		}
	}

	/**
	 * Runs a task once, later, on the guards' thread (it must be short).
	 * @param task the task
	 * @param delayMillis the delay in milliseconds
	 * @return the scheduled task, to cancel
	 */
	static ScheduledFuture<?> later(Runnable task, long delayMillis) {
		return SCHEDULER.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
	}

	/** How many checks are queued, for all streams (tests). */
	static int pendingChecks() {
		return ((ScheduledThreadPoolExecutor) SCHEDULER).getQueue().size();
	}

	boolean isTimedOut() {
		return this.timedOut;
	}

	boolean isInterrupted() {
		return this.interrupted;
	}

	void stop() {
		this.stopped = true;
		ScheduledFuture<?> pending = this.check;
		if (pending != null) {
			pending.cancel(false);
		}
	}

}
