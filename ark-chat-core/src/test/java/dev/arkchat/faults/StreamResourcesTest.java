package dev.arkchat.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.bot.BotChatStream;
import dev.arkchat.http.RetrySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 streams opened and closed after their first chunk: every exchange is aborted (the server sees each client
 * leave), and live threads and open sockets return to their baseline. Nothing leaks per stream.
 */
class StreamResourcesTest {

	private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
			+ "Transfer-Encoding: chunked\r\n\r\n" + chunk("data: {\"id\":\"r\",\"choices\":[{\"index\":0,\"delta\":"
					+ "{\"content\":\"first\"}}]}\n\n"))
		.getBytes(StandardCharsets.UTF_8);

	private static String chunk(String text) {
		return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void tenThousandStreamsClosedEarlyLeaveNothingBehind() throws Exception {
		try (EndlessStreamServer server = new EndlessStreamServer()) {
			BotChatClient client = BotChatClient.builder().baseUrl(server.baseUrl()).apiKey("k")
				.transport((t) -> t.retry(RetrySettings.NONE))
				.build();
			BotChatRequest request = BotChatRequest.builder().bot("bot-1").user("hi").build();
			openAndClose(client, request, 200);
			server.awaitNoOpenConnections();
			int threadsBefore = liveThreads();
			long socketsBefore = openSockets();

			openAndClose(client, request, 10_000);

			server.awaitNoOpenConnections();
			assertThat(server.served()).isEqualTo(10_200);
			assertThat(server.abortedByClient()).as("every exchange was aborted by the client").isEqualTo(10_200);
			assertThat(liveThreads()).as("live threads").isLessThanOrEqualTo(threadsBefore + 2);
			if (socketsBefore >= 0) {
				assertThat(awaitSockets(socketsBefore + 2)).as("open sockets").isLessThanOrEqualTo(socketsBefore + 2);
			}
		}
	}

	private static void openAndClose(BotChatClient client, BotChatRequest request, int count) {
		for (int i = 0; i < count; i++) {
			try (BotChatStream stream = client.stream(request)) {
				assertThat(stream.iterator().next().content()).isEqualTo("first");
			}
		}
	}

	private static int liveThreads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	/** Sockets open in this process (client and server side), or -1 where /proc is not available. */
	private static long openSockets() throws IOException {
		Path fds = Path.of("/proc/self/fd");
		if (!Files.isDirectory(fds)) {
			return -1;
		}
		try (Stream<Path> list = Files.list(fds)) {
			return list.filter((fd) -> {
				try {
					return Files.readSymbolicLink(fd).toString().startsWith("socket:");
				}
				catch (IOException ex) {
					return false;
				}
			}).count();
		}
	}

	private static long awaitSockets(long atMost) throws Exception {
		long sockets = openSockets();
		for (int i = 0; i < 200 && sockets > atMost; i++) {
			Thread.sleep(50);
			sockets = openSockets();
		}
		return sockets;
	}

	/** Answers every request with the head of a stream that never ends, and notes when the client goes away. */
	private static final class EndlessStreamServer implements AutoCloseable {

		private final ServerSocket serverSocket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());

		private final AtomicInteger open = new AtomicInteger();

		private final AtomicInteger served = new AtomicInteger();

		private final AtomicInteger aborted = new AtomicInteger();

		EndlessStreamServer() throws IOException {
			Thread acceptor = new Thread(this::accept, "endless-stream-server");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		String baseUrl() {
			return "http://127.0.0.1:" + this.serverSocket.getLocalPort();
		}

		private void accept() {
			while (!this.serverSocket.isClosed()) {
				try {
					Socket socket = this.serverSocket.accept();
					this.open.incrementAndGet();
					Thread handler = new Thread(() -> serve(socket), "endless-stream-connection");
					handler.setDaemon(true);
					handler.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void serve(Socket socket) {
			try (socket) {
				InputStream in = socket.getInputStream();
				int length = 0;
				StringBuilder line = new StringBuilder();
				int b;
				while ((b = in.read()) >= 0) {
					if (b == '\n') {
						String header = line.toString().trim();
						if (header.isEmpty()) {
							break;
						}
						if (header.toLowerCase().startsWith("content-length:")) {
							length = Integer.parseInt(header.substring(15).trim());
						}
						line.setLength(0);
					}
					else {
						line.append((char) b);
					}
				}
				in.readNBytes(length);
				OutputStream out = socket.getOutputStream();
				out.write(RESPONSE);
				out.flush();
				this.served.incrementAndGet();
				// the stream never ends: wait for the client to leave
				try {
					if (in.read() < 0) {
						this.aborted.incrementAndGet();
					}
				}
				catch (IOException reset) {
					this.aborted.incrementAndGet();
				}
			}
			catch (IOException ex) {
				// connection failed before the answer: not counted as served
			}
			finally {
				this.open.decrementAndGet();
			}
		}

		int served() {
			return this.served.get();
		}

		int abortedByClient() {
			return this.aborted.get();
		}

		void awaitNoOpenConnections() throws InterruptedException {
			for (int i = 0; i < 600 && this.open.get() > 0; i++) {
				Thread.sleep(50);
			}
			assertThat(this.open.get()).as("connections still open on the server").isZero();
		}

		@Override
		public void close() throws IOException {
			this.serverSocket.close();
		}

	}

}
