package dev.arkchat.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Decodes a {@code text/event-stream} body into {@link ServerSentEvent}s by the WHATWG EventSource rules: lines end in
 * LF, CRLF or CR (also when a CR and its LF arrive in different reads); lines starting with {@code :} are comments;
 * {@code data} lines of one event are joined with LF; one space after the colon is removed; {@code event},
 * {@code id} and {@code retry} are honoured; a UTF-8 byte order mark at the very start is dropped; an event is
 * dispatched at a blank line, and an unterminated event at the end of the body is discarded.
 * <p>
 * It works on bytes: a multi-byte character split across network reads is whole by the time the event is decoded,
 * U+2028 and U+2029 are not line breaks, and no line is copied into a {@code String}. Not thread-safe.
 */
public final class ServerSentEventReader implements Closeable {

	private static final byte CR = '\r';

	private static final byte LF = '\n';

	private static final byte[] DATA = bytes("data");

	private static final byte[] EVENT = bytes("event");

	private static final byte[] ID = bytes("id");

	private static final byte[] RETRY = bytes("retry");

	private final InputStream in;

	private byte[] buffer;

	private int position;

	private int limit;

	private boolean eof;

	private boolean started;

	private boolean skipLineFeed;

	private byte[] data = new byte[256];

	private int dataLength;

	private boolean hasData;

	private @Nullable String eventType;

	private @Nullable String lastEventId;

	private @Nullable Long retry;

	private int lineStart;

	/**
	 * Creates a reader over a response body, with a 2 KB buffer to start with: several events of a chat stream, and
	 * little to hold for each of thousands of open streams (it grows for longer lines).
	 * @param in the body; closed by {@link #close()}
	 */
	public ServerSentEventReader(InputStream in) {
		this(in, 2048);
	}

	/**
	 * Creates a reader with a given initial buffer size.
	 * @param in the body; closed by {@link #close()}
	 * @param bufferSize the initial size of the read buffer (it grows for longer lines)
	 */
	public ServerSentEventReader(InputStream in, int bufferSize) {
		this.in = in;
		this.buffer = new byte[Math.max(bufferSize, 16)];
	}

	/**
	 * Blocks until the next event has been dispatched.
	 * @return the next event, or {@code null} at the end of the body
	 * @throws IOException when reading the body fails
	 */
	public @Nullable ServerSentEvent next() throws IOException {
		while (true) {
			int lineEnd = findLineEnd();
			if (lineEnd < 0) {
				// the body ended: an event without its blank line is discarded (WHATWG)
				return null;
			}
			ServerSentEvent event = processLine(this.lineStart, lineEnd);
			if (event != null) {
				return event;
			}
		}
	}

	/**
	 * Finds the end of the next line, reading as needed. On return the line is {@code buffer[lineStart, result)} and
	 * {@link #position} is past its terminator; {@code -1} at the end of the body.
	 */
	private int findLineEnd() throws IOException {
		int scanFrom = this.position;
		while (true) {
			if (this.skipLineFeed && scanFrom < this.limit) {
				this.skipLineFeed = false;
				if (this.buffer[scanFrom] == LF && scanFrom == this.position) {
					this.position++;
					scanFrom++;
				}
			}
			int i = ByteScan.lineBreak(this.buffer, scanFrom, this.limit);
			if (i >= 0) {
				this.lineStart = this.position;
				this.position = i + 1;
				if (this.buffer[i] == CR) {
					if (this.position < this.limit) {
						if (this.buffer[this.position] == LF) {
							this.position++;
						}
					}
					else {
						this.skipLineFeed = true;
					}
				}
				return i;
			}
			if (this.eof) {
				return -1;
			}
			int scanned = this.limit - this.position;
			boolean startedBefore = this.started;
			if (!fill()) {
				this.eof = true;
				return -1;
			}
			// bytes already scanned hold no terminator; after dropping a byte order mark, scan again from the start
			scanFrom = startedBefore ? this.position + scanned : this.position;
		}
	}

