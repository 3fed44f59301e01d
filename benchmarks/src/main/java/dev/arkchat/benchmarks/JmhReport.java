package dev.arkchat.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the Markdown table of figures 1 to 4: the three clients side by
 * side, ark-chat's ratios, and each target with whether it is met.
 * <p>
 * Usage: {@code JmhReport target/jmh-results.json}.
 */
public final class JmhReport {

	private static final String[] CLIENTS = { "floor", "ark-chat", "official-sdk" };

	private final JsonNode results;

	private JmhReport(JsonNode results) {
		this.results = results;
	}

	/**
	 * Prints the table.
	 * @param args the JSON file
	 * @throws Exception when it cannot be read
	 */
	public static void main(String[] args) throws Exception {
		JsonNode results = JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])));
		new JmhReport(results).print();
	}

	private void print() {
		System.out.println("| figure | floor | ark-chat | official SDK | ark-chat ÷ floor | ark-chat ÷ SDK | target | met |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		String stream = "StreamingBenchmark.stream";
		String chat = "BlockingBenchmark.chat";
		String first = "FirstChunkBenchmark.firstChunk";

		double[] throughput = primary(stream);
		row("1. streaming decode throughput (chunks/s, higher is better)", throughput, "%.0f",
				"≥ 0.8× floor and ≥ 2× SDK",
				met(throughput[1] >= 0.8 * throughput[0] && throughput[1] >= 2 * throughput[2]));
		double[] streamCpu = secondary(stream, "cpu.time.norm");
		row("1. CPU per streamed chunk, whole JVM (µs)", streamCpu, "%.2f", "", "");

		double[] blocking = primary(chat);
		row("2. blocking round trip (µs/call, lower is better)", blocking, "%.0f", "≤ 1.1× floor",
				met(blocking[1] <= 1.1 * blocking[0]));
		double[] blockingCpu = secondary(chat, "cpu.time.norm");
		row("2. CPU per blocking call, whole JVM (µs)", blockingCpu, "%.0f", "", "");

		double[] allocChunk = secondary(stream, "gc.alloc.rate.norm");
		row("3. allocation per streamed chunk (bytes)", allocChunk, "%.0f", "≤ 0.5× SDK",
				met(allocChunk[1] <= 0.5 * allocChunk[2]));
		double[] allocCall = secondary(chat, "gc.alloc.rate.norm");
		row("3. allocation per blocking call (bytes)", allocCall, "%.0f", "", "");

		double[] ttfc = primary(first);
		System.out.printf(Locale.ROOT, "| 4. time to first chunk (µs) | %.0f | %.0f (%+.0f over floor) | %.0f (%+.0f over "
				+ "floor) | %.2f | %.2f | ≤ 1 ms added over floor | %s |%n", ttfc[0], ttfc[1], ttfc[1] - ttfc[0],
				ttfc[2], ttfc[2] - ttfc[0], ttfc[1] / ttfc[0], ttfc[1] / ttfc[2], met(ttfc[1] - ttfc[0] <= 1000));
		double[] ttfcCpu = secondary(first, "cpu.time.norm");
		row("4. CPU per one-chunk stream, whole JVM (µs)", ttfcCpu, "%.0f", "", "");
		double[] ttfcAlloc = secondary(first, "gc.alloc.rate.norm");
		row("4. allocation per one-chunk stream (bytes)", ttfcAlloc, "%.0f", "", "");
	}

	private void row(String name, double[] values, String format, String target, String met) {
		System.out.printf(Locale.ROOT, "| %s | " + format + " | " + format + " | " + format + " | %.2f | %.2f | %s | %s |%n",
				name, values[0], values[1], values[2], values[1] / values[0], values[1] / values[2], target, met);
	}

	private static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

	private double[] primary(String benchmark) {
		double[] values = new double[CLIENTS.length];
		for (int i = 0; i < CLIENTS.length; i++) {
			JsonNode result = find(benchmark, CLIENTS[i]);
			values[i] = (result != null) ? result.path("primaryMetric").path("score").asDouble(Double.NaN) : Double.NaN;
		}
		return values;
	}

	private double[] secondary(String benchmark, String metric) {
		double[] values = new double[CLIENTS.length];
		for (int i = 0; i < CLIENTS.length; i++) {
			JsonNode result = find(benchmark, CLIENTS[i]);
			values[i] = (result != null)
					? result.path("secondaryMetrics").path(metric).path("score").asDouble(Double.NaN) : Double.NaN;
		}
		return values;
	}

	private JsonNode find(String benchmark, String client) {
		for (JsonNode result : this.results) {
			if (result.path("benchmark").asString("").endsWith(benchmark)
					&& client.equals(result.path("params").path("client").asString(""))) {
				return result;
			}
		}
		return null;
	}

}
