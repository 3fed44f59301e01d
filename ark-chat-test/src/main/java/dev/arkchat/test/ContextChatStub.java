package dev.arkchat.test;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Configures how the fake answers the context cache endpoints, {@code POST /api/v3/context/create} and
 * {@code POST /api/v3/context/chat/completions}: the text of answers, how they are streamed, the failures to
 * simulate, the error for a gone context, and a {@link #hold() hold} that keeps calls in progress until a test lets
 * them finish. Every method returns this stub; settings last until {@link ArkMockServer#reset()}. The contexts
 * themselves (tokens, expiry) are in {@link ArkMockServer#contexts()}. Thread-safe.
 * <p>
 * Without configuration, a chat answers {@code "Echo: "} followed by the text of the request's last user message,
 * with model {@value #DEFAULT_MODEL}, streamed in pieces of {@value #DEFAULT_CHUNK_SIZE} code points without delay; a
 * call on an expired or unknown context gets {@code 404}:
 * <pre>{@code
 * {"error":{"code":"NotFound","message":"The specified context ctx-… does not exist or has expired. Request id: …",
 *           "param":"context_id","type":"NotFound"}}
 * }</pre>
 * (Ark does not document this error; {@link #goneError(int, String, String)} tries other shapes.) Tokens are
 * estimated at one per four code points.
 */
public final class ContextChatStub {

	/** The model named in chat answers unless {@link #model(String)} says otherwise. */
	public static final String DEFAULT_MODEL = "doubao-1-5-pro-32k-250115";

	/** Code points per streamed piece unless {@link #chunkSize(int)} says otherwise. */
	public static final int DEFAULT_CHUNK_SIZE = 4;

	/** How long a {@link #hold() held} call waits at most for {@link Hold#release()} before it goes on. */
	public static final Duration HOLD_LIMIT = Duration.ofMinutes(1);

	static final ContextChatAnswer.Failure DEFAULT_GONE = new ContextChatAnswer.Failure(404, "NotFound",
			"The specified context {context_id} does not exist or has expired.");

	private @Nullable Function<RecordedRequest, String> content;

	private String model = DEFAULT_MODEL;

	private int chunkSize = DEFAULT_CHUNK_SIZE;

	private Duration chunkDelay = Duration.ZERO;

	private ContextChatAnswer.@Nullable Failure failure;

	private ContextChatAnswer.@Nullable Failure createFailure;

	private ContextChatAnswer.Failure gone = DEFAULT_GONE;

	private @Nullable Hold hold;

	ContextChatStub() {
	}

	/**
	 * Sets the text of chat answers.
	 * @param content the text, delivered whole or, when streamed, in pieces of {@link #chunkSize(int)} code points
	 * @return this stub
	 */
	public synchronized ContextChatStub answer(String content) {
		Objects.requireNonNull(content, "content must not be null");
		this.content = (request) -> content;
		return this;
	}

	/**
	 * Computes the text of chat answers from each request. The request's {@code context_id} leads to the context's
	 * history in {@link ArkMockServer#contexts()}, as it was before this call.
	 * @param content gives the text for a received request
	 * @return this stub
	 */
	public synchronized ContextChatStub answer(Function<RecordedRequest, String> content) {
		this.content = Objects.requireNonNull(content, "content must not be null");
		return this;
	}

	/**
	 * Sets the model named in chat answers.
	 * @param model the model with its version
	 * @return this stub
	 */
	public synchronized ContextChatStub model(String model) {
		this.model = requireText(model, "model");
		return this;
	}

	/**
	 * Sets how many code points each streamed piece of text holds; text is split by code points, never inside a
	 * character.
	 * @param codePoints the piece size, at least 1
	 * @return this stub
	 * @throws IllegalArgumentException when {@code codePoints} is below 1
	 */
	public synchronized ContextChatStub chunkSize(int codePoints) {
		if (codePoints < 1) {
			throw new IllegalArgumentException("chunkSize must be at least 1 code point, was " + codePoints);
		}
		this.chunkSize = codePoints;
		return this;
	}

	/**
	 * Pauses before each streamed event (millisecond precision), so that they arrive one by one as from a real model.
	 * The call stays in progress (a second call on the same session context is refused) until its last event. To
	 * make each event leave the server at once, events are then padded with SSE comment lines, which every SSE parser
	 * ignores. Zero (the default) writes the stream at once.
	 * @param delay the pause, zero or more
	 * @return this stub
	 * @throws IllegalArgumentException when {@code delay} is negative
	 */
	public synchronized ContextChatStub chunkDelay(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("chunkDelay must not be negative, was " + delay);
		}
		this.chunkDelay = delay;
		return this;
	}

	/**
	 * Answers every chat call (blocking or streamed) with an Ark error instead, after the API key, the request and
	 * the context were checked: {@code {"error":{"code","message","param":"","type"}}}, the type being the status's
	 * reason name, the request id in {@code X-Request-Id} and at the end of the message.
	 * @param status the HTTP status, 400 to 599
	 * @param code Ark's error code
	 * @param message the message
	 * @return this stub
	 * @throws IllegalArgumentException when the status is not an error status
	 */
	public synchronized ContextChatStub fail(int status, String code, String message) {
		this.failure = failure(status, code, message);
		return this;
	}

	/**
	 * Answers every context creation with an Ark error instead, after the API key and the request were checked.
	 * @param status the HTTP status, 400 to 599
	 * @param code Ark's error code
	 * @param message the message
	 * @return this stub
	 * @throws IllegalArgumentException when the status is not an error status
	 */
	public synchronized ContextChatStub failCreate(int status, String code, String message) {
		this.createFailure = failure(status, code, message);
		return this;
	}

	/**
	 * Sets the error for a call on an expired or unknown context, which Ark does not document; the default is
	 * {@code 404 NotFound}. The error's {@code param} is {@code context_id}.
	 * @param status the HTTP status, 400 to 599
	 * @param code Ark's error code, such as {@code InvalidParameter}
	 * @param message the message; {@code {context_id}} in it stands for the call's context id
	 * @return this stub
	 * @throws IllegalArgumentException when the status is not an error status
	 */
	public synchronized ContextChatStub goneError(int status, String code, String message) {
		this.gone = failure(status, code, message);
		return this;
	}

	/**
	 * Holds every chat call that arrives from now on just before its last bytes (a blocking answer's whole body, a
	 * stream's {@code [DONE]}), still in progress, until {@link Hold#release()} (or {@link #HOLD_LIMIT}). Meanwhile a
	 * second call on the same session context is refused with {@code 403 OperationDenied.InvalidState}: this is how a
	 * test provokes it without racing. Replaces (and releases) a previous hold.
	 * <pre>{@code
	 * ContextChatStub.Hold hold = ark.contextChat().hold();
	 * Future<?> first = executor.submit(() -> contexts.chat(contextId, "first"));
	 * assertThat(hold.awaitHeld(1, Duration.ofSeconds(10))).isTrue();
	 * assertThatExceptionOfType(ContextBusyException.class).isThrownBy(() -> contexts.chat(contextId, "second"));
	 * hold.release();
	 * }</pre>
	 * @return the hold
	 */
	public ContextChatStub.Hold hold() {
		Hold previous;
		Hold next = new Hold();
		synchronized (this) {
			previous = this.hold;
			this.hold = next;
		}
		if (previous != null) {
			previous.release();
		}
		return next;
	}

	void reset() {
		Hold previous;
		synchronized (this) {
			this.content = null;
			this.model = DEFAULT_MODEL;
			this.chunkSize = DEFAULT_CHUNK_SIZE;
			this.chunkDelay = Duration.ZERO;
			this.failure = null;
			this.createFailure = null;
			this.gone = DEFAULT_GONE;
			previous = this.hold;
			this.hold = null;
		}
		if (previous != null) {
			previous.release();
		}
	}

	synchronized ContextChatAnswer snapshot() {
		Hold current = this.hold;
		return new ContextChatAnswer(this.content, this.model, this.chunkSize, this.chunkDelay, this.failure,
				this.createFailure, this.gone, (current != null && !current.isReleased()) ? current : null);
	}

	private static ContextChatAnswer.Failure failure(int status, String code, String message) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be an error status in [400, 599], was " + status);
		}
		return new ContextChatAnswer.Failure(status, requireText(code, "code"),
				Objects.requireNonNull(message, "message must not be null"));
	}

	private static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(
					name + " must not be blank, was " + ((value == null) ? "null" : "'" + value + "'"));
		}
		return value;
	}

	@Override
	public synchronized String toString() {
		return "ContextChatStub{model=" + this.model + ", failure="
				+ ((this.failure != null) ? this.failure.status() : "none") + ", held="
				+ ((this.hold != null) ? this.hold.arrived() : 0) + "}";
	}

	/**
	 * Chat calls kept in progress by {@link ContextChatStub#hold()} until released. Thread-safe.
	 */
	public static final class Hold {

		private final CountDownLatch released = new CountDownLatch(1);

		private int arrived;

		private Hold() {
		}

		/**
		 * Waits until a number of calls have reached the hold (counting those already released).
		 * @param calls how many calls to wait for
		 * @param timeout how long to wait at most
		 * @return {@code true} when that many arrived in time
		 * @throws InterruptedException when the waiting thread is interrupted
		 */
		public synchronized boolean awaitHeld(int calls, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (this.arrived < calls) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			return true;
		}

		/**
		 * How many calls have reached the hold so far.
		 * @return the count, released ones included
		 */
		public synchronized int arrived() {
			return this.arrived;
		}

		/**
		 * Lets the held calls finish, and every later one go through; the stub holds no more calls.
		 */
		public void release() {
			this.released.countDown();
		}

		boolean isReleased() {
			return this.released.getCount() == 0;
		}

		/** Called by a call in progress: waits for the release, or at most {@link #HOLD_LIMIT}. */
		void await() {
			synchronized (this) {
				this.arrived++;
				notifyAll();
			}
			try {
				this.released.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public String toString() {
			return "Hold{arrived=" + arrived() + ", released=" + isReleased() + "}";
		}

	}

}
