package dev.arkchat.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server that answers every request (each on its own connection and thread) with an event stream in
 * two parts: the first part at once, the rest only after {@link #release()}. Lets a test look at a stream while it is provably still open, without timing.
 */
final class GatedEventStreamServer implements AutoCloseable {

	private final ServerSocket socket;

	private final String first;

	private final String rest;

	private final CountDownLatch release = new CountDownLatch(1);

	GatedEventStreamServer(String first, String rest) throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		this.first = first;
		this.rest = rest;
		Thread acceptor = new Thread(this::serve, "gated-event-stream");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	/** Lets every held stream send its rest and end. */
	void release() {
		this.release.countDown();
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				Thread handler = new Thread(() -> answer(connection), "gated-event-stream-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				// closed by the test
			}
		}
	}

	private void answer(Socket connection) {
		try (connection) {
			readRequest(connection.getInputStream());
			OutputStream out = connection.getOutputStream();
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + this.first)
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			if (this.release.await(30, TimeUnit.SECONDS)) {
				out.write(this.rest.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		}
		catch (IOException ex) {
			// the client went away
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			head.write(b);
			byte[] bytes = head.toByteArray();
			int n = bytes.length;
			if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
				break;
			}
		}
		int length = 0;
		for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
			}
		}
		in.readNBytes(length);
	}

	@Override
	public void close() throws IOException {
		this.release.countDown();
		this.socket.close();
	}

}
