package dev.arkchat.test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.common.InputStreamSource;

/**
 * The body of a streamed context answer, produced while WireMock writes it, so that the call stays in progress
 * exactly as long as its stream: the events are handed out one by one (after the chunk delay, when there is one),
 * and {@code beforeLast} runs (a hold, then the end of the call) before the final {@code data: [DONE]} is handed out,
 * so a client that has read the whole stream can never find its context still busy. Closing the stream early (the
 * client went away) ends the call too.
 * <p>
 * WireMock also reads the body for its request journal before it writes the response; only the stream obtained
 * after {@link #arm()} (called just before the response is sent) is live; others are the plain bytes.
 * <p>
 * With a chunk delay, each event is padded with SSE comment lines so that the body so far fills a whole number of the
 * server's output buffers ({@value #OUTPUT_BUFFER_SIZE} bytes, Jetty's default): the buffer then fills, and is flushed,
 * exactly at the end of each event, so that events leave one by one rather than together at the end. A held stream
 * pads the event before {@code [DONE]} the same way, so that the client has every event while the call is held.
 */
final class ContextStreamBody implements InputStreamSource {

	/** Jetty's default response buffer: a write that fills it is flushed to the network at once. */
	static final int OUTPUT_BUFFER_SIZE = 32 * 1024;

	private static final int COMMENT_LINE = 1024;

	private final List<byte[]> events;

	private final byte[] plain;

	private final long delayMillis;

	private final Runnable beforeLast;

	private final Runnable end;

	private final AtomicBoolean armed = new AtomicBoolean();

	private final AtomicBoolean started = new AtomicBoolean();

	private final AtomicBoolean ended = new AtomicBoolean();

	/**
	 * Creates the body.
	 * @param data each event's data (JSON, the last one {@code [DONE]})
	 * @param delay the pause before each event
	 * @param flushBeforeLast whether every event before the last must reach the client before the last is due (the
	 * stream is held)
	 * @param beforeLast runs before the last event is handed out (in the writing thread)
	 * @param end ends the call; runs once, before the last event or when the stream is closed, whichever comes first
	 */
	ContextStreamBody(List<String> data, Duration delay, boolean flushBeforeLast, Runnable beforeLast, Runnable end) {
		this.delayMillis = delay.toMillis();
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		this.events = new ArrayList<>(data.size());
		long written = 0;
		for (int i = 0; i < data.size(); i++) {
			byte[] event = ("data: " + data.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8);
			all.writeBytes(event);
			boolean last = i == data.size() - 1;
			boolean flush = !last && (this.delayMillis > 0 || (flushBeforeLast && i == data.size() - 2));
			byte[] sent = flush ? padded(event, written) : event;
			this.events.add(sent);
			written += sent.length;
		}
		this.plain = all.toByteArray();
		this.beforeLast = beforeLast;
		this.end = end;
	}

	/**
	 * The event followed by comment lines, so that the body ends on a multiple of the output buffer's size.
	 * @param event the event
	 * @param written the bytes of the body before it
	 * @return the padded event
	 */
	private static byte[] padded(byte[] event, long written) {
		// at least 4 bytes of padding, so that every comment line has ':' and '\n'
		long end = ((written + event.length + 3) / OUTPUT_BUFFER_SIZE + 1) * OUTPUT_BUFFER_SIZE;
		int size = (int) (end - written);
		byte[] padded = Arrays.copyOf(event, size);
		int at = event.length;
		while (at < size) {
			// lines of COMMENT_LINE bytes; the last one takes the rest, at least ':' and '\n'
			int line = (size - at <= COMMENT_LINE + 1) ? size - at : COMMENT_LINE;
			padded[at] = ':';
			Arrays.fill(padded, at + 1, at + line - 1, (byte) ' ');
			padded[at + line - 1] = '\n';
			at += line;
		}
		return padded;
	}

	/** The whole body as the client receives it, without padding. */
	byte[] plain() {
		return this.plain;
	}

	/** Makes the next stream the live one: WireMock is about to write the response. */
	void arm() {
		this.armed.set(true);
	}

	/** Ends the call if the live stream did not (WireMock never wrote it). */
	void finish() {
		endOnce();
	}

	@Override
	public InputStream getStream() {
		if (this.armed.get() && this.started.compareAndSet(false, true)) {
			return new Live();
		}
		return new ByteArrayInputStream(this.plain);
	}

	private void endOnce() {
		if (this.ended.compareAndSet(false, true)) {
			this.end.run();
		}
	}

	/** Hands out the events as they are due. */
	private final class Live extends InputStream {

		private int event = -1;

		private int offset;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (this.event < 0 || this.offset == events.get(this.event).length) {
				if (this.event + 1 == events.size()) {
					return -1;
				}
				next();
			}
			byte[] current = events.get(this.event);
			int n = Math.min(len, current.length - this.offset);
			System.arraycopy(current, this.offset, b, off, n);
			this.offset += n;
			return n;
		}

		private void next() throws IOException {
			this.event++;
			this.offset = 0;
			if (delayMillis > 0) {
				try {
					Thread.sleep(delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new InterruptedIOException("interrupted while pacing the stream");
				}
			}
			if (this.event == events.size() - 1) {
				beforeLast.run();
				endOnce();
			}
		}

		@Override
		public void close() {
			endOnce();
		}

	}

}
