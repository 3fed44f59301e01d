package dev.arkchat.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.function.Consumer;

import dev.arkchat.ArkConnectionException;
import dev.arkchat.ArkException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.ArkTimeoutException;
import dev.arkchat.ChatStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP exchange every endpoint client is built on: sends a request body as JSON with the wire mapper, decodes
 * errors into the {@link ArkException} family, and reads answers either whole or as a stream of server-sent events
 * straight from the body's bytes. One per endpoint client; thread-safe.
 */
public final class ArkTransport {

	private final RestClient restClient;

	private final Clock clock;

	/**
	 * Creates a transport.
	 * @param restClient the client, with its base URL and any interceptors (signing, observation) already set
	 * @param clock the clock used for {@code Retry-After} dates
	 */
	public ArkTransport(RestClient restClient, Clock clock) {
		this.restClient = restClient;
		this.clock = clock;
	}

	/**
	 * POSTs a JSON body and reads the JSON answer whole.
	 * @param path the path (with any query), relative to the client's base URL
	 * @param body the request body, serialized with the wire mapper
	 * @param headers adds request headers (authorization, ids)
	 * @param reader reads the answer
	 * @param <T> the answer type
	 * @return the answer
	 * @throws ArkException on an error answer, a network failure or a timeout
	 */
	public <T> T post(String path, Object body, Consumer<HttpHeaders> headers, ObjectReader reader) {
		byte[] json = ArkJson.mapper().writeValueAsBytes(body);
		try {
			return this.restClient.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.headers(headers)
				.header(RequestIds.CLIENT_REQUEST_ID_HEADER, RequestIds.next())
				.body(json)
				.exchange((request, response) -> {
					throwIfError(response);
					try (InputStream in = response.getBody()) {
						return reader.<T>readValue(in);
					}
					catch (JacksonException ex) {
						throw new ArkException("Ark's answer could not be decoded: " + ex.getOriginalMessage(),
								requestId(response), ex);
					}
				}, true);
		}
		catch (RestClientException ex) {
			throw translate(ex);
		}
	}

