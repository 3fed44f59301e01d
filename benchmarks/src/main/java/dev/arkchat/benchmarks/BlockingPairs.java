package dev.arkchat.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Figure 2's ratio, measured in pairs: ark-chat's blocking round trip against the floor's, in one JVM against one
 * loopback server, in alternating blocks of calls. JMH measures one client after the other, minutes apart, so that
 * on a shared machine a change of the machine's speed between them shows as a change of the ratio (runs gave 1.07×
 * to 1.22×). Here each round times a block of floor calls and a block of ark-chat calls back to back (which goes
 * first alternates), and the figure is the median of the rounds' ratios: what the machine does to both in the same
 * second cancels out. The first fifth of the rounds warms the code and is not counted.
 * <p>
 * Usage: {@code BlockingPairs [--rounds 100] [--calls 400] [--header]}. Prints one Markdown table row.
 */
public final class BlockingPairs {

	private BlockingPairs() {
	}

	/**
	 * Runs the pairs.
	 * @param args see the class description
	 */
	public static void main(String[] args) {
		int rounds = Integer.parseInt(ConcurrentStreams.option(args, "--rounds", "100"));
		int calls = Integer.parseInt(ConcurrentStreams.option(args, "--calls", "400"));
		boolean header = List.of(args).contains("--header");
		int warmUp = rounds / 5;
		List<Double> ratios = new ArrayList<>();
		List<Double> floorTimes = new ArrayList<>();
		List<Double> arkChatTimes = new ArrayList<>();
		try (ServerProcess server = ServerProcess.start();
				Contender floor = Contender.create("floor", server.baseUrl("blocking"));
				Contender arkChat = Contender.create("ark-chat", server.baseUrl("blocking"))) {
			Verify.chat(floor);
			Verify.chat(arkChat);
			for (int round = 0; round < rounds; round++) {
				boolean floorFirst = (round % 2) == 0;
				double first = timePerCall(floorFirst ? floor : arkChat, calls);
				double second = timePerCall(floorFirst ? arkChat : floor, calls);
				double floorTime = floorFirst ? first : second;
				double arkChatTime = floorFirst ? second : first;
				if (round >= warmUp) {
					floorTimes.add(floorTime);
					arkChatTimes.add(arkChatTime);
					ratios.add(arkChatTime / floorTime);
				}
			}
		}
		if (header) {
			System.out.println("| rounds × calls | floor (median of rounds) | ark-chat (median of rounds) "
					+ "| ark-chat ÷ floor: median of the rounds' ratios | quartiles of the ratios |");
			System.out.println("|---|---|---|---|---|");
		}
		System.out.printf(Locale.ROOT, "| %d × %d | %.0f µs | %.0f µs | **%.3f×** | %.3f× – %.3f× |%n",
				ratios.size(), calls, percentile(floorTimes, 50), percentile(arkChatTimes, 50),
				percentile(ratios, 50), percentile(ratios, 25), percentile(ratios, 75));
	}

	/** The mean time of one call over a block of calls, in microseconds. */
	private static double timePerCall(Contender contender, int calls) {
		long checksum = 0;
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			checksum += contender.chat().length();
		}
		double micros = (System.nanoTime() - start) / 1_000.0 / calls;
		if (checksum == 0) {
			throw new IllegalStateException("Every answer was empty");
		}
		return micros;
	}

	private static double percentile(List<Double> values, int percent) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
	}

}
