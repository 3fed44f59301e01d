package dev.arkchat.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof dev.arkchat.benchmarks.CpuTimeProfiler}) that reports the CPU time the benchmark's JVM
 * spent per operation, all its threads together (the client's, the HTTP client's selector and executor threads, GC
 * and JIT), as {@code cpu.time.norm} in microseconds. On a machine shared with other work the wall-clock score moves
 * with the load; the CPU spent per operation moves far less. The loopback server runs in another process and is not
 * counted.
 */
public final class CpuTimeProfiler implements InternalProfiler {

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long startCpu;

	@Override
	public String getDescription() {
		return "CPU time of the whole benchmark JVM per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.startCpu = this.os.getProcessCpuTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
			IterationParams iterationParams, IterationResult result) {
		long cpu = this.os.getProcessCpuTime() - this.startCpu;
		long ops = result.getMetadata().getAllOps();
		double perOp = (ops > 0) ? cpu / 1000.0 / ops : Double.NaN;
		return List.of(new ScalarResult("cpu.time.norm", perOp, "us/op", AggregationPolicy.AVG));
	}

}
