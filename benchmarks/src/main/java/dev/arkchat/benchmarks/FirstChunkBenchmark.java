package dev.arkchat.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Figure 4: the time to the first chunk. The server answers with a stream of exactly one chunk and its
 * {@code [DONE]}, so one operation is everything between calling the client and holding the first decoded chunk
 * (request serialization, connection from the pool, headers, the stream's setup, the first event's decoding) plus
 * reading the terminator that arrived with it. The figure that matters is the difference to the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Djava.net.preferIPv4Stack=true" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FirstChunkBenchmark {

	/** The client. */
	@Param({ "floor", "ark-chat", "official-sdk" })
	public String client;

	private ServerProcess server;

	private Contender contender;

	/** Starts the server and the client, and checks the client decodes the chunk. */
	@Setup
	public void setUp() {
		this.server = ServerProcess.start();
		this.contender = Contender.create(this.client, this.server.baseUrl("first"));
		Verify.stream(this.contender, Payloads.get().firstChunkContent(), 1);
	}

	/** Stops both. */
	@TearDown
	public void tearDown() {
		this.contender.close();
		this.server.close();
	}

	/**
	 * One one-chunk stream.
	 * @param blackhole takes the chunk's text
	 * @return the chunk count
	 */
	@Benchmark
	public int firstChunk(Blackhole blackhole) {
		return this.contender.stream(blackhole::consume);
	}

}