	/** Reads more bytes, keeping the unfinished line at the start of the buffer. */
	private boolean fill() throws IOException {
		if (this.position > 0) {
			int remaining = this.limit - this.position;
			System.arraycopy(this.buffer, this.position, this.buffer, 0, remaining);
			this.limit = remaining;
			this.position = 0;
		}
		if (this.limit == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
		}
		int n;
		do {
			n = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
		}
		while (n == 0);
		if (n < 0) {
			return false;
		}
		this.limit += n;
		if (!this.started) {
			dropByteOrderMark();
		}
		return true;
	}

	/**
	 * Drops a UTF-8 byte order mark at the very start of the body, without waiting for more bytes than have arrived:
	 * while what arrived is a prefix of the mark, the decision waits for the next read (no line has started yet).
	 */
	private void dropByteOrderMark() {
		int[] bom = { 0xEF, 0xBB, 0xBF };
		int n = Math.min(this.limit, 3);
		for (int i = 0; i < n; i++) {
			if ((this.buffer[i] & 0xFF) != bom[i]) {
				this.started = true;
				return;
			}
		}
		if (this.limit >= 3) {
			this.started = true;
			this.position = 3;
		}
	}

	private @Nullable ServerSentEvent processLine(int start, int end) {
		if (start == end) {
			return dispatch();
		}
		byte[] buf = this.buffer;
		if (buf[start] == ':') {
			return null;
		}
		int colon = -1;
		for (int i = start; i < end; i++) {
			if (buf[i] == ':') {
				colon = i;
				break;
			}
		}
		int nameEnd = (colon < 0) ? end : colon;
		int valueStart = (colon < 0) ? end : colon + 1;
		if (valueStart < end && buf[valueStart] == ' ') {
			valueStart++;
		}
		if (is(buf, start, nameEnd, DATA)) {
			appendData(buf, valueStart, end);
		}
		else if (is(buf, start, nameEnd, EVENT)) {
			this.eventType = new String(buf, valueStart, end - valueStart, StandardCharsets.UTF_8);
		}
		else if (is(buf, start, nameEnd, ID)) {
			boolean hasNull = false;
			for (int i = valueStart; i < end; i++) {
				hasNull |= (buf[i] == 0);
			}
			if (!hasNull) {
				this.lastEventId = new String(buf, valueStart, end - valueStart, StandardCharsets.UTF_8);
			}
		}
		else if (is(buf, start, nameEnd, RETRY)) {
			long value = 0;
			boolean digits = valueStart < end;
			for (int i = valueStart; i < end && digits; i++) {
				digits = buf[i] >= '0' && buf[i] <= '9';
				value = value * 10 + (buf[i] - '0');
			}
			if (digits) {
				this.retry = value;
			}
		}
		return null;
	}

	private void appendData(byte[] buf, int from, int to) {
		int length = to - from;
		int needed = this.dataLength + length + 1;
		if (needed > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(needed, this.data.length * 2));
		}
		System.arraycopy(buf, from, this.data, this.dataLength, length);
		this.dataLength += length;
		this.data[this.dataLength++] = LF;
		this.hasData = true;
	}

	private @Nullable ServerSentEvent dispatch() {
		if (!this.hasData) {
			this.eventType = null;
			return null;
		}
		ServerSentEvent event = new ServerSentEvent(this.eventType, this.lastEventId, this.retry,
				Arrays.copyOf(this.data, this.dataLength - 1), this.dataLength - 1);
		this.dataLength = 0;
		this.hasData = false;
		this.eventType = null;
		return event;
	}

	private static boolean is(byte[] buf, int from, int to, byte[] name) {
		return (to - from) == name.length && Arrays.equals(buf, from, to, name, 0, name.length);
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Closes the body.
	 * @throws IOException when closing fails
	 */
	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
