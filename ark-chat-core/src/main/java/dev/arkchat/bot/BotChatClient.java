package dev.arkchat.bot;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

import dev.arkchat.ArkClientBuilder;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.http.ArkJson;
import dev.arkchat.http.ArkTransport;
import dev.arkchat.http.ServerSentEvent;
import dev.arkchat.http.StreamErrors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * The bot chat v3 endpoint, {@code POST /api/v3/bots/chat/completions}, faithful to the wire: a typed request in, a
 * typed answer or a {@link BotChatStream} out. Requests are checked before they are sent; errors are raised as the
 * {@link dev.arkchat.ArkException} family. Applications usually inject {@link BotChatOperations} instead. Thread-safe.
 */
public class BotChatClient {

	/** The endpoint's path. */
	public static final String PATH = "/api/v3/bots/chat/completions";

	/** The header with which the official SDK also names the bot. */
	public static final String BOT_HEADER = "X-Request-Bot";

	/** The {@code ark.api} name of this endpoint in observations. */
	public static final String API = "bots";

	private final ArkTransport transport;

	private final ApiKeyProvider apiKeys;

	/**
	 * Creates a client.
	 * @param restClient a client whose base URL is the Ark host
	 * @param apiKeys gives the Bearer key for a bot
	 */
	public BotChatClient(RestClient restClient, ApiKeyProvider apiKeys) {
		this(restClient, apiKeys, Clock.systemUTC());
	}

	/**
	 * Creates a client with a clock (for {@code Retry-After} dates).
	 * @param restClient a client whose base URL is the Ark host
	 * @param apiKeys gives the Bearer key for a bot
	 * @param clock the clock
	 */
	public BotChatClient(RestClient restClient, ApiKeyProvider apiKeys, Clock clock) {
		this(new ArkTransport(restClient, clock), apiKeys);
	}

	/**
	 * Creates a client on a configured transport (timeouts, retries, observation).
	 * @param transport the transport, whose base URL is the Ark host
	 * @param apiKeys gives the Bearer key for a bot
	 */
	public BotChatClient(ArkTransport transport, ApiKeyProvider apiKeys) {
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
	 * @throws dev.arkchat.ArkException when the call fails
	 */
	public BotChatCompletion chat(BotChatRequest request) {
		request.validate(false);
		BotChatRequest body = request.withStream(false);
		return this.transport.post(PATH, body, headers(body), Readers.COMPLETION,
				BotChatObservations.call(body, BotChatObservations::observeCompletion));
	}

	/**
	 * Calls the bot and streams its answer. The HTTP exchange stays open until the stream ends or is closed.
	 * @param request the request; its bot id must be set
	 * @return the stream, to be closed by the caller
	 * @throws IllegalArgumentException when the request breaks a documented rule (nothing is sent)
	 * @throws dev.arkchat.ArkException when the call fails before the stream starts
	 */
	public BotChatStream stream(BotChatRequest request) {
		request.validate(true);
		BotChatRequest body = request.withStream(true);
		return new BotChatStream(this.transport.postForEvents(PATH, body, headers(body), BotChatClient::decode,
				BotChatObservations.call(body, BotChatObservations::observeChunk)));
	}

	private Consumer<HttpHeaders> headers(BotChatRequest request) {
		String botId = Objects.requireNonNull(request.model());
		String apiKey = this.apiKeys.getApiKey(botId);
		return (headers) -> {
			headers.setBearerAuth(apiKey);
			headers.set(BOT_HEADER, botId);
		};
	}

	private static @Nullable BotChatChunk decode(ServerSentEvent event, @Nullable String requestId) {
		StreamErrors.throwIfError(event, requestId);
		return event.readData(Readers.CHUNK);
	}

	@Override
	public String toString() {
		return "BotChatClient{apiKeys=" + this.apiKeys + "}";
	}

	/**
	 * The readers, built at the first call rather than when the client is created: building them builds Jackson's
	 * deserializers for the whole answer model, which an application's startup need not wait for.
	 */
	private static final class Readers {

		static final ObjectReader COMPLETION = ArkJson.mapper().readerFor(BotChatCompletion.class);

		static final ObjectReader CHUNK = ArkJson.mapper().readerFor(BotChatChunk.class);

	}

	/** Builds a {@link BotChatClient} without Spring Boot. */
	public static final class Builder extends ArkClientBuilder<Builder, BotChatClient> {

		private Builder() {
		}

		@Override
		protected BotChatClient create(ArkTransport transport, ApiKeyProvider apiKeys) {
			return new BotChatClient(transport, apiKeys);
		}

	}

}
