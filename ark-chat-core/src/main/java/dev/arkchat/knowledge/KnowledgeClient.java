package dev.arkchat.knowledge;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.arkchat.ArkException;
import dev.arkchat.ArkRegion;
import dev.arkchat.ArkStreamException;
import dev.arkchat.ChatStream;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.auth.VolcengineSigner;
import dev.arkchat.chat.Usage;
import dev.arkchat.http.ArkCall;
import dev.arkchat.http.ArkTransport;
import dev.arkchat.http.ServerSentEvent;
import dev.arkchat.observation.ArkChatObservationContext;
import dev.arkchat.observation.ChatObservationSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * The knowledge base endpoints, faithful to the wire: {@code POST /api/knowledge/collection/search_knowledge}
 * searches a collection and {@code POST /api/knowledge/chat/completions} lets a model answer, blocking or as a
 * {@link KnowledgeChatStream}. Requests are signed with Volcengine's V4 signature (service {@code air}) by a
 * {@link VolcengineSigner} on the transport, carry {@code V-Account-Id} when an account id is configured, and are
 * checked before they are sent. Answers are unwrapped from their envelope; an envelope with a non-zero code (with an
 * error status or with 200) is raised as the {@link ArkException} family by its code, with the request id.
 * Applications usually inject {@link KnowledgeOperations} instead. Thread-safe.
 */
public class KnowledgeClient {

	/** The path of knowledge search. */
	public static final String SEARCH_PATH = "/api/knowledge/collection/search_knowledge";

	/** The path of knowledge chat. */
	public static final String CHAT_PATH = "/api/knowledge/chat/completions";

	/** The header that names the account the collection belongs to. */
	public static final String ACCOUNT_ID_HEADER = "V-Account-Id";

	/** The service knowledge requests are signed for. */
	public static final String SIGNING_SERVICE = "air";

	/** The {@code ark.api} name of this endpoint in observations. */
	public static final String API = "knowledge";

	private final ArkTransport transport;

	private final @Nullable String accountId;

	/**
	 * Creates a client on a transport whose requests are already signed (its {@link RestClient} has a
	 * {@link VolcengineSigner} for service {@code air} as its last interceptor).
	 * @param transport the transport, whose base URL is the knowledge host
	 */
	public KnowledgeClient(ArkTransport transport) {
		this(transport, null);
	}

