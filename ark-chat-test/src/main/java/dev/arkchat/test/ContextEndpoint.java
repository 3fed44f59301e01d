package dev.arkchat.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.context.ContextClient;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * E3/E4, the context cache ({@code POST /api/v3/context/create} and {@code POST /api/v3/context/chat/completions}),
 * stateful like Ark: contexts live in {@link MockContexts} until {@code ttl} seconds after their last use; a session
 * context grows with every turn, so {@code cached_tokens} grows, and answers one call at a time
 * ({@code 403 OperationDenied.InvalidState} while another is in progress); a call on an expired or unknown context
 * gets the {@link ContextChatStub#goneError(int, String, String) gone error}.
 * <p>
 * A call is in progress from its arrival until just before its last bytes are handed to the server: a blocking answer
 * ends in this transformer; a streamed one ends inside its {@link ContextStreamBody}, which the
 * {@link ResponseTransformerV2} half of this extension puts in place of the rendered body, and which the
 * {@link ServeEventListener} half arms just before WireMock writes the response (and ends, should WireMock never read
 * it).
 */
final class ContextEndpoint extends ArkEndpoint implements ResponseTransformerV2, ServeEventListener {

	static final String NAME = "ark-context";

	static final String CREATE_PATH = ContextClient.CREATE_PATH;

	static final String CHAT_PATH = ContextClient.CHAT_PATH;

	private static final long DEFAULT_TTL = 86400;

	private static final int DEFAULT_LAST_HISTORY_TOKENS = 4096;

	private static final String ECHO_PREFIX = "Echo: ";

	private final ApiKeyCheck apiKeys;

	private final ContextChatStub stub = new ContextChatStub();

	private final MockContexts contexts = new MockContexts();

	/** Streams being answered, by serve event. */
	private final Map<UUID, ContextStreamBody> streams = new ConcurrentHashMap<>();

	ContextEndpoint(ApiKeyCheck apiKeys) {
		this.apiKeys = apiKeys;
	}

	ContextChatStub stub() {
		return this.stub;
	}

	MockContexts contexts() {
		return this.contexts;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	MappingBuilder mapping() {
		return post(urlPathMatching("/api/v3/context/(create|chat/completions)"))
			.withServeEventListener(NAME, Parameters.empty())
			.willReturn(aResponse().withTransformers(NAME));
	}

	@Override
	void reset() {
		this.stub.reset();
		this.contexts.reset();
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String requestId = ArkRequestIds.next();
		JsonNode body;
		try {
			body = ArkJson.mapper().readTree(request.getBody());
		}
		catch (JacksonException ex) {
			body = null;
		}
		// the key is checked first, for the endpoint named (a temporary key is valid for its own endpoint only)
		String endpoint = (body != null && body.path("model").isString()) ? body.path("model").asString() : null;
		ResponseDefinition refused = this.apiKeys.refuse(request, requestId, endpoint);
		if (refused != null) {
			return refused;
		}
		if (body == null || !body.isObject()) {
			return ArkErrorResponses.error(400, "InvalidParameter", "The request body is not a valid JSON object", "",
					requestId, null);
		}
		ContextChatAnswer answer = this.stub.snapshot();
		if (CREATE_PATH.equals(path(request))) {
			return create(body, answer, requestId);
		}
		return chat(serveEvent, body, answer, requestId);
	}

	private ResponseDefinition create(JsonNode body, ContextChatAnswer answer, String requestId) {
		ResponseDefinition invalid = ContextRequestRules.refuseCreate(body, requestId);
		if (invalid != null) {
			return invalid;
		}
		if (answer.createFailure() != null) {
			return failure(answer.createFailure(), "", "", requestId);
		}
		String mode = body.path("mode").asString(ContextState.SESSION);
		long ttl = body.path("ttl").asLong(DEFAULT_TTL);
		JsonNode truncation = body.path("truncation_strategy");
		String truncationType = null;
		Integer lastHistoryTokens = null;
		if (ContextState.SESSION.equals(mode)) {
			truncationType = truncation.path("type").asString(ContextState.LAST_HISTORY_TOKENS);
			if (ContextState.LAST_HISTORY_TOKENS.equals(truncationType)) {
				lastHistoryTokens = truncation.path("last_history_tokens").asInt(DEFAULT_LAST_HISTORY_TOKENS);
			}
		}
		JsonNode messages = body.path("messages");
		int tokens = ContextAnswerWriter.tokens(messages);
		ContextState context = this.contexts.create(body.path("model").asString(), mode, ttl, truncationType,
				lastHistoryTokens, messages(messages), tokens);
		ObjectNode json = ArkJson.mapper().createObjectNode();
		json.put("id", context.id);
		json.put("model", context.endpointId);
		// as the documentation prints it: a string
		json.put("ttl", Long.toString(ttl));
		json.put("mode", mode);
		if (truncationType != null) {
			ObjectNode strategy = (truncation.isObject()) ? ((ObjectNode) truncation).deepCopy()
					: json.objectNode();
			strategy.put("type", truncationType);
			if (lastHistoryTokens != null) {
				strategy.put("last_history_tokens", lastHistoryTokens);
			}
			json.set("truncation_strategy", strategy);
		}
		ObjectNode usage = json.putObject("usage");
		usage.put("prompt_tokens", tokens).put("completion_tokens", 0).put("total_tokens", tokens);
		usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
		return json(ArkJson.mapper().writeValueAsBytes(json), requestId);
	}

	private ResponseDefinition chat(ServeEvent serveEvent, JsonNode body, ContextChatAnswer answer,
			String requestId) {
		ResponseDefinition invalid = ContextRequestRules.refuseChat(body, requestId);
		if (invalid != null) {
			return invalid;
		}
		String contextId = body.path("context_id").asString();
		String endpointId = body.path("model").asString();
		ContextState context = this.contexts.state(contextId);
		ContextState.Refusal refusal = (context != null) ? context.begin(endpointId, this.contexts.now())
				: ContextState.Refusal.GONE;
		if (refusal != null) {
			return refuse(refusal, context, contextId, answer, requestId);
		}
		Objects.requireNonNull(context);
		ContextState.TurnUsage usage;
		String content;
		try {
			if (answer.failure() != null) {
				context.finish();
				return failure(answer.failure(), contextId, "", requestId);
			}
			content = content(answer, serveEvent.getRequest(), body);
			usage = context.record(messages(body.path("messages")), ContextAnswerWriter.tokens(body.path("messages")),
					content, Math.max(1, CodePoints.tokens(content)));
		}
		catch (RuntimeException ex) {
			context.finish();
			// a test's answer function failed: say so in the answer rather than with WireMock's own error page
			return ArkErrorResponses.error(500, "InternalServiceError",
					"The fake Ark's answer function failed: " + ex, "", requestId, null);
		}
		ContextAnswerWriter writer = new ContextAnswerWriter(requestId, answer.model(), content, usage);
		ContextChatStub.Hold hold = answer.hold();
		if (!body.path("stream").asBoolean(false)) {
			byte[] completion = writer.completion();
			if (hold != null) {
				hold.await();
			}
			// before the answer is written: the client cannot start its next call earlier
			context.finish();
			return json(completion, requestId);
		}
		boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
		UUID exchange = serveEvent.getId();
		ContextStreamBody stream = new ContextStreamBody(writer.events(answer.chunkSize(), includeUsage),
				answer.chunkDelay(), hold != null, () -> {
					if (hold != null) {
						hold.await();
					}
				}, () -> {
					context.finish();
					this.streams.remove(exchange);
				});
		this.streams.put(exchange, stream);
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream; charset=utf-8")
			.withHeader("Cache-Control", "no-cache")
			.withHeader(ArkErrorResponses.REQUEST_ID_HEADER, requestId)
			.withBody(stream.plain())
			// so that transform(Response, ServeEvent) below puts the live body in place
			.withTransformers(NAME)
			.build();
	}

	private ResponseDefinition refuse(ContextState.Refusal refusal, @Nullable ContextState context, String contextId,
			ContextChatAnswer answer, String requestId) {
		return switch (refusal) {
			case GONE -> failure(answer.gone(), contextId, "context_id", requestId);
			case BUSY -> ArkErrorResponses.error(403, "OperationDenied.InvalidState",
					"The specified context is in invalid state: InProgress", "", requestId, null);
			case OTHER_ENDPOINT -> ContextRequestRules.invalid("model", "the context " + contextId
					+ " belongs to endpoint " + Objects.requireNonNull(context).endpointId, requestId);
		};
	}

	private static String content(ContextChatAnswer answer, Request request, JsonNode body) {
		if (answer.content() != null) {
			return Objects.requireNonNullElse(answer.content().apply(RecordedRequest.from(request)), "");
		}
		return ECHO_PREFIX + ContextAnswerWriter.lastUserText(body);
	}

	private static List<ChatMessage> messages(JsonNode messages) {
		List<ChatMessage> result = new ArrayList<>();
		for (JsonNode message : messages) {
			result.add(ArkJson.mapper().treeToValue(message, ChatMessage.class));
		}
		return result;
	}

	private static ResponseDefinition failure(ContextChatAnswer.Failure failure, String contextId, String param,
			String requestId) {
		return ArkErrorResponses.error(failure.status(), failure.code(),
				failure.message().replace("{context_id}", contextId), param, requestId, null);
	}

	private static ResponseDefinition json(byte[] body, String requestId) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withHeader(ArkErrorResponses.REQUEST_ID_HEADER, requestId)
			.withBody(body)
			.build();
	}

	private static String path(Request request) {
		String url = request.getUrl();
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	@Override
	public Response transform(Response response, ServeEvent serveEvent) {
		ContextStreamBody stream = this.streams.get(serveEvent.getId());
		return (stream != null) ? Response.Builder.like(response).body(stream).build() : response;
	}

	@Override
	public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
		ContextStreamBody stream = this.streams.get(serveEvent.getId());
		if (stream != null) {
			stream.arm();
		}
	}

	@Override
	public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
		ContextStreamBody stream = this.streams.remove(serveEvent.getId());
		if (stream != null) {
			stream.finish();
		}
	}

}
