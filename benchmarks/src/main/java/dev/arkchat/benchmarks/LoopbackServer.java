package dev.arkchat.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Ark on 127.0.0.1 that costs almost nothing per request: every answer is a pre-rendered {@code byte[]} from
 * {@link Payloads}, written with one call. Each behaviour has its own path prefix, so every client is simply pointed
 * at {@code http://127.0.0.1:<port>/<prefix>} as its base URL and calls the real E1 path
 * {@code /api/v3/bots/chat/completions} under it:
 * <ul>
 * <li>{@code /blocking}: the web-search answer as {@code application/json};</li>
 * <li>{@code /stream}: the {@value Payloads#STREAM_CHUNKS}-chunk stream, chunked, all at once;</li>
 * <li>{@code /first}: a one-chunk stream;</li>
 * <li>{@code /paced}: the same stream paced over {@value #PACED_MILLIS} ms: {@value #PACED_BATCHES} batches of
 * events, one every {@code PACED_MILLIS / PACED_BATCHES} ms, {@code [DONE]} at the end.</li>
 * </ul>
 * Run as a program it prints {@code PORT <n>} and serves until its standard input closes, so that it dies with the
 * benchmark that started it ({@link ServerProcess}).
 */
public final class LoopbackServer implements AutoCloseable {

	/** The E1 path every client calls under its base URL. */
	public static final String PATH = "/api/v3/bots/chat/completions";

	/** How long a paced stream lasts on the server side. */
	public static final int PACED_MILLIS = 1000;

	/** How many writes a paced stream is sent in. */
	public static final int PACED_BATCHES = 20;

	private final HttpServer server;

	private final ExecutorService executor;

	private LoopbackServer(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Starts a server on an ephemeral loopback port.
	 * @return the running server
	 * @throws IOException when it cannot bind
	 */
	public static LoopbackServer start() throws IOException {
		// as every real server does: without it, Nagle's algorithm and delayed ACKs stall chunked writes by 40 ms
		System.setProperty("sun.net.httpserver.nodelay", "true");
		Payloads payloads = Payloads.get();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
		server.createContext("/blocking" + PATH, whole(payloads.blockingBody(), "application/json", true));
		server.createContext("/stream" + PATH, whole(payloads.streamBody(), "text/event-stream; charset=utf-8", false));
		server.createContext("/first" + PATH,
				whole(payloads.firstChunkBody(), "text/event-stream; charset=utf-8", false));
		server.createContext("/paced" + PATH, paced(payloads.streamEvents()));
		// one thread per exchange: a paced stream holds its thread for a second, and 500 of them run at once
		ExecutorService executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "loopback-server");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		server.start();
		return new LoopbackServer(server, executor);
	}

	/**
	 * The port.
	 * @return the bound port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	private static HttpHandler whole(byte[] body, String contentType, boolean fixedLength) {
		return (exchange) -> {
			drain(exchange);
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.getResponseHeaders().set("X-Request-Id", "021751892518000bench");
			// a stream goes out chunked, as Ark sends it; a whole answer with its length
			exchange.sendResponseHeaders(200, fixedLength ? body.length : 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		};
	}

	private static HttpHandler paced(List<byte[]> events) {
		long stepNanos = TimeUnit.MILLISECONDS.toNanos(PACED_MILLIS) / PACED_BATCHES;
		int perBatch = (events.size() - 1 + PACED_BATCHES - 1) / PACED_BATCHES;
		return (exchange) -> {
			drain(exchange);
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
			exchange.sendResponseHeaders(200, 0);
			long start = System.nanoTime();
			try (OutputStream out = exchange.getResponseBody()) {
				int next = 0;
				for (int batch = 0; batch < PACED_BATCHES; batch++) {
					sleepUntil(start + batch * stepNanos);
					int end = Math.min(next + perBatch, events.size() - 1);
					for (; next < end; next++) {
						out.write(events.get(next));
					}
					out.flush();
				}
				sleepUntil(start + PACED_BATCHES * stepNanos);
				out.write(events.get(events.size() - 1));
			}
		};
	}

	private static void sleepUntil(long deadline) {
		long wait;
		while ((wait = deadline - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
	}

	private static void drain(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			in.transferTo(OutputStream.nullOutputStream());
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * Serves until standard input closes.
	 * @param args none
	 * @throws IOException when the server cannot start
	 */
	public static void main(String[] args) throws IOException {
		try (LoopbackServer server = start()) {
			System.out.println("PORT " + server.port());
			System.out.flush();
			while (System.in.read() >= 0) {
				// wait for the parent to go away
			}
		}
		System.exit(0);
	}

}
