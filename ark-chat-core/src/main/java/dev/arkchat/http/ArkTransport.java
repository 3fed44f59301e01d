package dev.arkchat.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.arkchat.ArkConnectionException;
import dev.arkchat.ArkException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.ArkTimeoutException;
import dev.arkchat.ChatStream;
import dev.arkchat.observation.ArkChatObservationContext;
import dev.arkchat.observation.ArkChatObservationConvention;
import dev.arkchat.observation.ArkChatObservationDocumentation;
import dev.arkchat.observation.DefaultArkChatObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP exchange every endpoint client is built on: sends a request body as JSON with the wire mapper, retries
 * what is safe to retry, decodes errors into the {@link ArkException} family, reads answers whole or as a stream of
 * server-sent events straight from the body's bytes, ends silent streams after an idle timeout, and observes every
 * call and every stream (until its last event, error or close) as {@code gen_ai.client.operation}.
 * <p>
 * Blocking calls and streams use two {@link RestClient}s (by default over one JDK {@link HttpClient} and
 * {@link ArkJdkClientHttpRequestFactory}): the read timeout bounds a blocking call, while a stream is guarded by its
 * idle timeout, so that a healthy long stream is never cut. Thread-safe; one per endpoint client (or shared by clients of one host).
 */
public final class ArkTransport {

