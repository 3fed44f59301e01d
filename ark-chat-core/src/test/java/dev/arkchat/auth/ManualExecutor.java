package dev.arkchat.auth;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** An executor that only queues tasks; the test runs them when it chooses. */
final class ManualExecutor implements Executor {

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
	}

	int queued() {
		return this.tasks.size();
	}

	void runAll() {
		Runnable task;
		while ((task = this.tasks.poll()) != null) {
			task.run();
		}
	}

}
