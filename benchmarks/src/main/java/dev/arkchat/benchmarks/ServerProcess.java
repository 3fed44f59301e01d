package dev.arkchat.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link LoopbackServer} in a JVM of its own, so that its threads, CPU profile and allocations are not
 * counted in the benchmark's JVM ({@code -prof gc} measures the client alone). The child dies when this one closes it
 * or exits (it serves until its standard input closes).
 */
public final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private ServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the server with this JVM's {@code java} and class path.
	 * @return the running server
	 */
	public static ServerProcess start() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx1g", "-XX:+UseParallelGC",
				"-Djava.net.preferIPv4Stack=true", "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"),
				LoopbackServer.class.getName()));
		builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		try {
			Process process = builder.start();
			BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line = out.readLine();
			if (line == null || !line.startsWith("PORT ")) {
				process.destroyForcibly();
				throw new IllegalStateException("The loopback server did not start: " + line);
			}
			return new ServerProcess(process, Integer.parseInt(line.substring(5).trim()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The base URL of one behaviour of the server.
	 * @param prefix {@code blocking}, {@code stream}, {@code first} or {@code paced}
	 * @return for example {@code http://127.0.0.1:40000/stream}
	 */
	public String baseUrl(String prefix) {
		return "http://127.0.0.1:" + this.port + "/" + prefix;
	}

	/**
	 * The full E1 URI of one behaviour.
	 * @param prefix the behaviour
	 * @return the URI
	 */
	public URI uri(String prefix) {
		return URI.create(baseUrl(prefix) + LoopbackServer.PATH);
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
