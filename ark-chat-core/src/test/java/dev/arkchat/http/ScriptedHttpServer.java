package dev.arkchat.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection-at-a-time HTTP/1.1 server on loopback whose answers are scripted step by step by the test: write
 * these bytes now, wait for the client, see whether the client went away. For what WireMock cannot do
 * deterministically (exact fragments, lock-step delivery, observing an abort).
 */
public final class ScriptedHttpServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final BlockingQueue<Exchange> exchanges = new LinkedBlockingQueue<>();

	private final Thread acceptor;

	public ScriptedHttpServer() throws IOException {
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::acceptLoop, "scripted-http-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort();
	}

	private void acceptLoop() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				Thread reader = new Thread(() -> readRequests(socket), "scripted-http-connection");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void readRequests(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			while (true) {
				String head = readHead(in);
				if (head == null) {
					return;
				}
				int length = 0;
				for (String line : head.split("\r\n")) {
					if (line.toLowerCase().startsWith("content-length:")) {
						length = Integer.parseInt(line.substring(15).trim());
					}
				}
				byte[] body = in.readNBytes(length);
				Exchange exchange = new Exchange(socket, head, new String(body, StandardCharsets.UTF_8));
				this.exchanges.add(exchange);
				// one request per connection at a time: wait until the test finished answering it
				if (!exchange.done.await(60, TimeUnit.SECONDS) || exchange.closeAfter) {
					return;
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// connection gone
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		while ((b = in.read()) >= 0) {
			head.write(b);
			matched = ((b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)))
					? matched + 1 : 0;
			if (matched == 4) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		return null;
	}

	/** Waits for the next request. */
	public Exchange take() throws InterruptedException {
		Exchange exchange = this.exchanges.poll(30, TimeUnit.SECONDS);
		if (exchange == null) {
			throw new AssertionError("No request arrived within 30 s");
		}
		return exchange;
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
	}

	/** One request and the means to answer it piece by piece. */
	public static final class Exchange {

		private final Socket socket;

		private final String head;

		private final String body;

		private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

		private boolean closeAfter;

		Exchange(Socket socket, String head, String body) {
			this.socket = socket;
			this.head = head;
			this.body = body;
		}

		public String head() {
			return this.head;
		}

		/** The client's port of the connection this request came on: equal ports, same connection. */
		public int clientPort() {
			return this.socket.getPort();
		}

		public String body() {
			return this.body;
		}

		/** Starts a chunked event-stream answer. */
		public Exchange startEventStream() throws IOException {
			write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
					+ "X-Request-Id: scripted-1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			return this;
		}

		/** Starts a chunked JSON answer. */
		public Exchange startJsonAnswer() throws IOException {
			write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
					+ "X-Request-Id: scripted-1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			return this;
		}

		/** Sends bytes as one HTTP chunk and flushes them onto the wire. */
		public Exchange chunk(byte[] bytes) throws IOException {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
			write(out.toByteArray());
			return this;
		}

		public Exchange chunk(String text) throws IOException {
			return chunk(text.getBytes(StandardCharsets.UTF_8));
		}

		/** Ends the chunked body; the connection stays open for the next request. */
		public void end() throws IOException {
			write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			this.done.countDown();
		}

		/** Ends the exchange by closing the connection. */
		public void closeConnection() throws IOException {
			this.closeAfter = true;
			this.done.countDown();
			this.socket.close();
		}

		/**
		 * Waits until the client closes the connection (or resets it): reading returns end of stream or fails.
		 * @return whether the client went away within the time
		 */
		public boolean awaitClientAbort(long seconds) throws IOException {
			this.socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(seconds));
			try {
				InputStream in = this.socket.getInputStream();
				while (true) {
					if (in.read() < 0) {
						return true;
					}
				}
			}
			catch (java.net.SocketTimeoutException ex) {
				return false;
			}
			catch (IOException ex) {
				return true;
			}
			finally {
				this.closeAfter = true;
				this.done.countDown();
				this.socket.close();
			}
		}

		private void write(byte[] bytes) throws IOException {
			OutputStream out = this.socket.getOutputStream();
			out.write(bytes);
			out.flush();
		}

	}

}
