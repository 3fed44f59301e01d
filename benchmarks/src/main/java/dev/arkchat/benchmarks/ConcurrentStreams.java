package dev.arkchat.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 5 and the reliability issue's load check: N streams at once against the loopback server's paced stream
 * ({@value LoopbackServer#PACED_MILLIS} ms on the server side each), one thread per stream as a thread-per-request
 * application has, each client with its default settings. Reports the wall time until every stream has ended, the
 * spread of single streams' times (queueing shows there), whether every stream delivered the whole content, the peak
 * heap in use and the peak thread count.
 * <p>
 * Usage: {@code ConcurrentStreams --client ark-chat --streams 256 [--threads platform|virtual|auto]
 * [--timeout-seconds 180]}. {@code auto} means virtual threads on JDK 21+, platform threads before. Prints one
 * Markdown table row.
 */
public final class ConcurrentStreams {

	private ConcurrentStreams() {
	}

	/**
	 * Runs one client.
	 * @param args see the class description
	 * @throws Exception when the run cannot be set up
	 */
	public static void main(String[] args) throws Exception {
		String client = option(args, "--client", "ark-chat");
		int streams = Integer.parseInt(option(args, "--streams", "256"));
		String threads = option(args, "--threads", "auto");
		long timeoutSeconds = Long.parseLong(option(args, "--timeout-seconds", "180"));
		boolean header = Arrays.asList(args).contains("--header");
		ThreadFactory factory = threadFactory(threads);
		String threadKind = isVirtual(factory) ? "virtual" : "platform";
		String expected = Payloads.get().streamContent();

		try (ServerProcess server = ServerProcess.start();
				Contender warm = Contender.create(client, server.baseUrl("stream"));
				Contender contender = Contender.create(client, server.baseUrl("paced"))) {
			// warm the code paths (not the paced client's connections) so that the figure is not the JIT's
			for (int i = 0; i < 300; i++) {
				Verify.stream(warm, expected, Payloads.STREAM_CHUNKS);
			}
			System.gc();

			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
			threadBean.resetPeakThreadCount();
			AtomicLong peakHeap = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-sampler");
			sampler.setDaemon(true);
			sampler.start();

			CountDownLatch go = new CountDownLatch(1);
			CountDownLatch done = new CountDownLatch(streams);
			AtomicInteger correct = new AtomicInteger();
			AtomicInteger failed = new AtomicInteger();
			List<String> failures = new ArrayList<>();
			long[] durations = new long[streams];
			for (int i = 0; i < streams; i++) {
				int slot = i;
				Thread thread = factory.newThread(() -> {
					try {
						go.await();
						long start = System.nanoTime();
						StringBuilder content = new StringBuilder();
						int chunks = contender.stream(content::append);
						durations[slot] = System.nanoTime() - start;
						if (chunks == Payloads.STREAM_CHUNKS && content.toString().equals(expected)) {
							correct.incrementAndGet();
						}
						else {
							failed.incrementAndGet();
						}
					}
					catch (Throwable ex) {
						failed.incrementAndGet();
						synchronized (failures) {
							if (failures.size() < 3) {
								failures.add(ex.toString());
							}
						}
					}
					finally {
						done.countDown();
					}
				});
				thread.start();
			}
			long start = System.nanoTime();
			go.countDown();
			boolean finished = done.await(timeoutSeconds, TimeUnit.SECONDS);
			long wall = System.nanoTime() - start;
			sampler.interrupt();
			long[] sorted = Arrays.stream(durations).filter((d) -> d > 0).sorted().toArray();

			if (header) {
				System.out.println("| client | JDK | threads | streams | wall time | one stream: min / median / max "
						+ "| complete and correct | peak heap used | peak threads |");
				System.out.println("|---|---|---|---|---|---|---|---|---|");
			}
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %d of %d%s | %d MB | %d |%n", client,
					Runtime.version().feature(), threadKind, streams,
					finished ? String.format(Locale.ROOT, "%.2f s", wall / 1e9)
							: "> " + timeoutSeconds + " s (timed out)",
					spread(sorted), correct.get(), streams, (failed.get() > 0) ? " (" + failed.get() + " failed)" : "",
					peakHeap.get() / (1024 * 1024), threadBean.getPeakThreadCount());
			for (String failure : failures) {
				System.err.println("  failure: " + failure);
			}
			System.out.flush();
		}
		System.exit(0);
	}

	private static String spread(long[] sorted) {
		if (sorted.length == 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "%.2f / %.2f / %.2f s", sorted[0] / 1e9, sorted[sorted.length / 2] / 1e9,
				sorted[sorted.length - 1] / 1e9);
	}

	/** Virtual threads through reflection: the module compiles for Java 17 and runs on 17 as on 25. */
	private static ThreadFactory threadFactory(String kind) throws ReflectiveOperationException {
		boolean virtualAvailable = Runtime.version().feature() >= 21;
		boolean virtual = switch (kind) {
			case "virtual" -> {
				if (!virtualAvailable) {
					throw new IllegalArgumentException("Virtual threads need JDK 21 or later");
				}
				yield true;
			}
			case "platform" -> false;
			default -> virtualAvailable;
		};
		if (!virtual) {
			return (task) -> {
				Thread thread = new Thread(task, "stream");
				thread.setDaemon(true);
				return thread;
			};
		}
		Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
		Method factory = Class.forName("java.lang.Thread$Builder").getMethod("factory");
		return (ThreadFactory) factory.invoke(builder);
	}

	private static boolean isVirtual(ThreadFactory factory) {
		Thread probe = factory.newThread(() -> {
		});
		try {
			return (Boolean) Thread.class.getMethod("isVirtual").invoke(probe);
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
