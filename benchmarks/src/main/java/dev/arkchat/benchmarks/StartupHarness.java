package dev.arkchat.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Figure 6: the startup time the starter adds to a minimal Spring Boot application. Starts
 * {@code dev.arkchat.benchmarks.startup.MinimalApplication} in fresh JVMs, in turn in five set-ups:
 * {@code spring-boot-starter} alone, and with {@code ark-chat-spring-boot-starter} added (the figure the target is
 * about); then {@code spring-boot-starter-restclient} (an application that already calls HTTP services with Boot's
 * {@code RestClient}), and with the starter added (which then also applies {@code spring.http.clients.*} and Boot's
 * {@code RestClient} customizers to Ark's clients); last, the first class path again with a bean of the
 * application that injects ark-chat's bot template, which ark-chat otherwise creates only when first used. Reports
 * the medians of the time until the context is ready (JVM
 * uptime, JVM start included) and of the process's whole wall time. What the starter adds is the median of the
 * round-by-round differences, with a 95% bootstrap interval: the runs of the five are interleaved, forwards and
 * backwards in turn, so that a change in the machine's load falls on all of them alike.
 * <p>
 * The CPU time of the main thread until the context is ready is reported the same way: it leaves out the time the
 * main thread waits for a core (the JIT compiler's threads compete for the two), so it depends less on the machine's
 * load, though not on its speed.
 * <p>
 * Usage: {@code StartupHarness --baseline <classpath file> --restclient <classpath file> --starter <classpath file>
 * --classes <dir> [--runs 30] [--target-only]}. {@code --target-only} starts the first two set-ups alone (the
 * target's figure), so that more rounds fit in the same time. The class path files are written by
 * {@code dependency:build-classpath} (see {@code benchmarks/run.sh}).
 */
public final class StartupHarness {

	private static final String APP = "dev.arkchat.benchmarks.startup.MinimalApplication";

	private StartupHarness() {
	}

	/**
	 * Runs the comparison.
	 * @param args see the class description
	 * @throws Exception when a JVM cannot be started
	 */
	public static void main(String[] args) throws Exception {
		String classes = ConcurrentStreams.option(args, "--classes", "target/classes");
		List<String> baseline = entries(ConcurrentStreams.option(args, "--baseline",
				"target/startup-baseline-classpath.txt"));
		List<String> restclient = entries(ConcurrentStreams.option(args, "--restclient",
				"target/startup-restclient-classpath.txt"));
		List<String> starter = entries(ConcurrentStreams.option(args, "--starter", "target/starter-classpath.txt"));
		int runs = Integer.parseInt(ConcurrentStreams.option(args, "--runs", "30"));
		int setups = List.of(args).contains("--target-only") ? 2 : 5;
		String[] classpaths = { join(classes, baseline, List.of()), join(classes, baseline, starter),
				join(classes, restclient, List.of()), join(classes, restclient, starter),
				join(classes, baseline, starter) };
		String[] names = { "`spring-boot-starter` only", "+ `ark-chat-spring-boot-starter`",
				"`spring-boot-starter-restclient` (an application using Boot's RestClient)",
				"+ `ark-chat-spring-boot-starter`",
				"`spring-boot-starter` + `ark-chat-spring-boot-starter`, a bean of the application injecting "
						+ "`BotChatOperations`" };
		boolean[] withArk = { false, true, false, true, true };
		// the application each one is compared with
		int[] comparedWith = { -1, 0, -1, 2, 0 };
		// the last one has a bean that needs ark-chat's bot template, which is then created at startup
		String[][] extraArgs = { {}, {}, {}, {}, { "--bench.use-bot-chat=true" } };
		// one of each first, not counted: file system cache, CDS archive
		for (int c = 0; c < setups; c++) {
			run(classpaths[c], extraArgs[c]);
		}
		List<List<Long>> ready = new ArrayList<>();
		List<List<Long>> wall = new ArrayList<>();
		List<List<Long>> mainThreadCpu = new ArrayList<>();
		for (int c = 0; c < setups; c++) {
			ready.add(new ArrayList<>());
			wall.add(new ArrayList<>());
			mainThreadCpu.add(new ArrayList<>());
		}
		int[] beans = new int[setups];
		for (int i = 0; i < runs; i++) {
			// forwards in even rounds, backwards in odd ones: a set-up is not always started right after the same one
			for (int k = 0; k < setups; k++) {
				int c = (i % 2 == 0) ? k : setups - 1 - k;
				Run run = run(classpaths[c], extraArgs[c]);
				if (run.ark != withArk[c]) {
					throw new IllegalStateException("ark-chat's beans " + (run.ark ? "are" : "are not") + " in '"
							+ names[c] + "'");
				}
				ready.get(c).add(run.ready);
				wall.get(c).add(run.wall);
				mainThreadCpu.get(c).add(run.mainThreadCpu);
				beans[c] = run.beans;
			}
		}
		System.out.println("| application | beans | ready (median of " + runs
				+ " starts) | process wall time (median) | main thread's CPU until ready (median) |");
		System.out.println("|---|---|---|---|---|");
		for (int c = 0; c < setups; c++) {
			System.out.printf(Locale.ROOT, "| %s | %d | %d ms | %d ms | %d ms |%n", names[c], beans[c],
					median(ready.get(c)), median(wall.get(c)), median(mainThreadCpu.get(c)));
			int base = comparedWith[c];
			if (base >= 0) {
				List<Long> added = differences(ready.get(c), ready.get(base));
				long[] interval = confidenceInterval(added);
				List<Long> addedCpu = differences(mainThreadCpu.get(c), mainThreadCpu.get(base));
				long[] cpuInterval = confidenceInterval(addedCpu);
				System.out.printf(Locale.ROOT,
						"| **added by ark-chat-spring-boot-starter** (median of the %d paired differences; 95%% "
								+ "interval) | %+d | **%+d ms** (%+d to %+d) | %+d ms | %+d ms (%+d to %+d) |%n",
						runs, beans[c] - beans[base], median(added), interval[0], interval[1],
						median(differences(wall.get(c), wall.get(base))), median(addedCpu), cpuInterval[0],
						cpuInterval[1]);
			}
		}
	}

	/**
	 * The differences of two set-ups started in the same rounds, round by round. The machine's speed changes from
	 * one start to the next (on a shared 2-core machine one start's time varies by some 100-200 ms), and two starts
	 * of the same round see more of the same machine than two medians do.
	 */
	private static List<Long> differences(List<Long> values, List<Long> base) {
		List<Long> differences = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			differences.add(values.get(i) - base.get(i));
		}
		return differences;
	}

	/**
	 * A 95% bootstrap interval of the median (percentiles of the medians of 2,000 resamples; fixed seed, so that the
	 * same figures give the same interval).
	 */
	private static long[] confidenceInterval(List<Long> values) {
		Random random = new Random(42);
		List<Long> medians = new ArrayList<>();
		for (int b = 0; b < 2000; b++) {
			List<Long> resample = new ArrayList<>();
			for (int i = 0; i < values.size(); i++) {
				resample.add(values.get(random.nextInt(values.size())));
			}
			medians.add(median(resample));
		}
		Collections.sort(medians);
		return new long[] { medians.get(50), medians.get(1949) };
	}

	private static List<String> entries(String file) throws IOException {
		return List.of(Files.readString(Path.of(file)).trim().split(java.io.File.pathSeparator));
	}

	private static String join(String classes, List<String> baseline, List<String> more) {
		java.util.LinkedHashSet<String> entries = new java.util.LinkedHashSet<>();
		entries.add(classes);
		entries.addAll(baseline);
		entries.addAll(more);
		return String.join(java.io.File.pathSeparator, entries);
	}

	private static Run run(String classpath, String... extraArgs) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, APP, "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--ark.chat.api-key=bench-api-key",
				"--ark.chat.bot.id=bot-20250708150000-bench"));
		command.addAll(List.of(extraArgs));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.redirectErrorStream(true);
		long start = System.nanoTime();
		Process process = builder.start();
		String ready = null;
		StringBuilder output = new StringBuilder();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("READY ")) {
					ready = line;
				}
				else {
					output.append(line).append('\n');
				}
			}
		}
		int exit = process.waitFor();
		long wall = (System.nanoTime() - start) / 1_000_000;
		if (exit != 0 || ready == null) {
			throw new IllegalStateException("The application failed (exit " + exit + "):\n" + output);
		}
		String[] parts = ready.split(" ");
		return new Run(Long.parseLong(parts[1]), wall, Integer.parseInt(parts[2]), Boolean.parseBoolean(parts[3]),
				Long.parseLong(parts[5]));
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private record Run(long ready, long wall, int beans, boolean ark, long mainThreadCpu) {
	}

}