	/** Default connect timeout. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** Default read timeout of a blocking call (bots that search the web and reason can take minutes). */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);

	/** Default idle timeout of a stream: no byte for this long ends it. */
	public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(120);

	/** What a stream asks for: events, or a JSON error. */
	private static final String EVENT_STREAM_OR_JSON = MediaType.TEXT_EVENT_STREAM_VALUE + ", "
			+ MediaType.APPLICATION_JSON_VALUE;

	private static final DefaultArkChatObservationConvention DEFAULT_CONVENTION = new DefaultArkChatObservationConvention();

	/** Where {@link RestClient} keeps a request's URI template (the {@code uri} of {@code http.client.requests}). */
	private static final String URI_TEMPLATE_ATTRIBUTE = RestClient.class.getName() + ".uriTemplate";

	private static final int MAX_RESOLVED_PATHS = 64;

	/**
	 * The URI and URI template {@link RestClient} made of each path the first time: it parses, expands and encodes
	 * the path against the base URL twice per call otherwise, the same every time.
	 */
	private final Map<String, ResolvedPath> resolvedPaths = new ConcurrentHashMap<>();

	/** Builds the two clients at the first call: building them loads much of Spring's HTTP client. */
	private final Supplier<RestClients> clientsFactory;

	private volatile @Nullable RestClients clients;

	private final Clock clock;

	private final RetrySettings retry;

	private final @Nullable Duration streamIdleTimeout;

	private final ObservationRegistry observationRegistry;

	private final @Nullable ArkChatObservationConvention observationConvention;

	private final boolean includeContent;

	private ArkTransport(Builder builder, Supplier<RestClients> clients) {
		this.clientsFactory = clients;
		this.clock = builder.clock;
		this.retry = builder.retry;
		this.streamIdleTimeout = builder.streamIdleTimeout;
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
		this.includeContent = builder.includeContent;
	}

	/**
	 * A transport over one ready {@link RestClient} (with its base URL), with default retries and stream idle
	 * timeout and no observation. The client's own read timeout, if any, applies to streams too.
	 * @param restClient the client
	 * @param clock the clock used for {@code Retry-After} dates
	 */
	public ArkTransport(RestClient restClient, Clock clock) {
		this(restClient, clock, RetrySettings.DEFAULTS);
	}

	/**
	 * A transport over one ready {@link RestClient} (with its base URL), with given retries.
	 * @param restClient the client
	 * @param clock the clock used for {@code Retry-After} dates
	 * @param retry the retry settings
	 */
	public ArkTransport(RestClient restClient, Clock clock, RetrySettings retry) {
		this(new Builder().clock(clock).retry(retry), () -> new RestClients(restClient, restClient));
		this.clients = new RestClients(restClient, restClient);
	}

	/**
	 * A builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * POSTs a JSON body and reads the JSON answer whole, retrying what is safe to retry.
	 * @param path the path (with any query), relative to the base URL
	 * @param body the request body, serialized with the wire mapper
	 * @param headers adds request headers (authorization, ids)
	 * @param reader reads the answer
	 * @param <T> the answer type
	 * @return the answer
	 * @throws ArkException on an error answer, a network failure or a timeout
	 */
	public <T> T post(String path, Object body, Consumer<HttpHeaders> headers, ObjectReader reader) {
		return post(path, body, headers, reader, ArkCall.of("ark", null));
	}

	/**
	 * POSTs a JSON body and reads the JSON answer whole, retrying what is safe to retry, observed as one operation.
	 * @param path the path (with any query), relative to the base URL
	 * @param body the request body, serialized with the wire mapper
	 * @param headers adds request headers (authorization, ids)
	 * @param reader reads the answer
	 * @param call what to observe
	 * @param <T> the answer type
	 * @return the answer
	 * @throws ArkException on an error answer, a network failure or a timeout
	 */
	public <T> T post(String path, Object body, Consumer<HttpHeaders> headers, ObjectReader reader, ArkCall<T> call) {
		byte[] json = ArkJson.mapper().writeValueAsBytes(body);
		ArkChatObservationContext context = context(call, false);
		Observation observation = observation(context);
		return observation.observe(() -> {
			T answer = withRetry(() -> exchange(path, json, headers, reader, context));
			if (!observation.isNoop()) {
				call.observer().observe(answer, context);
			}
			return answer;
		});
	}

	/**
	 * POSTs a JSON body and opens the answer as a stream of server-sent events.
	 * @param path the path, relative to the base URL
	 * @param body the request body
	 * @param headers adds request headers
	 * @param decoder turns events into chunks
	 * @param <T> the chunk type
	 * @return the source of chunks, for a {@link ChatStream}
	 * @throws ArkException when the server answers with an error status, or the connection fails
	 */
	public <T> ChatStream.Source<T> postForEvents(String path, Object body, Consumer<HttpHeaders> headers,
			EventDecoder<T> decoder) {
		return postForEvents(path, body, headers, decoder, ArkCall.of("ark", null));
	}

	/**
	 * POSTs a JSON body and opens the answer as a stream of server-sent events. Opening is retried like a blocking
	 * call; once the stream has started nothing is retried (the caller would see text twice). The exchange stays open
	 * until the returned source is closed or reaches its terminator; its observation lasts as long.
	 * @param path the path, relative to the base URL
	 * @param body the request body
	 * @param headers adds request headers
	 * @param decoder turns events into chunks
	 * @param call what to observe
	 * @param <T> the chunk type
	 * @return the source of chunks, for a {@link ChatStream}
	 * @throws ArkException when the server answers with an error status, or the connection fails
	 */
	public <T> ChatStream.Source<T> postForEvents(String path, Object body, Consumer<HttpHeaders> headers,
			EventDecoder<T> decoder, ArkCall<T> call) {
		byte[] json = ArkJson.mapper().writeValueAsBytes(body);
		ArkChatObservationContext context = context(call, true);
		Observation observation = observation(context).start();
		long started = System.nanoTime();
		ClientHttpResponse response;
		try (Observation.Scope scope = observation.openScope()) {
			response = withRetry(() -> open(path, json, headers, context));
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		return new EventSource<>(response, decoder, call, context, observation, started, this.streamIdleTimeout);
	}

	private ArkChatObservationContext context(ArkCall<?> call, boolean streaming) {
		ArkChatObservationContext context = new ArkChatObservationContext(call.api(), call.operation(), call.model(),
				null, -1, streaming, call.options());
		context.setIncludeContent(this.includeContent);
		if (this.includeContent && call.prompt() != null) {
			context.setPrompt(call.prompt().get());
		}
		return context;
	}

	private Observation observation(ArkChatObservationContext context) {
		return ArkChatObservationDocumentation.CHAT_CLIENT_OPERATION.observation(this.observationConvention,
				DEFAULT_CONVENTION, () -> context, this.observationRegistry);
	}

	private <T> T exchange(String path, byte[] json, Consumer<HttpHeaders> headers, ObjectReader reader,
			ArkChatObservationContext context) {
		try {
			return target(clients().blocking(), path)
				.httpRequest((request) -> prepare(request, MediaType.APPLICATION_JSON_VALUE, headers, json))
				.exchange((request, response) -> {
					server(request, context);
					remember(path, request);
					throwIfError(response);
					try (InputStream in = response.getBody()) {
						// a body received whole is parsed from its bytes, not copied again through the stream
						byte[] whole = (in instanceof ArkJdkClientHttpRequestFactory.WholeBody body) ? body.unread()
								: null;
						return (whole != null) ? reader.<T>readValue(whole) : reader.<T>readValue(in);
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

	private ClientHttpResponse open(String path, byte[] json, Consumer<HttpHeaders> headers,
			ArkChatObservationContext context) {
		try {
			return target(clients().streaming(), path)
				.httpRequest((request) -> prepare(request, EVENT_STREAM_OR_JSON, headers, json))
				.exchange((request, response) -> {
					server(request, context);
					remember(path, request);
					try {
						throwIfError(response);
					}
					finally {
						if (response.getStatusCode().isError()) {
							response.close();
						}
					}
					return response;
				}, false);
		}
		catch (RestClientException ex) {
			throw translate(ex);
		}
	}

	/**
	 * Sets a request's headers and writes its body into the request itself, once {@link RestClient} has made it (and
	 * copied any default headers of the application's builder into it). Handing them to {@code RestClient}'s spec
	 * instead costs a copy of every header into the request (Spring's {@code HttpHeaders.addAll} builds
	 * case-insensitive views of the names each time) and a pass through the message converters for a body that is
	 * already bytes. Interceptors and observations see the same request either way: they run when it is executed.
	 */
	private static void prepare(ClientHttpRequest request, String accept, Consumer<HttpHeaders> headers, byte[] json) {
		HttpHeaders requestHeaders = request.getHeaders();
		requestHeaders.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
		requestHeaders.set(HttpHeaders.ACCEPT, accept);
		headers.accept(requestHeaders);
		requestHeaders.set(RequestIds.CLIENT_REQUEST_ID_HEADER, RequestIds.next());
		// as a message converter writes bytes: with their length (a streaming request factory would otherwise send
		// the body chunked) and as a repeatable body where the request takes one
		requestHeaders.setContentLength(json.length);
		try {
			if (request instanceof StreamingHttpOutputMessage streaming) {
				streaming.setBody(json);
			}
			else {
				request.getBody().write(json);
			}
		}
		catch (IOException ex) {
			throw new ResourceAccessException("I/O error writing the request to " + request.getURI() + ": "
					+ ex.getMessage(), ex);
		}
	}

	private RestClients clients() {
		RestClients clients = this.clients;
		if (clients == null) {
			synchronized (this.clientsFactory) {
				clients = this.clients;
				if (clients == null) {
					clients = this.clientsFactory.get();
					this.clients = clients;
				}
			}
		}
		return clients;
	}

	private RestClient.RequestBodySpec target(RestClient client, String path) {
		ResolvedPath resolved = this.resolvedPaths.get(path);
		if (resolved == null) {
			return client.post().uri(path);
		}
		return client.post().uri(resolved.uri()).attribute(URI_TEMPLATE_ATTRIBUTE, resolved.template());
	}

	/** Keeps what RestClient resolved a path to, when it tells (else every call resolves it, as before). */
	private void remember(String path, HttpRequest request) {
		if (this.resolvedPaths.size() < MAX_RESOLVED_PATHS && !this.resolvedPaths.containsKey(path)
				&& request.getAttributes().get(URI_TEMPLATE_ATTRIBUTE) instanceof String template
				&& request.getURI().isAbsolute()) {
			this.resolvedPaths.putIfAbsent(path, new ResolvedPath(request.getURI(), template));
		}
	}

	private record ResolvedPath(URI uri, String template) {
	}

	private static void server(HttpRequest request, ArkChatObservationContext context) {
		URI uri = request.getURI();
		context.setServer(uri.getHost(), uri.getPort());
	}

	private <R> R withRetry(Supplier<R> attempt) {
		if (this.retry.maxAttempts() <= 1) {
			return attempt.get();
		}
		RetryTemplate template = new RetryTemplate(new ArkRetryPolicy(this.retry));
		try {
			return template.execute(attempt::get);
		}
		catch (RetryException ex) {
			Throwable last = (ex.getLastException() != null) ? ex.getLastException() : ex.getCause();
			if (last instanceof InterruptedException) {
				Thread.currentThread().interrupt();
				throw new ArkException("Interrupted while waiting to retry a call to Ark", ex);
			}
			if (last instanceof RuntimeException runtime) {
				for (Throwable earlier : ex.getExceptions()) {
					if (earlier != last && runtime.getSuppressed().length < 8) {
						runtime.addSuppressed(earlier);
					}
				}
				throw runtime;
			}
			throw new ArkException("Call to Ark failed: " + ex.getMessage(), ex);
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
				|| (ex instanceof InterruptedIOException && ex.getMessage() != null
						&& ex.getMessage().toLowerCase().contains("timed out"));
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

	/** Builds an {@link ArkTransport}. */
	public static final class Builder {

		private RestClient.@Nullable Builder restClientBuilder;

		private @Nullable Supplier<RestClient.Builder> restClientBuilderSupplier;

		private @Nullable URI baseUrl;

		private @Nullable ClientHttpRequestFactory blockingRequestFactory;

		private @Nullable ClientHttpRequestFactory streamingRequestFactory;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private @Nullable Duration readTimeout = DEFAULT_READ_TIMEOUT;

		private @Nullable Duration streamIdleTimeout = DEFAULT_STREAM_IDLE_TIMEOUT;

		private RetrySettings retry = RetrySettings.DEFAULTS;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable ArkChatObservationConvention observationConvention;

		private boolean includeContent;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * Starts from a configured builder (interceptors, observation, message converters); it is cloned, never
		 * changed.
		 * @param restClientBuilder the builder
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.restClientBuilder = restClientBuilder;
			this.restClientBuilderSupplier = null;
			return this;
		}

		/**
		 * Starts from a configured builder that is asked for at the transport's first call, not when it is built:
		 * an application that creates its clients at startup pays for {@code RestClient} only when it calls Ark.
		 * The supplier is called once, and the builder it returns is not changed.
		 * @param restClientBuilder supplies the builder
		 * @return this builder
		 */
		public Builder restClientBuilder(Supplier<RestClient.Builder> restClientBuilder) {
			this.restClientBuilderSupplier = restClientBuilder;
			this.restClientBuilder = null;
			return this;
		}

		/**
		 * Sets the host.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public Builder baseUrl(URI baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * Sets the request factories of blocking calls and of streams. Without them, one JDK {@link HttpClient} is
		 * made for both, with the connect timeout, and the read timeout on blocking calls only.
		 * @param blocking the factory of blocking calls (with a read timeout)
		 * @param streaming the factory of streams (without a whole-response timeout)
		 * @return this builder
		 */
		public Builder requestFactories(ClientHttpRequestFactory blocking, ClientHttpRequestFactory streaming) {
			this.blockingRequestFactory = blocking;
			this.streamingRequestFactory = streaming;
			return this;
		}

		/**
		 * Sets the connect timeout (used when no request factories are given).
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = Objects.requireNonNull(connectTimeout);
			return this;
		}

		/**
		 * Sets the read timeout of blocking calls (used when no request factories are given).
		 * @param readTimeout the timeout, or {@code null} for none
		 * @return this builder
		 */
		public Builder readTimeout(@Nullable Duration readTimeout) {
			this.readTimeout = readTimeout;
			return this;
		}

		/**
		 * Sets the stream idle timeout: a stream with no byte for this long ends with an {@link ArkTimeoutException}.
		 * @param streamIdleTimeout the timeout, or {@code null} for none
		 * @return this builder
		 */
		public Builder streamIdleTimeout(@Nullable Duration streamIdleTimeout) {
			this.streamIdleTimeout = streamIdleTimeout;
			return this;
		}

		/**
		 * Sets the retry settings.
		 * @param retry the settings; {@link RetrySettings#NONE} turns retries off
		 * @return this builder
		 */
		public Builder retry(RetrySettings retry) {
			this.retry = Objects.requireNonNull(retry);
			return this;
		}

		/**
		 * Sets the registry calls are observed with.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry);
			return this;
		}

		/**
		 * Replaces the default observation convention.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable ArkChatObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Records prompt and completion text in observations. Off by default: they may hold personal data.
		 * @param includeContent whether to record content
		 * @return this builder
		 */
		public Builder includeContent(boolean includeContent) {
			this.includeContent = includeContent;
			return this;
		}

		/**
		 * Sets the clock.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock);
			return this;
		}

		/**
		 * Builds the transport.
		 * @return the transport
		 */
		public ArkTransport build() {
			ClientHttpRequestFactory blockingFactory = this.blockingRequestFactory;
			ClientHttpRequestFactory streamingFactory = this.streamingRequestFactory;
			if (blockingFactory == null || streamingFactory == null) {
				Duration connectTimeout = this.connectTimeout;
				LazyHttpClient httpClient = new LazyHttpClient(() -> HttpClient.newBuilder()
					.connectTimeout(connectTimeout)
					.followRedirects(HttpClient.Redirect.NORMAL)
					.build());
				blockingFactory = ArkJdkClientHttpRequestFactory.forWholeBodies(httpClient, this.readTimeout);
				streamingFactory = new ArkJdkClientHttpRequestFactory(httpClient, null);
			}
			RestClient.Builder given = (this.restClientBuilder != null) ? this.restClientBuilder.clone() : null;
			Supplier<RestClient.Builder> supplier = this.restClientBuilderSupplier;
			URI baseUrl = this.baseUrl;
			ClientHttpRequestFactory blocking = blockingFactory;
			ClientHttpRequestFactory streaming = streamingFactory;
			// built at the first call, not when the application starts
			return new ArkTransport(this, () -> restClients(given, supplier, baseUrl, blocking, streaming));
		}

		private static RestClients restClients(RestClient.@Nullable Builder given,
				@Nullable Supplier<RestClient.Builder> supplier, @Nullable URI baseUrl,
				ClientHttpRequestFactory blockingFactory, ClientHttpRequestFactory streamingFactory) {
			RestClient.Builder base = (given != null) ? given
					: (supplier != null) ? Objects.requireNonNull(supplier.get(), "restClientBuilder").clone()
							: RestClient.builder();
			if (baseUrl != null) {
				base.baseUrl(baseUrl);
			}
			// no body goes through the converters (requests are written into the request as bytes, answers read from
			// the body): with no converter configured, RestClient would register its defaults, a Jackson mapper of its
			// own among them, which costs an application's startup a good 150 ms and is never used
			base.configureMessageConverters((converters) -> converters.addCustomConverter(new ByteArrayHttpMessageConverter()));
			RestClient blocking = base.clone().requestFactory(blockingFactory).build();
			RestClient streaming = base.clone().requestFactory(streamingFactory).build();
			return new RestClients(blocking, streaming);
		}

	}

	/** The client of blocking calls (its read timeout bounds the wait) and the client of streams. */
	private record RestClients(RestClient blocking, RestClient streaming) {
	}

	/** Reads chunks from an open event-stream response; aborts it when closed before the end. */
	private static final class EventSource<T> implements ChatStream.Source<T> {

		private final ClientHttpResponse response;

		private final EventDecoder<T> decoder;

		private final ArkCall<T> call;

		private final ArkChatObservationContext context;

		private final Observation observation;

		/** Whether anyone observes: with no registry, chunks are not read into the context. */
		private final boolean observed;

		private final long started;

		private final @Nullable String requestId;

		private final ServerSentEventReader reader;

		private final IdleWatchdog watchdog;

		private final AtomicBoolean observationStopped = new AtomicBoolean();

		private volatile boolean closed;

		private boolean ended;

		private boolean first = true;

		private @Nullable RuntimeException failure;

		EventSource(ClientHttpResponse response, EventDecoder<T> decoder, ArkCall<T> call,
				ArkChatObservationContext context, Observation observation, long started,
				@Nullable Duration idleTimeout) {
			this.response = response;
			this.decoder = decoder;
			this.call = call;
			this.context = context;
			this.observation = observation;
			this.observed = !observation.isNoop();
			this.started = started;
			this.requestId = requestId(response);
			this.watchdog = new IdleWatchdog(idleTimeout, this::abort);
			try {
				this.reader = new ServerSentEventReader(this.watchdog.watch(response.getBody()));
			}
			catch (IOException ex) {
				abort();
				ArkConnectionException failure = new ArkConnectionException(
						"Could not read Ark's stream: " + ex.getMessage(), this.requestId, ex);
				stopObservation(failure);
				throw failure;
			}
		}

		@Override
		public @Nullable T next() {
			try {
				T chunk = read();
				if (chunk != null && this.observed) {
					this.call.observer().observe(chunk, this.context);
				}
				return chunk;
			}
			catch (RuntimeException ex) {
				this.failure = ex;
				throw ex;
			}
		}

		private @Nullable T read() {
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
					if (this.closed) {
						throw new ArkStreamException("The stream was closed", null, this.requestId, null, null);
					}
					throw new ArkStreamException("Ark's stream ended without its terminator ([DONE]): the answer is "
							+ "incomplete", null, this.requestId, null, null);
				}
				if (this.first) {
					this.first = false;
					this.context.setTimeToFirstChunk(Duration.ofNanos(System.nanoTime() - this.started));
					this.observation.event(ArkChatObservationDocumentation.Events.FIRST_CHUNK);
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
			if (this.watchdog.isTimedOut()) {
				return new ArkTimeoutException("Ark's stream sent nothing for longer than its idle timeout", this.requestId,
						ex);
			}
			if (this.closed) {
				return new ArkStreamException("The stream was closed", null, this.requestId, null, ex);
			}
			if (this.watchdog.isInterrupted() || Thread.currentThread().isInterrupted()) {
				return new ArkStreamException("Reading the stream was interrupted", null, this.requestId, null, ex);
			}
			if (isTimeout(ex)) {
				return new ArkTimeoutException("Ark's stream timed out: " + ex.getMessage(), this.requestId, ex);
			}
			return new ArkStreamException("Ark's stream broke off: " + ex.getMessage(), null, this.requestId, null,
					ex);
		}

		/** Aborts the exchange: closing the body before its end makes the JDK client cancel it. */
		private void abort() {
			try {
				this.response.getBody().close();
			}
			catch (IOException | RuntimeException ignored) {
				// being abandoned anyway
			}
			finally {
				this.response.close();
			}
		}

		@Override
		public void close(boolean finished) {
			this.closed = true;
			this.watchdog.stop();
			if (!finished) {
				abort();
			}
			else {
				this.response.close();
			}
			if (finished) {
				stopObservation(null);
			}
			else if (this.failure != null) {
				stopObservation(this.failure);
			}
			else {
				this.context.setErrorType("cancelled");
				stopObservation(null);
			}
		}

		private void stopObservation(@Nullable Throwable error) {
			if (this.observationStopped.compareAndSet(false, true)) {
				if (error != null) {
					this.observation.error(error);
				}
				this.observation.stop();
			}
		}

	}

}