	/**
	 * Creates a client on a signing transport, naming the account in every request.
	 * @param transport the transport, whose base URL is the knowledge host and whose requests are signed
	 * @param accountId the account id sent as {@code V-Account-Id}, or {@code null} to send none
	 */
	public KnowledgeClient(ArkTransport transport, @Nullable String accountId) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.accountId = (accountId != null && !accountId.isBlank()) ? accountId.trim() : null;
	}

	/**
	 * A builder for use without Spring Boot.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Searches a collection.
	 * @param request the request; its collection and query must be set
	 * @return the chunks found, with {@code doc_meta} decoded
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws ArkException when the call fails
	 */
	public KnowledgeSearchResult search(KnowledgeSearchRequest request) {
		request.validate();
		KnowledgeEnvelope<KnowledgeSearchResult.Data> envelope = this.transport.post(SEARCH_PATH, request,
				headers(), Readers.SEARCH, new ArkCall<>(API, "search", null, searchOptions(request), request::query,
						KnowledgeClient::observeSearch));
		return envelope.requireData().toResult(envelope.requestId());
	}

	/**
	 * Asks the model and waits for the whole answer.
	 * @param request the request; its messages must be set
	 * @return the answer, with its usage decoded into numbers
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws ArkException when the call fails
	 */
	public KnowledgeChatCompletion chat(KnowledgeChatRequest request) {
		request.validate();
		KnowledgeChatRequest body = request.withStream(false);
		KnowledgeEnvelope<KnowledgeChatData> envelope = this.transport.post(CHAT_PATH, body, headers(), Readers.CHAT,
				chatCall(body, KnowledgeClient::observeChat));
		KnowledgeChatData data = envelope.requireData();
		return new KnowledgeChatCompletion(Objects.requireNonNullElse(data.generatedAnswer(), ""),
				data.reasoningContent(), data.decodedUsage(), envelope.requestId());
	}

	/**
	 * Asks the model and streams the answer. The HTTP exchange stays open until the stream ends ({@code "end": true}
	 * or {@code [DONE]}) or is closed.
	 * @param request the request; its messages must be set
	 * @return the stream, to be closed by the caller
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws ArkException when the call fails before the stream starts
	 */
	public KnowledgeChatStream stream(KnowledgeChatRequest request) {
		return new KnowledgeChatStream(openStream(request));
	}

	/**
	 * Opens a stream, for the streams of this package.
	 * @param request the request
	 * @return the source of chunks
	 */
	ChatStream.Source<KnowledgeChatChunk> openStream(KnowledgeChatRequest request) {
		request.validate();
		KnowledgeChatRequest body = request.withStream(true);
		return this.transport.postForEvents(CHAT_PATH, body, headers(), new ChunkDecoder(),
				chatCall(body, KnowledgeClient::observeChunk));
	}

	private Consumer<HttpHeaders> headers() {
		String account = this.accountId;
		return (headers) -> {
			if (account != null) {
				headers.set(ACCOUNT_ID_HEADER, account);
			}
		};
	}

	private static Map<String, Object> searchOptions(KnowledgeSearchRequest request) {
		Map<String, Object> options = new LinkedHashMap<>();
		if (request.limit() != null) {
			options.put("limit", request.limit());
		}
		return options;
	}

	private static <T> ArkCall<T> chatCall(KnowledgeChatRequest request, ArkCall.ResponseObserver<T> observer) {
		Map<String, Object> options = new LinkedHashMap<>();
		if (request.temperature() != null) {
			options.put("temperature", request.temperature());
		}
		if (request.maxTokens() != null) {
			options.put("max_tokens", request.maxTokens());
		}
		return new ArkCall<>(API, "chat", request.model(), options, () -> ChatObservationSupport.prompt(request.messages()),
				observer);
	}

	/** Raises an error envelope inside the observation, so that it is recorded as the call's error. */
	private static void observeSearch(KnowledgeEnvelope<KnowledgeSearchResult.Data> envelope,
			ArkChatObservationContext context) {
		context.setResponseId(envelope.requestId());
		envelope.throwIfError();
		KnowledgeSearchResult.Data data = envelope.data();
		if (data != null && data.tokenUsage() != null && data.tokenUsage().embeddingTokenUsage() != null) {
			Usage usage = data.tokenUsage().embeddingTokenUsage();
			context.setUsage(usage.promptTokens(), usage.completionTokens(), null);
		}
	}

	private static void observeChat(KnowledgeEnvelope<KnowledgeChatData> envelope,
			ArkChatObservationContext context) {
		context.setResponseId(envelope.requestId());
		envelope.throwIfError();
		KnowledgeChatData data = envelope.data();
		if (data != null) {
			context.appendCompletion(data.generatedAnswer());
			ChatObservationSupport.usage(data.decodedUsage(), context);
		}
	}

	private static void observeChunk(KnowledgeChatChunk chunk, ArkChatObservationContext context) {
		context.setResponseId(chunk.requestId());
		context.appendCompletion(chunk.generatedAnswer());
		ChatObservationSupport.usage(chunk.usage(), context);
	}

	@Override
	public String toString() {
		return "KnowledgeClient{accountId=" + ((this.accountId != null) ? this.accountId : "none") + "}";
	}

	/**
	 * Turns each event's envelope into a chunk; an envelope with a non-zero code fails the stream with an
	 * {@link ArkStreamException} carrying the code, whose root cause is the code's exception type.
	 */
	private static final class ChunkDecoder implements ArkTransport.EventDecoder<KnowledgeChatChunk> {

		@Override
		public @Nullable KnowledgeChatChunk decode(ServerSentEvent event, @Nullable String requestId) {
			KnowledgeEnvelope<KnowledgeChatData> envelope = event.readData(Readers.CHAT);
			String id = (envelope.requestId() != null) ? envelope.requestId() : requestId;
			if (envelope.isError()) {
				throw new ArkStreamException(
						"The knowledge base reported an error in the stream " + envelope.code()
								+ ((envelope.message() != null) ? ": " + envelope.message() : ""),
						String.valueOf(envelope.code()), id, null, envelope.toException(200));
			}
			KnowledgeChatData data = envelope.data();
			if (data == null) {
				return null;
			}
			return new KnowledgeChatChunk(Objects.requireNonNullElse(data.generatedAnswer(), ""),
					data.reasoningContent(), data.decodedUsage(), data.isEnd(), id);
		}

		@Override
		public boolean isLast(KnowledgeChatChunk chunk) {
			return chunk.end();
		}

	}

	/**
	 * The readers, built at the first call rather than when the client is created: building them builds Jackson's
	 * deserializers for the whole answer model, which an application's startup need not wait for.
	 */
	private static final class Readers {

		static final ObjectReader SEARCH = KnowledgeEnvelope.reader(KnowledgeSearchResult.Data.class);

		static final ObjectReader CHAT = KnowledgeEnvelope.reader(KnowledgeChatData.class);


	}

	/** Builds a {@link KnowledgeClient} without Spring Boot. */
	public static final class Builder {

		private URI baseUrl = ArkRegion.CN_BEIJING.knowledgeBaseUrl();

		private @Nullable String signingRegion;

		private ArkRegion region = ArkRegion.CN_BEIJING;

		private @Nullable VolcengineCredentials credentials;

		private @Nullable String accountId;

		private RestClient.@Nullable Builder restClientBuilder;

		private Clock clock = Clock.systemUTC();

		private final ArkTransport.Builder transport = ArkTransport.builder();

		private Builder() {
		}

		/**
		 * Sets the knowledge host; defaults to the region's.
		 * @param baseUrl the base URL, such as {@code https://api-knowledgebase.mlp.cn-beijing.volces.com}
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = URI.create(baseUrl);
			return this;
		}

		/**
		 * Sets the region, which derives the host and the signing region (unless set on their own).
		 * @param region the region
		 * @return this builder
		 */
		public Builder region(ArkRegion region) {
			this.region = Objects.requireNonNull(region, "region must not be null");
			this.baseUrl = region.knowledgeBaseUrl();
			return this;
		}

		/**
		 * Sets the region of the signature's credential scope; by default the region's
		 * ({@code cn-north-1} for Beijing, as the official samples sign).
		 * @param signingRegion the signing region
		 * @return this builder
		 */
		public Builder signingRegion(String signingRegion) {
			this.signingRegion = signingRegion;
			return this;
		}

		/**
		 * Sets the access key pair requests are signed with (required).
		 * @param credentials the credentials
		 * @return this builder
		 */
		public Builder credentials(VolcengineCredentials credentials) {
			this.credentials = credentials;
			return this;
		}

		/**
		 * Sets the access key pair requests are signed with.
		 * @param accessKeyId the access key id
		 * @param secretAccessKey the secret access key
		 * @return this builder
		 */
		public Builder credentials(String accessKeyId, String secretAccessKey) {
			return credentials(VolcengineCredentials.of(accessKeyId, secretAccessKey));
		}

		/**
		 * Names the account in every request ({@code V-Account-Id}).
		 * @param accountId the account id
		 * @return this builder
		 */
		public Builder accountId(@Nullable String accountId) {
			this.accountId = accountId;
			return this;
		}

		/**
		 * Starts from a configured {@link RestClient.Builder} (interceptors, observation). It is cloned, never
		 * changed; the signer is added as its last interceptor.
		 * @param restClientBuilder the builder
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.restClientBuilder = restClientBuilder;
			return this;
		}

		/**
		 * Sets the clock that dates signatures and reads {@code Retry-After} dates.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Configures the transport: timeouts, retries, observation.
		 * @param customizer changes the transport builder
		 * @return this builder
		 */
		public Builder transport(Consumer<ArkTransport.Builder> customizer) {
			customizer.accept(this.transport);
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 * @throws IllegalStateException when no credentials were given
		 */
		public KnowledgeClient build() {
			if (this.credentials == null) {
				throw new IllegalStateException(
						"AK/SK credentials are required to sign knowledge requests: call credentials(...)");
			}
			VolcengineSigner signer = VolcengineSigner.builder(this.credentials)
				.service(SIGNING_SERVICE)
				.region((this.signingRegion != null) ? this.signingRegion : this.region.knowledgeSigningRegion())
				.clock(this.clock)
				.build();
			RestClient.Builder rest = (this.restClientBuilder != null) ? this.restClientBuilder.clone()
					: RestClient.builder();
			rest.requestInterceptor(signer);
			ArkTransport transport = this.transport.clock(this.clock)
				.restClientBuilder(rest)
				.baseUrl(this.baseUrl)
				.build();
			return new KnowledgeClient(transport, this.accountId);
		}

	}

}
