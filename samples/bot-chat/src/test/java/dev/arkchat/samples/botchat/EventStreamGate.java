package dev.arkchat.samples.botchat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A servlet filter that can hold a server-sent event stream just before a chosen event: the write of that event blocks
 * until the test releases it, so everything before it has reached the browser and nothing after it can. What the page
 * shows while the stream is held is therefore known exactly, however fast or slow the machine is: browser tests check
 * the DOM at that point instead of racing the stream.
 * <p>
 * It relies on {@code SseEmitter} writing each event's {@code event:<name>} line in one write, before its data.
 */
final class EventStreamGate extends OncePerRequestFilter {

	private static final long RELEASE_TIMEOUT_SECONDS = 60;

	private final List<Hold> holds = new CopyOnWriteArrayList<>();

	/**
	 * Arms a hold for the next stream that reaches the event.
	 * @param event the event's name, such as {@code content}
	 * @param occurrence which one of them (1 is the first)
	 * @return the hold, to wait for and release
	 */
	Hold holdBefore(String event, int occurrence) {
		Hold hold = new Hold(event, occurrence);
		this.holds.add(hold);
		return hold;
	}

	/** Lets every held stream go on, and disarms the holds not reached yet. */
	void releaseAll() {
		this.holds.forEach(Hold::release);
		this.holds.clear();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new GatedResponse(response));
	}

	/** A hold on one event of a stream. */
	static final class Hold {

		private final String marker;

		private final int occurrence;

		private final AtomicBoolean claimed = new AtomicBoolean();

		private final CountDownLatch reached = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		private volatile String sentBefore = "";

		Hold(String event, int occurrence) {
			this.marker = "event:" + event + "\n";
			this.occurrence = occurrence;
		}

		/**
		 * Waits until a stream is held here.
		 * @return the whole stream as sent to the browser before the held event
		 * @throws AssertionError when no stream gets there within 20 seconds
		 * @throws InterruptedException when interrupted
		 */
		String awaitReached() throws InterruptedException {
			if (!this.reached.await(20, TimeUnit.SECONDS)) {
				throw new AssertionError("No stream reached " + this.marker.trim() + " #" + this.occurrence);
			}
			return this.sentBefore;
		}

		/** Lets the held stream go on. */
		void release() {
			this.released.countDown();
		}

		boolean matches(String event, int count) {
			return this.marker.equals(event) && count == this.occurrence && this.claimed.compareAndSet(false, true);
		}

		void holdAfter(String sentBefore) {
			this.sentBefore = sentBefore;
			this.reached.countDown();
			try {
				this.released.await(RELEASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** The response of one request, its output gated. */
	private final class GatedResponse extends HttpServletResponseWrapper {

		private @Nullable GatedOutputStream output;

		GatedResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (this.output == null) {
				this.output = new GatedOutputStream(super.getOutputStream());
			}
			return this.output;
		}

	}

	/** Counts the events written, and blocks before a held one. */
	private final class GatedOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

		private final Map<String, Integer> counts = new HashMap<>();

		GatedOutputStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
			this.sent.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
			if (text.startsWith("event:")) {
				String event = text.substring(0, text.indexOf('\n') + 1);
				int count = this.counts.merge(event, 1, Integer::sum);
				for (Hold hold : EventStreamGate.this.holds) {
					if (hold.matches(event, count)) {
						hold.holdAfter(this.sent.toString(StandardCharsets.UTF_8));
					}
				}
			}
			this.delegate.write(bytes, offset, length);
			this.sent.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

}
