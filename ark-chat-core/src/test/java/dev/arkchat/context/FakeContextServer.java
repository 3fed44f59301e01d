package dev.arkchat.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.arkchat.http.ArkJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small stateful fake of Ark's context endpoints on loopback, for what WireMock stubs cannot express: contexts that
 * exist until expired, a history that grows (so {@code cached_tokens} grows), and a 403
 * {@code OperationDenied.InvalidState} when a second call arrives on a context while one is in progress. Every
 * request body is recorded.
 */
final class FakeContextServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "fake-ark");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, FakeContext> contexts = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private final AtomicInteger answered = new AtomicInteger();

	private final AtomicInteger violations = new AtomicInteger();

	final List<JsonNode> creates = new CopyOnWriteArrayList<>();

	final List<JsonNode> chats = new CopyOnWriteArrayList<>();

	/** The answer to a call on an expired or unknown context. */
	volatile Gone gone = Gone.NOT_FOUND;

	/** Every chat on any context answers "gone". */
	volatile boolean alwaysGone;

	/** A status to fail the next chat with (then back to normal), or 0. */
	volatile int failNextChat;

	/** Runs while a blocking chat is in progress, with the context id. */
	volatile Consumer<String> whileAnswering = (id) -> {
	};

	FakeContextServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext(ContextClient.CREATE_PATH, this::create);
		this.server.createContext(ContextClient.CHAT_PATH, this::chat);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Lets a context's time to live run out. */
	void expire(String contextId) {
		this.contexts.get(contextId).expired = true;
	}

	/** Simulates another client's call in progress on a context, forever. */
	void occupy(String contextId) {
		this.contexts.get(contextId).inFlight.incrementAndGet();
	}

	int answered() {
		return this.answered.get();
	}

	int violations() {
		return this.violations.get();
	}

	int cachedTokens(String contextId) {
		return this.contexts.get(contextId).tokens;
	}

	private void create(HttpExchange exchange) throws IOException {
		JsonNode body = read(exchange);
		this.creates.add(body);
		String id = "ctx-" + this.ids.incrementAndGet();
		FakeContext context = new FakeContext();
		for (JsonNode message : body.path("messages")) {
			context.tokens += message.path("content").asString().length();
		}
		this.contexts.put(id, context);
		ObjectNode answer = ArkJson.mapper().createObjectNode();
		answer.put("id", id);
		answer.put("model", body.path("model").asString());
		// as the documentation prints it: a string
		answer.put("ttl", body.has("ttl") ? body.get("ttl").asString() : "86400");
		answer.put("mode", body.has("mode") ? body.get("mode").asString() : "session");
		answer.set("usage", usage(context.tokens, 0, 0));
		respond(exchange, 200, answer.toString());
	}

	private void chat(HttpExchange exchange) throws IOException {
		JsonNode body = read(exchange);
		this.chats.add(body);
		String contextId = body.path("context_id").asString();
		FakeContext context = this.contexts.get(contextId);
		if (this.alwaysGone || context == null || context.expired) {
			Gone g = this.gone;
			respond(exchange, g.status, error(g.code, g.param, g.message.replace("{id}", contextId), g.type));
			return;
		}
		int failure = this.failNextChat;
		if (failure != 0) {
			this.failNextChat = 0;
			respond(exchange, failure, error("InternalServiceError", null, "boom", "InternalServerError"));
			return;
		}
		if (context.inFlight.incrementAndGet() > 1) {
			context.inFlight.decrementAndGet();
			this.violations.incrementAndGet();
			respond(exchange, 403, error("OperationDenied.InvalidState", null,
					"The specified context is in invalid state: InProgress. Request id: 0217000", "Forbidden"));
			return;
		}
		boolean stream = body.path("stream").asBoolean(false);
		String user = body.path("messages").path(body.path("messages").size() - 1).path("content").asString();
		String content;
		int turn;
		int cached;
		int prompt;
		synchronized (context) {
			turn = ++context.turns;
			content = "answer " + turn + " to " + user;
			cached = context.tokens;
			prompt = cached + user.length();
			context.tokens = prompt + content.length();
		}
		if (stream) {
			// a stream's turn is over for the fake once it starts: the client may abort it at any moment
			context.inFlight.decrementAndGet();
			this.answered.incrementAndGet();
			streamAnswer(exchange, contextId, content, prompt, cached);
			return;
		}
		String answer;
		try {
			this.whileAnswering.accept(contextId);
			answer = "{\"id\":\"chat-" + turn + "\",\"object\":\"chat.completion\",\"created\":1700000000,"
					+ "\"model\":\"doubao-pro-32k-241215\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
					+ "\"content\":" + quote(content) + "},\"finish_reason\":\"stop\"}],\"usage\":"
					+ usage(prompt, content.length(), cached) + "}";
			this.answered.incrementAndGet();
		}
		finally {
			// before the answer is written: the client cannot start its next call earlier
			context.inFlight.decrementAndGet();
		}
		respond(exchange, 200, answer);
	}

	private void streamAnswer(HttpExchange exchange, String contextId, String content, int prompt, int cached)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		int half = content.length() / 2;
		String envelope = "{\"id\":\"chunk-" + contextId + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
				+ "\"model\":\"doubao-pro-32k-241215\",";
		try (OutputStream out = exchange.getResponseBody()) {
			write(out, envelope + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":"
					+ quote(content.substring(0, half)) + "}}]}");
			write(out, envelope + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(content.substring(half))
					+ "},\"finish_reason\":\"stop\"}]}");
			write(out, envelope + "\"choices\":[],\"usage\":" + usage(prompt, content.length(), cached) + "}");
			write(out, "[DONE]");
		}
	}

	private static void write(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static ObjectNode usage(int prompt, int completion, int cached) {
		ObjectNode usage = ArkJson.mapper().createObjectNode();
		usage.put("prompt_tokens", prompt);
		usage.put("completion_tokens", completion);
		usage.put("total_tokens", prompt + completion);
		usage.putObject("prompt_tokens_details").put("cached_tokens", cached);
		return usage;
	}

	private static String error(String code, String param, String message, String type) {
		ObjectNode error = ArkJson.mapper().createObjectNode();
		ObjectNode e = error.putObject("error");
		e.put("code", code);
		e.put("message", message);
		if (param != null) {
			e.put("param", param);
		}
		e.put("type", type);
		return error.toString();
	}

	private static String quote(String text) {
		return ArkJson.mapper().writeValueAsString(text);
	}

	private static JsonNode read(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return ArkJson.mapper().readTree(in.readAllBytes());
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("X-Request-Id", "0217000fake");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private static final class FakeContext {

		final AtomicInteger inFlight = new AtomicInteger();

		volatile boolean expired;

		volatile int tokens;

		int turns;

	}

	/**
	 * The answer to a call on a gone context; the error for an expired context is not documented, so tests try the
	 * plausible shapes.
	 */
	record Gone(int status, String code, String param, String message, String type) {

		static final Gone NOT_FOUND = new Gone(404, "NotFound", null, "The specified context {id} is not found.",
				"NotFound");

		static final Gone INVALID_PARAMETER = new Gone(400, "InvalidParameter", "context_id",
				"The parameter `context_id` specified in the request is not valid: {id}", "BadRequest");

		static final Gone EXPIRED = new Gone(403, "OperationDenied.ContextExpired", null,
				"The specified context {id} has expired.", "Forbidden");

		@Override
		public String toString() {
			return this.status + " " + this.code;
		}

	}

}
