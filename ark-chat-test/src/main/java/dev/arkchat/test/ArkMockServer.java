package dev.arkchat.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.arkchat.auth.VolcengineCredentials;

/**
 * A fake Volcengine Ark for tests: a WireMock server on {@code 127.0.0.1} that answers like Ark, computed from each
 * actual request rather than canned bodies. Point an ark-chat client (or any HTTP client) at {@link #baseUrl()}.
 * <p>
 * Served today: bot chat v3 ({@code POST /api/v3/bots/chat/completions}), blocking and streamed, configured through
 * {@link #botChat()}; the legacy bot chat v2 ({@code POST /api/v2/bots/{bot_id}/chat}), through
 * {@link #legacyBotChat()}; the context cache ({@code POST /api/v3/context/create} and
 * {@code POST /api/v3/context/chat/completions}), stateful like Ark, through {@link #contextChat()} with its contexts
 * in {@link #contexts()}; and the OpenAPI's {@code GetApiKey} ({@code POST /?Action=GetApiKey&Version=2024-01-01}),
 * which checks the V4 signature (against {@link #requireCredentials(String, String)} once set) and issues temporary
 * keys that the bot and context endpoints then accept, through {@link #getApiKey()}. Like Ark, it refuses a missing or
 * blank Bearer key ({@code 401 AuthenticationError}), a missing {@code model} or {@code messages}
 * ({@code 400 MissingParameter}), a {@code model} that is not a bot id ({@code bot-…}), an empty message list or
 * {@code stream_options} without {@code stream: true} ({@code 400 InvalidParameter}); a well-formed but unknown bot can
 * be simulated with {@code botChat().fail(404, "InvalidEndpointOrModel.NotFound", …)}. The knowledge base (search and
 * knowledge chat, V4-signed with service {@code air}) is configured through {@link #knowledge()}. Any other path
 * answers an Ark-shaped
 * {@code 404 NotFound}. Every error carries an {@code X-Request-Id} that also ends its message.
 * <pre>{@code
 * try (ArkMockServer ark = ArkMockServer.start()) {
 *     ark.botChat().answer("Mount Everest, 8,849 m.").reasoning("The user asks for a height.").botUsage(12, 9);
 *
 *     BotChatClient client = BotChatClient.builder().baseUrl(ark.baseUrl()).apiKey("test-key").build();
 *     BotChatCompletion answer = client.chat(BotChatRequest.builder()
 *             .bot("bot-20250101000000-abcde").user("What is the tallest mountain?").build());
 *
 *     assertThat(answer.content()).isEqualTo("Mount Everest, 8,849 m.");
 *     assertThat(ark.requests().get(0).bodyJson().at("/messages/0/content").asString())
 *             .isEqualTo("What is the tallest mountain?");
 *
 *     ark.botChat().fail(429, "RateLimitExceeded.EndpointRPMExceeded", "Too many requests").retryAfter("2");
 *     // the next call throws ArkRateLimitException with getRetryAfter() == 2 s
 * }
 * }</pre>
 * With JUnit 5, {@link ArkMockServerExtension} starts one server per test class and resets it before each test.
 * In a Spring Boot test, set {@code ark.chat.base-url} to {@link #baseUrl()} (for example from a
 * {@code @DynamicPropertySource}).
 * <p>
 * Thread-safe: the configuration may change between calls while other threads are being answered; each answer uses
 * the configuration as it was when its request arrived.
 */
