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

/**
 * Figures 2 and 3 (blocking): the round trip of one realistic blocking answer (the web-search bot's, about 9 KB with
 * references and tool details), and bytes allocated per call with {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Djava.net.preferIPv4Stack=true" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BlockingBenchmark {

	/** The client. */
	@Param({ "floor", "ark-chat", "official-sdk" })
	public String client;

	private ServerProcess server;

	private Contender contender;

	/** Starts the server and the client, and checks the client decodes the answer. */
	@Setup
	public void setUp() {
		this.server = ServerProcess.start();
		this.contender = Contender.create(this.client, this.server.baseUrl("blocking"));
		Verify.chat(this.contender);
	}

	/** Stops both. */
	@TearDown
	public void tearDown() {
		this.contender.close();
		this.server.close();
	}

	/**
	 * One blocking call.
	 * @return the answer's text
	 */
	@Benchmark
	public String chat() {
		return this.contender.chat();
	}

}
