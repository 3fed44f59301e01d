package dev.arkchat.context;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.arkchat.ArkClientBuilder;
import dev.arkchat.ArkException;
import dev.arkchat.ArkPermissionException;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.http.ArkCall;
import dev.arkchat.http.ArkJson;
import dev.arkchat.http.ArkTransport;
import dev.arkchat.http.ServerSentEvent;
import dev.arkchat.http.StreamErrors;
import dev.arkchat.observation.ChatObservationSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * The context cache endpoints, faithful to the wire: {@code POST /api/v3/context/create} creates a context and
 * {@code POST /api/v3/context/chat/completions} continues one, blocking or as a {@link ContextChatStream}. Requests are
 * checked before they are sent; errors are raised as the {@link ArkException} family, and a refusal because the
 * context is busy with another call as {@link ContextBusyException}. Requests are sent with the API key of their
 * endpoint. Applications usually inject {@link ContextChatOperations} instead. Thread-safe.
 */
public class ContextClient {

	/** The path of context create. */
	public static final String CREATE_PATH = "/api/v3/context/create";

	/** The path of context chat. */
	public static final String CHAT_PATH = "/api/v3/context/chat/completions";

	/** The {@code ark.api} name of this endpoint in observations. */
	public static final String API = "context";

	private final ArkTransport transport;

	private final ApiKeyProvider apiKeys;

	/**
	 * Creates a client.
	 * @param restClient a client whose base URL is the Ark host
	 * @param apiKeys gives the Bearer key for an endpoint
	 */
	public ContextClient(RestClient restClient, ApiKeyProvider apiKeys) {
		this(restClient, apiKeys, Clock.systemUTC());
	}

	/**
	 * Creates a client with a clock (for {@code Retry-After} dates).
	 * @param restClient a client whose base URL is the Ark host
	 * @param apiKeys gives the Bearer key for an endpoint
	 * @param clock the clock
	 */
	public ContextClient(RestClient restClient, ApiKeyProvider apiKeys, Clock clock) {
		this(new ArkTransport(restClient, clock), apiKeys);
	}

	/**
	 * Creates a client on a configured transport (timeouts, retries, observation).
	 * @param transport the transport, whose base URL is the Ark host
	 * @param apiKeys gives the Bearer key for an endpoint
	 */
	public ContextClient(ArkTransport transport, ApiKeyProvider apiKeys) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys must not be null");
	}

	/**
	 * A builder for use without Spring Boot.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Creates a context.
	 * @param request the request; its endpoint must be set
	 * @return the context, as the server describes it
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws ArkException when the call fails
	 */
	public ContextCreateResult create(ContextCreateRequest request) {
		request.validate();
		ContextCreateResult result = this.transport.post(CREATE_PATH, request, headers(request.model()),
				Readers.CREATE, new ArkCall<>(API, "create_context", request.model(), Map.of(),
						() -> ChatObservationSupport.prompt(request.messages()), (created, context) -> {
							context.setResponseId(created.id());
							context.setResponseModel(created.model());
							ChatObservationSupport.usage(created.usage(), context);
						}));
		if (result.id() == null || result.id().isBlank()) {
			throw new ArkException("Ark created a context but its answer carries no id", null);
		}
		return result;
	}

	/**
	 * Continues a context and waits for the whole answer.
	 * @param request the request; its endpoint and context id must be set
	 * @return the answer
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws ContextBusyException when another call on the context is in progress
	 * @throws ArkException when the call fails
	 */
	public ContextChatCompletion chat(ContextChatRequest request) {
		request.validate(false);
		ContextChatRequest body = request.withStream(false);
		try {
			return this.transport.post(CHAT_PATH, body, headers(body.model()), Readers.COMPLETION,
					call(body, (completion, context) -> {
						context.setResponseId(completion.id());
						context.setResponseModel(completion.model());
						ChatObservationSupport.choices(completion.choices(), context);
						ChatObservationSupport.usage(completion.usage(), context);
					}));
		}
		catch (ArkPermissionException ex) {
			throw busyOr(ex, body);
		}
	}

	/**
	 * Continues a context and streams the answer. The HTTP exchange stays open until the stream ends or is closed.
	 * @param request the request; its endpoint and context id must be set
	 * @return the stream, to be closed by the caller
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws ContextBusyException when another call on the context is in progress
	 * @throws ArkException when the call fails before the stream starts
	 */
	public ContextChatStream stream(ContextChatRequest request) {
		request.validate(true);
		ContextChatRequest body = request.withStream(true);
		try {
			return new ContextChatStream(
					this.transport.postForEvents(CHAT_PATH, body, headers(body.model()), ContextClient::decode,
							call(body, (chunk, context) -> {
								context.setResponseId(chunk.id());
								context.setResponseModel(chunk.model());
								ChatObservationSupport.chunkChoices(chunk.choices(), context);
								ChatObservationSupport.usage(chunk.usage(), context);
							})));
		}
		catch (ArkPermissionException ex) {
			throw busyOr(ex, body);
		}
	}

	private static <T> ArkCall<T> call(ContextChatRequest request, ArkCall.ResponseObserver<T> observer) {
		return new ArkCall<>(API, "chat", request.model(), ChatObservationSupport.options(request.options()),
				() -> ChatObservationSupport.prompt(request.messages()), observer);
	}

	private static ArkPermissionException busyOr(ArkPermissionException ex, ContextChatRequest request) {
		return ContextErrors.isBusy(ex) ? new ContextBusyException(ex, request.contextId(), null) : ex;
	}

	private Consumer<HttpHeaders> headers(@Nullable String endpointId) {
		String apiKey = this.apiKeys.getApiKey(Objects.requireNonNull(endpointId));
		return (headers) -> headers.setBearerAuth(apiKey);
	}

	private static @Nullable ContextChatChunk decode(ServerSentEvent event, @Nullable String requestId) {
		StreamErrors.throwIfError(event, requestId);
		return event.readData(Readers.CHUNK);
	}

	@Override
	public String toString() {
		return "ContextClient{apiKeys=" + this.apiKeys + "}";
	}

	/**
	 * The readers, built at the first call rather than when the client is created: building them builds Jackson's
	 * deserializers for the whole answer model, which an application's startup need not wait for.
	 */
	private static final class Readers {

		static final ObjectReader CREATE = ArkJson.mapper().readerFor(ContextCreateResult.class);

		static final ObjectReader COMPLETION = ArkJson.mapper().readerFor(ContextChatCompletion.class);

		static final ObjectReader CHUNK = ArkJson.mapper().readerFor(ContextChatChunk.class);


	}

	/** Builds a {@link ContextClient} without Spring Boot. */
	public static final class Builder extends ArkClientBuilder<Builder, ContextClient> {

		private Builder() {
		}

		@Override
		protected ContextClient create(ArkTransport transport, ApiKeyProvider apiKeys) {
			return new ContextClient(transport, apiKeys);
		}

	}

}