public final class ArkMockServer implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private static final int CONTAINER_THREADS = 200;

	private final WireMockServer wireMock;

	private final ApiKeyCheck apiKeys = new ApiKeyCheck();

	private final BotChatEndpoint botChat = new BotChatEndpoint(this.apiKeys);

	private final LegacyBotChatEndpoint legacyBotChat = new LegacyBotChatEndpoint(this.apiKeys);

	private final GetApiKeyEndpoint getApiKey = new GetApiKeyEndpoint(this.apiKeys);

	private final ContextEndpoint context = new ContextEndpoint(this.apiKeys);

	private final KnowledgeEndpoint knowledge = new KnowledgeEndpoint();

	private final List<ArkEndpoint> endpoints = List.of(this.botChat, this.legacyBotChat, this.getApiKey,
			this.context, this.knowledge, new UnknownPathEndpoint());

	private ArkMockServer(int port) {
		WireMockConfiguration options = WireMockConfiguration.options()
			.bindAddress(HOST)
			.port(port)
			// streams must leave as they are written; Ark's bodies are not compressed for our clients either
			.gzipDisabled(true)
			// a slow stream holds a thread while it dribbles: allow many at once (threads are created on demand)
			.containerThreads(CONTAINER_THREADS)
			.extensions(this.endpoints.toArray(new Extension[0]));
		this.wireMock = new WireMockServer(options);
		this.wireMock.start();
		try {
			registerStubs();
		}
		catch (RuntimeException ex) {
			this.wireMock.stop();
			throw ex;
		}
	}

	/**
	 * Starts a fake Ark on {@code 127.0.0.1} and a free port.
	 * @return the running server, to be {@link #close() closed}
	 */
	public static ArkMockServer start() {
		return new ArkMockServer(0);
	}

	/**
	 * Starts a fake Ark on {@code 127.0.0.1} and a given port.
	 * @param port the port, or 0 for a free one
	 * @return the running server, to be {@link #close() closed}
	 * @throws IllegalArgumentException when the port is outside [0, 65535]
	 */
	public static ArkMockServer start(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
		}
		return new ArkMockServer(port);
	}

	/**
	 * The URL to configure as the Ark host.
	 * @return {@code http://127.0.0.1:<port>}, without a trailing slash
	 */
	public String baseUrl() {
		return "http://" + HOST + ":" + port();
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.wireMock.port();
	}

	/**
	 * How bot chat v3 answers; settings last until {@link #reset()}.
	 * @return the bot chat settings
	 */
	public BotChatStub botChat() {
		return this.botChat.stub();
	}

	/**
	 * How the context cache endpoints answer ({@code POST /api/v3/context/create} and
	 * {@code POST /api/v3/context/chat/completions}); settings last until {@link #reset()}.
	 * @return the context settings
	 */
	public ContextChatStub contextChat() {
		return this.context.stub();
	}

	/**
	 * The contexts created on this server, to inspect (tokens, turns, messages) and to expire; cleared by
	 * {@link #reset()}.
	 * @return the contexts
	 */
	public MockContexts contexts() {
		return this.context.contexts();
	}

	/**
	 * How the legacy bot chat v2 answers; settings last until {@link #reset()}.
	 * @return the v2 bot chat settings
	 */
	public LegacyBotChatStub legacyBotChat() {
		return this.legacyBotChat.stub();
	}

	/**
	 * How the knowledge base (search and knowledge chat, V4-signed) answers; settings last until {@link #reset()}.
	 * @return the knowledge settings
	 */
	public KnowledgeStub knowledge() {
		return this.knowledge.stub();
	}

	/**
	 * How {@code GetApiKey} answers; settings last until {@link #reset()}.
	 * @return the GetApiKey settings
	 */
	public GetApiKeyStub getApiKey() {
		return this.getApiKey.stub();
	}

	/**
	 * Checks the V4 signature of {@code GetApiKey} calls against this access key pair from now on (until
	 * {@link #reset()}): another access key is refused with {@code 401 InvalidAccessKey}, a signature made with
	 * another secret (or over other headers, path or body) with {@code 401 SignatureDoesNotMatch}, in the OpenAPI's
	 * error shape. By default any well-formed signature is accepted.
	 * @param accessKeyId the access key id
	 * @param secretAccessKey the secret access key
	 * @return this server
	 * @throws IllegalArgumentException when either is blank
	 */
	public ArkMockServer requireCredentials(String accessKeyId, String secretAccessKey) {
		this.getApiKey.requireCredentials(VolcengineCredentials.of(accessKeyId, secretAccessKey));
		return this;
	}

	/**
	 * The temporary keys {@code GetApiKey} issued since the start or the last {@link #reset()}, oldest first. Keys
	 * issued before a reset stay valid until they expire, as on Ark, so that an application context cached across
	 * tests keeps working.
	 * @return the keys
	 */
	public List<IssuedKey> issuedKeys() {
		return this.apiKeys.issued();
	}

	/**
	 * Accepts only {@code Authorization: Bearer <key>} from now on (until {@link #reset()}), or a temporary key issued
	 * by {@link #getApiKey() GetApiKey} for the bot called and not yet expired; any other key is refused with
	 * {@code 401 AuthenticationError}. By default any non-blank Bearer key is accepted.
	 * @param key the one key to accept
	 * @return this server
	 * @throws IllegalArgumentException when the key is blank
	 */
	public ArkMockServer requireApiKey(String key) {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException("key must not be blank");
		}
		this.apiKeys.require(key);
		return this;
	}

	/**
	 * The requests received since the start or the last {@link #reset()}, oldest first, including refused ones.
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		List<ServeEvent> events = this.wireMock.getAllServeEvents();
		List<RecordedRequest> requests = new ArrayList<>(events.size());
		for (ServeEvent event : events) {
			requests.add(RecordedRequest.from(event.getRequest()));
		}
		// WireMock lists the newest first
		Collections.reverse(requests);
		return Collections.unmodifiableList(requests);
	}

	/**
	 * Restores the default answers of every endpoint, accepts any API key and any signature again, clears the request
	 * log and the list of {@link #issuedKeys() issued keys} (which stay valid until they expire), and removes any stub
	 * added through {@link #wireMock()}.
	 */
	public void reset() {
		this.wireMock.resetAll();
		this.apiKeys.reset();
		for (ArkEndpoint endpoint : this.endpoints) {
			endpoint.reset();
		}
		registerStubs();
	}

	private void registerStubs() {
		for (ArkEndpoint endpoint : this.endpoints) {
			this.wireMock.stubFor(endpoint.mapping());
		}
	}

	/**
	 * The underlying WireMock server, for what this API does not cover (extra stubs, faults, verification). Stubs
	 * added here take precedence over the fake's own answers (WireMock prefers the newest of equally prioritised
	 * stubs); {@link #reset()} removes them.
	 * @return the WireMock server
	 */
	public WireMockServer wireMock() {
		return this.wireMock;
	}

	/**
	 * Stops the server. Safe to call more than once.
	 */
	@Override
	public void close() {
		if (this.wireMock.isRunning()) {
			this.wireMock.stop();
		}
	}

	@Override
	public String toString() {
		return "ArkMockServer{" + (this.wireMock.isRunning() ? baseUrl() : "stopped") + "}";
	}

}
