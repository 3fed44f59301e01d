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

/**
 * Figure 6: the startup time the starter adds to a minimal Spring Boot application. Starts
 * {@code dev.arkchat.benchmarks.startup.MinimalApplication} in fresh JVMs, in turn with three class paths:
 * {@code spring-boot-starter} alone; that plus what {@code ark-chat-spring-boot-starter} brings except ark-chat's own
 * jars (that is {@code spring-boot-starter-restclient}: Spring's HTTP client, Jackson and their auto-configuration,
 * which any Boot application calling HTTP services already has); and that plus ark-chat's jars, the starter as a
 * user adds it. Reports the medians of the time until the context is ready (JVM uptime, JVM start included) and of the
 * process's whole wall time, and the differences.
 * <p>
 * Usage: {@code StartupHarness --baseline <classpath file> --starter <classpath file> --classes <dir> [--runs 15]}.
 * The class path files are written by {@code dependency:build-classpath} (see {@code benchmarks/run.sh}).
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
		List<String> starter = entries(ConcurrentStreams.option(args, "--starter", "target/starter-classpath.txt"));
		int runs = Integer.parseInt(ConcurrentStreams.option(args, "--runs", "15"));
		String[] classpaths = { join(classes, baseline, List.of()),
				join(classes, baseline, starter.stream().filter((e) -> !isArkChat(e)).toList()),
				join(classes, baseline, starter) };
		String[] names = { "spring-boot-starter only", "+ spring-boot-starter-restclient (the starter without ark-chat's jars)",
				"+ ark-chat-spring-boot-starter" };
		// one of each first, not counted: file system cache, CDS archive
		for (String classpath : classpaths) {
			run(classpath);
		}
		List<List<Long>> ready = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		List<List<Long>> wall = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		int[] beans = new int[3];
		for (int i = 0; i < runs; i++) {
			for (int c = 0; c < classpaths.length; c++) {
				Run run = run(classpaths[c]);
				if (run.ark != (c == 2)) {
					throw new IllegalStateException("ark-chat's beans " + (run.ark ? "are" : "are not") + " in '"
							+ names[c] + "'");
				}
				ready.get(c).add(run.ready);
				wall.get(c).add(run.wall);
				beans[c] = run.beans;
			}
		}
		System.out.println("| application | beans | ready (median of " + runs + " starts) | process wall time (median) |");
		System.out.println("|---|---|---|---|");
		for (int c = 0; c < classpaths.length; c++) {
			System.out.printf(Locale.ROOT, "| %s | %d | %d ms | %d ms |%n", names[c], beans[c], median(ready.get(c)),
					median(wall.get(c)));
		}
		System.out.printf(Locale.ROOT, "| **added by ark-chat-spring-boot-starter** (3rd - 1st) | %+d | **%+d ms** | **%+d ms** |%n",
				beans[2] - beans[0], median(ready.get(2)) - median(ready.get(0)),
				median(wall.get(2)) - median(wall.get(0)));
		System.out.printf(Locale.ROOT, "| of which ark-chat's own jars (3rd - 2nd) | %+d | %+d ms | %+d ms |%n",
				beans[2] - beans[1], median(ready.get(2)) - median(ready.get(1)),
				median(wall.get(2)) - median(wall.get(1)));
	}

	private static boolean isArkChat(String entry) {
		return Path.of(entry).getFileName().toString().startsWith("ark-chat-");
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

	private static Run run(String classpath) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, APP, "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--ark.chat.api-key=bench-api-key",
				"--ark.chat.bot.id=bot-20250708150000-bench");
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
		return new Run(Long.parseLong(parts[1]), wall, Integer.parseInt(parts[2]), Boolean.parseBoolean(parts[3]));
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private record Run(long ready, long wall, int beans, boolean ark) {
	}

}
