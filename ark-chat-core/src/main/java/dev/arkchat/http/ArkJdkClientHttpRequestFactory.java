package dev.arkchat.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A request factory on the JDK {@link HttpClient} made for chat streams. Unlike Spring's
 * {@code JdkClientHttpRequestFactory}, its read timeout bounds the wait for the response headers only (a healthy
 * stream that runs for minutes is never cut), and its response body honours interrupts: a thread blocked reading it
 * that is interrupted gets an {@link InterruptedIOException} and the exchange is cancelled at once (the JDK's own body
 * stream swallows interrupts). Closing the body before its end cancels the exchange from any thread.
 * <p>
 * A factory made by {@link #forWholeBodies} is for calls whose answer is read whole (blocking calls): the client's
 * own threads receive the body completely before the call returns, as the JDK's {@code BodyHandlers.ofByteArray()}
 * does, which saves the caller's thread a wake-up per buffer of a body read as it arrives. An interrupt while the body
 * is still arriving cancels the exchange just the same.
 */
public final class ArkJdkClientHttpRequestFactory implements ClientHttpRequestFactory {

	/**
	 * Whether the JDK client sets a header itself and refuses to take it from the caller ({@code Connection},
	 * {@code Content-Length}, {@code Expect}, {@code Host}, {@code Upgrade}). Asked for every header of every request:
	 * by length first, so that most names are told apart without comparing a character (a case-insensitive set
	 * compared each name character by character with two or three of its entries).
	 * @param name a header name
	 * @return whether the client refuses it
	 */
	static boolean isRestricted(String name) {
		return switch (name.length()) {
			case 4 -> name.equalsIgnoreCase("host");
			case 6 -> name.equalsIgnoreCase("expect");
			case 7 -> name.equalsIgnoreCase("upgrade");
			case 10 -> name.equalsIgnoreCase("connection");
			case 14 -> name.equalsIgnoreCase("content-length");
			default -> false;
		};
	}

	private final Supplier<HttpClient> httpClient;

	private final @Nullable Duration readTimeout;

	private final boolean wholeBodies;

	/**
	 * Creates a factory.
	 * @param httpClient the client (connect timeout, proxy, SSL context, executor are its own)
	 * @param readTimeout the longest wait for the response headers, or {@code null} for none
	 */
	public ArkJdkClientHttpRequestFactory(HttpClient httpClient, @Nullable Duration readTimeout) {
		this(() -> httpClient, readTimeout);
		Objects.requireNonNull(httpClient, "httpClient must not be null");
	}

	/**
	 * Creates a factory whose client is obtained at the first request, such as a {@link LazyHttpClient} shared with
	 * the factory of the other kind of call.
	 * @param httpClient gives the client (connect timeout, proxy, SSL context, executor are its own)
	 * @param readTimeout the longest wait for the response headers, or {@code null} for none
	 */
	public ArkJdkClientHttpRequestFactory(Supplier<HttpClient> httpClient, @Nullable Duration readTimeout) {
		this(httpClient, readTimeout, false);
	}

	private ArkJdkClientHttpRequestFactory(Supplier<HttpClient> httpClient, @Nullable Duration readTimeout,
			boolean wholeBodies) {
		this.httpClient = Objects.requireNonNull(httpClient, "httpClient must not be null");
		this.readTimeout = readTimeout;
		this.wholeBodies = wholeBodies;
	}

	/**
	 * Creates a factory for calls whose answer is read whole: each response's body has arrived completely when
	 * {@link ClientHttpRequest#execute()} returns.
	 * @param httpClient gives the client (connect timeout, proxy, SSL context, executor are its own), such as a
	 * {@link LazyHttpClient} shared with the factory of streams
	 * @param readTimeout the longest wait for the response headers, or {@code null} for none
	 * @return the factory
	 */
	public static ArkJdkClientHttpRequestFactory forWholeBodies(Supplier<HttpClient> httpClient,
			@Nullable Duration readTimeout) {
		return new ArkJdkClientHttpRequestFactory(httpClient, readTimeout, true);
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new Request(uri, httpMethod);
	}

	private final class Request extends AbstractBufferingClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		Request(URI uri, HttpMethod method) {
			this.uri = uri;
			this.method = method;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body) throws IOException {
			HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri);
			if (ArkJdkClientHttpRequestFactory.this.readTimeout != null) {
				builder.timeout(ArkJdkClientHttpRequestFactory.this.readTimeout);
			}
			// the backing map: HttpHeaders.forEach builds case-insensitive views of every name first
			for (Map.Entry<String, List<String>> header : headers.asMultiValueMap().entrySet()) {
				if (!isRestricted(header.getKey())) {
					for (String value : header.getValue()) {
						builder.header(header.getKey(), value);
					}
				}
			}
			HttpRequest.BodyPublisher publisher = (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody();
			builder.method(this.method.name(), publisher);
			// send, not sendAsync: the JDK completes sendAsync's future on CompletableFuture's default executor, which
			// is a new thread per call where the common pool has fewer than two threads (machines with 2 cores or
			// fewer), a hop to another thread elsewhere. send waits the same way and cancels the exchange when the
			// waiting thread is interrupted.
			try {
				if (ArkJdkClientHttpRequestFactory.this.wholeBodies) {
					HttpResponse<byte[]> whole = ArkJdkClientHttpRequestFactory.this.httpClient.get()
						.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
					return new Response(whole.statusCode(), whole.headers(), new WholeBody(whole.body()));
				}
				return new Response(ArkJdkClientHttpRequestFactory.this.httpClient.get()
					.send(builder.build(), (info) -> new BodyStream()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while waiting for " + this.uri);
			}
			catch (CancellationException ex) {
				throw new IOException("Request to " + this.uri + " was cancelled", ex);
			}
		}

	}

	private static final class Response implements ClientHttpResponse {

		private final int status;

		private final java.net.http.HttpHeaders jdkHeaders;

		/** A {@link BodyStream}, or the whole body already received. */

		private final InputStream body;

		private @Nullable HttpHeaders headers;

		Response(HttpResponse<BodyStream> response) {
			this(response.statusCode(), response.headers(), response.body());
		}

		Response(int status, java.net.http.HttpHeaders headers, InputStream body) {
			this.status = status;
			this.jdkHeaders = headers;
			this.body = body;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatusCode.valueOf(this.status);
		}

		@Override
		public String getStatusText() {
			return "";
		}

		/**
		 * The response headers, copied from the JDK's the first time they are asked for (a successful blocking call
		 * never asks).
		 * @return the headers
		 */
		@Override
		public HttpHeaders getHeaders() {
			HttpHeaders result = this.headers;
			if (result == null) {
				result = new HttpHeaders();
				for (Map.Entry<String, List<String>> header : this.jdkHeaders.map().entrySet()) {
					if (!header.getKey().startsWith(":")) {
						result.addAll(header.getKey(), header.getValue());
					}
				}
				this.headers = result;
			}
			return result;
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		/**
		 * Releases the exchange of a body read to its logical end (a stream's terminator, a whole JSON answer): the
		 * rest of the body is let through so that the connection goes back to the pool, instead of being cancelled
		 * and reconnected (with TLS, a new handshake) by the next call. Closing the body stream itself aborts.
		 */
		@Override
		public void close() {
			if (this.body instanceof BodyStream stream) {
				stream.release();
			}
		}

	}

	/**
	 * A body received whole. A reader that can take the bytes themselves asks for them ({@link #unread()}), which saves
	 * the copy into a buffer of its own that reading the stream would make.
	 */
	static final class WholeBody extends ByteArrayInputStream {

		WholeBody(byte[] body) {
			super(body);
		}

		/**
		 * The body, if none of it has been read yet; reading it through this stream is then still possible.
		 * @return the body's bytes (not a copy: not to be changed), or {@code null} once reading has begun
		 */
		byte @Nullable [] unread() {
			return (this.pos == 0 && this.count == this.buf.length) ? this.buf : null;
		}

	}

	/**
	 * The body as an input stream fed by the client's subscription: the list of buffers being read plus at most one
	 * more requested ahead. Reads block interruptibly; closing before the body's end cancels the subscription (the
	 * exchange is aborted) and wakes a blocked reader. {@link #release()} instead lets the rest of the body through,
	 * discarded, for at most {@link #RELEASE_GRACE_MILLIS} ms, so that a connection whose answer was read to its
	 * logical end (the terminating chunk of a chunked body usually follows the stream's {@code [DONE]}) is reused.
	 */
	private static final class BodyStream extends InputStream implements HttpResponse.BodySubscriber<BodyStream> {

		private static final List<ByteBuffer> END = List.of();

		/** How long a released body may take to end before its exchange is cancelled after all. */
		static final long RELEASE_GRACE_MILLIS = 1000;

		private final LinkedBlockingQueue<List<ByteBuffer>> queue = new LinkedBlockingQueue<>();

		private final CompletableFuture<BodyStream> body = CompletableFuture.completedFuture(this);

		private volatile Flow.@Nullable Subscription subscription;

		private volatile boolean closed;

		/** The body ended (completed or failed) on the client's side, whether or not it was read to the end. */
		private volatile boolean completed;

		/** Released: what still arrives is discarded. */
		private volatile boolean draining;

		private volatile @Nullable ScheduledFuture<?> releaseDeadline;

		private volatile @Nullable Throwable failure;

		private @Nullable Iterator<ByteBuffer> buffers;

		private @Nullable ByteBuffer current;

		private boolean ended;

		@Override
		public CompletionStage<BodyStream> getBody() {
			return this.body;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (this.draining) {
				subscription.request(Long.MAX_VALUE);
			}
			else if (this.closed) {
				subscription.cancel();
			}
			else {
				subscription.request(1);
			}
		}

		@Override
		public void onNext(List<ByteBuffer> item) {
			if (!this.draining) {
				this.queue.add(item);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			this.failure = throwable;
			onEnd();
		}

		@Override
		public void onComplete() {
			onEnd();
		}

		private void onEnd() {
			this.completed = true;
			this.queue.add(END);
			ScheduledFuture<?> deadline = this.releaseDeadline;
			if (deadline != null) {
				deadline.cancel(false);
			}
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n < 0) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			ByteBuffer buffer = nextBuffer();
			if (buffer == null) {
				return -1;
			}
			int n = 0;
			while (true) {
				int count = Math.min(len - n, buffer.remaining());
				buffer.get(b, off + n, count);
				n += count;
				// go on with the buffers already at hand, never waiting for more
				Iterator<ByteBuffer> it = this.buffers;
				if (n == len || it == null || !it.hasNext() || this.closed) {
					return n;
				}
				buffer = it.next();
				this.current = buffer;
			}
		}

		@Override
		public int available() {
			ByteBuffer buffer = this.current;
			return (buffer != null) ? buffer.remaining() : 0;
		}

		private @Nullable ByteBuffer nextBuffer() throws IOException {
			while (true) {
				if (this.closed) {
					throw new IOException("closed");
				}
				ByteBuffer buffer = this.current;
				if (buffer != null && buffer.hasRemaining()) {
					return buffer;
				}
				Iterator<ByteBuffer> it = this.buffers;
				if (it != null && it.hasNext()) {
					this.current = it.next();
					continue;
				}
				if (this.ended) {
					return null;
				}
				this.buffers = null;
				List<ByteBuffer> next;
				try {
					next = this.queue.take();
				}
				catch (InterruptedException ex) {
					close();
					Thread.currentThread().interrupt();
					throw new InterruptedIOException("Interrupted while reading the response");
				}
				if (next == END) {
					this.ended = true;
					Throwable error = this.failure;
					if (error != null && !this.closed) {
						throw (error instanceof IOException io) ? io : new IOException(error.getMessage(), error);
					}
					if (this.closed) {
						throw new IOException("closed");
					}
					return null;
				}
				this.buffers = next.iterator();
				// ask for the next list while this one is read (as the JDK's own body stream does): the network
				// then overlaps decoding instead of waiting for it, and at most two lists are held
				Flow.Subscription s = this.subscription;
				if (s != null) {
					s.request(1);
				}
			}
		}

		@Override
		public void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			Flow.Subscription s = this.subscription;
			if (s != null && !this.completed) {
				s.cancel();
			}
			this.queue.add(END);
		}

		/** Done with the body: let the exchange finish (bounded) rather than abort it. */
		void release() {
			if (this.closed) {
				return;
			}
			if (this.completed) {
				this.closed = true;
				this.queue.clear();
				this.queue.add(END);
				return;
			}
			this.draining = true;
			this.closed = true;
			this.queue.clear();
			this.queue.add(END);
			Flow.Subscription s = this.subscription;
			if (s != null) {
				s.request(Long.MAX_VALUE);
			}
			this.releaseDeadline = IdleWatchdog.later(() -> {
				Flow.Subscription current = this.subscription;
				if (!this.completed && current != null) {
					current.cancel();
				}
			}, RELEASE_GRACE_MILLIS);
			ScheduledFuture<?> deadline = this.releaseDeadline;
			if (this.completed && deadline != null) {
				// the body ended while the deadline was being set
				deadline.cancel(false);
			}
		}

	}

}
