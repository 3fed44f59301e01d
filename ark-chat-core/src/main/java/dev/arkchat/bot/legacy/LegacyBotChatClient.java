package dev.arkchat.bot.legacy;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.arkchat.ArkClientBuilder;
import dev.arkchat.ArkStreamException;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.http.ArkErrorDecoder;
import dev.arkchat.http.ArkJson;
import dev.arkchat.bot.BotUsage;
import dev.arkchat.http.ArkCall;
import dev.arkchat.http.ArkTransport;
import dev.arkchat.observation.ArkChatObservationContext;
import dev.arkchat.observation.ChatObservationSupport;
import dev.arkchat.http.ServerSentEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * The legacy bot chat v2 endpoint, {@code POST /api/v2/bots/{bot_id}/chat}, faithful to the wire: a typed request in,
 * a typed answer or a {@link LegacyBotChatStream} out. Requests are checked before they are sent. Errors are raised
 * as the {@link dev.arkchat.ArkException} family, including the ones this API reports inside a successful answer: an
 * {@code error} in a blocking 200 answer raises an {@link dev.arkchat.ArkApiException}, one in a stream chunk an
 * {@link ArkStreamException}. Applications usually inject {@link LegacyBotChatOperations} instead. Thread-safe.
 * <p>
 * A stream ends at {@code data: [DONE]}, or at the chunk that carries the usage with a finish reason (the page says
 * only the last chunk has usage); a stream that stops before either was cut off and raises
 * {@link ArkStreamException}.
 */
public class LegacyBotChatClient {

	/** The endpoint's path template. */
	public static final String PATH = "/api/v2/bots/{bot_id}/chat";

	private static final ArkTransport.EventDecoder<LegacyBotChatResponse> DECODER = new ChunkDecoder();

	/** The {@code ark.api} name of this endpoint in observations. */
	public static final String API = "bots.legacy";

	private final ArkTransport transport;

	private final ApiKeyProvider apiKeys;

	/**
	 * Creates a client.
	 * @param restClient a client whose base URL is the Ark host
	 * @param apiKeys gives the Bearer key for a bot (in production a {@link TemporaryApiKeyProvider})
	 */
	public LegacyBotChatClient(RestClient restClient, ApiKeyProvider apiKeys) {
		this(restClient, apiKeys, Clock.systemUTC());
	}

	/**
	 * Creates a client with a clock (for {@code Retry-After} dates).
	 * @param restClient a client whose base URL is the Ark host
	 * @param apiKeys gives the Bearer key for a bot
	 * @param clock the clock
	 */
	public LegacyBotChatClient(RestClient restClient, ApiKeyProvider apiKeys, Clock clock) {
		this(new ArkTransport(restClient, clock), apiKeys);
	}

	/**
	 * Creates a client on a configured transport (timeouts, retries, observation).
	 * @param transport the transport, whose base URL is the Ark host
	 * @param apiKeys gives the Bearer key for a bot
	 */
	public LegacyBotChatClient(ArkTransport transport, ApiKeyProvider apiKeys) {
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
	 * Calls the bot and waits for its whole answer.
	 * @param request the request; its bot id must be set
	 * @return the answer
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws dev.arkchat.ArkException when the call fails, or the answer reports an error
	 */
	public LegacyBotChatResponse chat(LegacyBotChatRequest request) {
		request.validate();
		LegacyBotChatRequest body = request.withStream(false);
		LegacyBotChatResponse response = this.transport.post(path(body), body, headers(body), Readers.RESPONSE, call(body));
		LegacyBotError error = response.error();
		if (error != null && !error.isEmpty()) {
			throw ArkErrorDecoder.create(200, error.effectiveCode(), null, null, error.message(), response.reqId(),
					null);
		}
		return response;
	}

	/**
	 * Calls the bot and streams its answer. The HTTP exchange stays open until the stream ends or is closed.
	 * @param request the request; its bot id must be set
	 * @return the stream, to be closed by the caller
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws dev.arkchat.ArkException when the call fails before the stream starts
	 */
	public LegacyBotChatStream stream(LegacyBotChatRequest request) {
		request.validate();
		LegacyBotChatRequest body = request.withStream(true);
		return new LegacyBotChatStream(
				this.transport.postForEvents(path(body), body, headers(body), DECODER, call(body)));
	}

	private static ArkCall<LegacyBotChatResponse> call(LegacyBotChatRequest request) {
		return new ArkCall<>(API, "chat", request.botId(), Map.of(),
				() -> ChatObservationSupport.prompt(request.messages()), LegacyBotChatClient::observe);
	}

	private static void observe(LegacyBotChatResponse response, ArkChatObservationContext context) {
		context.setResponseId(response.reqId());
		if (response.finishReason() != null) {
			context.addFinishReason(response.finishReason().value());
		}
		BotUsage usage = response.usage();
		if (usage != null && usage.modelUsage() != null && !usage.modelUsage().isEmpty()) {
			context.setUsage(usage.promptTokens(), usage.completionTokens(), null);
		}
		context.appendCompletion(response.content());
	}

	private static String path(LegacyBotChatRequest request) {
		// validate() allowed only unreserved characters in the id, so it needs no encoding
		return "/api/v2/bots/" + request.botId() + "/chat";
	}

	private Consumer<HttpHeaders> headers(LegacyBotChatRequest request) {
		String apiKey = this.apiKeys.getApiKey(Objects.requireNonNull(request.botId()));
		return (headers) -> headers.setBearerAuth(apiKey);
	}

	@Override
	public String toString() {
		return "LegacyBotChatClient{apiKeys=" + this.apiKeys + "}";
	}

	/** Decodes chunks, raising the errors they carry. */
	/**
	 * The readers, built at the first call rather than when the client is created: building them builds Jackson's
	 * deserializers for the whole answer model, which an application's startup need not wait for.
	 */
	private static final class Readers {

		static final ObjectReader RESPONSE = ArkJson.mapper().readerFor(LegacyBotChatResponse.class);


	}

	private static final class ChunkDecoder implements ArkTransport.EventDecoder<LegacyBotChatResponse> {

		@Override
		public LegacyBotChatResponse decode(ServerSentEvent event, @Nullable String requestId) {
			LegacyBotChatResponse chunk = event.readData(Readers.RESPONSE);
			LegacyBotError error = chunk.error();
			if (error != null && !error.isEmpty()) {
				String code = error.effectiveCode();
				String id = (requestId != null) ? requestId
						: (chunk.reqId() != null) ? chunk.reqId() : ArkErrorDecoder.requestIdFromMessage(error.message());
				throw new ArkStreamException("Ark reported an error in the stream" + ((code != null) ? " " + code : "")
						+ ((error.message() != null) ? ": " + error.message() : ""), code, id, null, null);
			}
			return chunk;
		}

		@Override
		public boolean isLast(LegacyBotChatResponse chunk) {
			return chunk.usage() != null && (chunk.choices().isEmpty() || chunk.finishReason() != null);
		}

	}

	/** Builds a {@link LegacyBotChatClient} without Spring Boot. */
	public static final class Builder extends ArkClientBuilder<Builder, LegacyBotChatClient> {

		private Builder() {
		}

		@Override
		protected LegacyBotChatClient create(ArkTransport transport, ApiKeyProvider apiKeys) {
			return new LegacyBotChatClient(transport, apiKeys);
		}

	}

}
