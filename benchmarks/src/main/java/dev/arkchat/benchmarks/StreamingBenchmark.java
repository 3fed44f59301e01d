package dev.arkchat.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Figures 1 and 3 (streaming): chunks decoded per second, and bytes allocated per chunk with {@code -prof gc}. One
 * operation is one whole stream of {@value Payloads#STREAM_CHUNKS} realistic chunks, from request to {@code [DONE]},
 * counted as {@value Payloads#STREAM_CHUNKS} operations so that JMH reports chunks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Djava.net.preferIPv4Stack=true" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StreamingBenchmark {

	/** The client. */
	@Param({ "floor", "ark-chat", "official-sdk" })
	public String client;

	private ServerProcess server;

	private Contender contender;

	/** Starts the server and the client, and checks the client decodes the stream. */
	@Setup
	public void setUp() {
		this.server = ServerProcess.start();
		this.contender = Contender.create(this.client, this.server.baseUrl("stream"));
		Verify.stream(this.contender, Payloads.get().streamContent(), Payloads.STREAM_CHUNKS);
	}

	/** Stops both. */
	@TearDown
	public void tearDown() {
		this.contender.close();
		this.server.close();
	}

	/**
	 * One whole stream.
	 * @param blackhole takes every chunk's text
	 * @return the chunk count
	 */
	@Benchmark
	@OperationsPerInvocation(Payloads.STREAM_CHUNKS)
	public int stream(Blackhole blackhole) {
		return this.contender.stream(blackhole::consume);
	}

}