	/**
	 * POSTs a JSON body and opens the answer as a stream of server-sent events. The exchange stays open until the
	 * returned source is closed or reaches its terminator.
	 * @param path the path, relative to the client's base URL
	 * @param body the request body, serialized with the wire mapper
	 * @param headers adds request headers (authorization, ids)
	 * @param decoder turns events into chunks
	 * @param <T> the chunk type
	 * @return the source of chunks, for a {@link ChatStream}
	 * @throws ArkException when the server answers with an error status, or the connection fails
	 */
	public <T> ChatStream.Source<T> postForEvents(String path, Object body, Consumer<HttpHeaders> headers,
			EventDecoder<T> decoder) {
		byte[] json = ArkJson.mapper().writeValueAsBytes(body);
		try {
			ClientHttpResponse response = this.restClient.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON)
				.headers(headers)
				.header(RequestIds.CLIENT_REQUEST_ID_HEADER, RequestIds.next())
				.body(json)
				.exchange((request, exchangeResponse) -> {
					try {
						throwIfError(exchangeResponse);
					}
					finally {
						if (exchangeResponse.getStatusCode().isError()) {
							exchangeResponse.close();
						}
					}
					return exchangeResponse;
				}, false);
			return new EventSource<>(response, decoder);
		}
		catch (RestClientException ex) {
			throw translate(ex);
		}
	}

	private void throwIfError(ClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (status.isError()) {
			byte[] body;
			try (InputStream in = response.getBody()) {
				body = in.readAllBytes();
			}
			throw ArkErrorDecoder.decode(status.value(), response.getHeaders(), body, this.clock);
		}
	}

	private static @Nullable String requestId(ClientHttpResponse response) {
		return response.getHeaders().getFirst(ArkErrorDecoder.REQUEST_ID_HEADER);
	}

	/**
	 * Maps a failure of the HTTP layer to the {@link ArkException} family.
	 * @param ex the failure
	 * @return the exception to throw
	 */
	public static ArkException translate(RestClientException ex) {
		Throwable cause = (ex instanceof ResourceAccessException && ex.getCause() != null) ? ex.getCause() : ex;
		if (isTimeout(cause)) {
			return new ArkTimeoutException("Ark did not answer in time: " + cause.getMessage(), null, ex);
		}
		return new ArkConnectionException("Could not reach Ark: " + cause.getMessage(), null, ex);
	}

	private static boolean isTimeout(Throwable ex) {
		return ex instanceof SocketTimeoutException || ex instanceof HttpTimeoutException
				|| (ex instanceof InterruptedIOException && !(ex.getCause() instanceof InterruptedException)
						&& ex.getMessage() != null && ex.getMessage().toLowerCase().contains("timed out"));
	}

	/**
	 * Turns server-sent events into chunks for one endpoint.
	 * @param <T> the chunk type
	 */
	public interface EventDecoder<T> {

		/**
		 * Decodes one event. Throws {@link ArkStreamException} for an event that reports an error.
		 * @param event the event (never the {@code [DONE]} terminator)
		 * @param requestId the server's request id for the exchange, if known
		 * @return the chunk, or {@code null} to skip the event
		 */
		@Nullable T decode(ServerSentEvent event, @Nullable String requestId);

		/**
		 * Whether a chunk is the stream's last one by its content (the knowledge base's {@code "end": true}), so that
		 * no {@code [DONE]} is awaited after it.
		 * @param chunk the decoded chunk
		 * @return {@code true} when the stream ends with this chunk
		 */
		default boolean isLast(T chunk) {
			return false;
		}

	}

	/** Reads chunks from an open event-stream response; aborts it when closed before the end. */
	private static final class EventSource<T> implements ChatStream.Source<T> {

		private final ClientHttpResponse response;

		private final EventDecoder<T> decoder;

		private final @Nullable String requestId;

		private final ServerSentEventReader reader;

		private volatile boolean closed;

		private boolean ended;

		EventSource(ClientHttpResponse response, EventDecoder<T> decoder) throws ArkException {
			this.response = response;
			this.decoder = decoder;
			this.requestId = requestId(response);
			try {
				this.reader = new ServerSentEventReader(response.getBody());
			}
			catch (IOException ex) {
				response.close();
				throw new ArkConnectionException("Could not read Ark's stream: " + ex.getMessage(), this.requestId, ex);
			}
		}

		@Override
		public @Nullable T next() {
			if (this.ended) {
				return null;
			}
			while (true) {
				ServerSentEvent event;
				try {
					event = this.reader.next();
				}
				catch (IOException ex) {
					throw readFailure(ex);
				}
				if (event == null) {
					throw new ArkStreamException("Ark's stream ended without its terminator ([DONE]): the answer is "
							+ "incomplete", null, this.requestId, null, null);
				}
				if (event.isDone()) {
					this.ended = true;
					return null;
				}
				if (event.isBlank()) {
					continue;
				}
				T chunk;
				try {
					chunk = this.decoder.decode(event, this.requestId);
				}
				catch (JacksonException ex) {
					throw new ArkStreamException("An event of Ark's stream could not be decoded: "
							+ ex.getOriginalMessage(), null, this.requestId, null, ex);
				}
				if (chunk == null) {
					continue;
				}
				if (this.decoder.isLast(chunk)) {
					this.ended = true;
				}
				return chunk;
			}
		}

		private ArkException readFailure(IOException ex) {
			if (this.closed) {
				return new ArkStreamException("The stream was closed", null, this.requestId, null, ex);
			}
			if (ex instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
				return new ArkStreamException("Reading the stream was interrupted", null, this.requestId, null, ex);
			}
			if (isTimeout(ex)) {
				return new ArkTimeoutException("Ark's stream timed out: " + ex.getMessage(), this.requestId, ex);
			}
			return new ArkStreamException("Ark's stream broke off: " + ex.getMessage(), null, this.requestId, null,
					ex);
		}

		@Override
		public void close(boolean finished) {
			this.closed = true;
			try {
				// closing the body before its end aborts the exchange (the JDK client cancels the subscription)
				this.reader.close();
			}
			catch (IOException ignored) {
				// the exchange is being abandoned anyway
			}
			finally {
				this.response.close();
			}
		}

	}

}
