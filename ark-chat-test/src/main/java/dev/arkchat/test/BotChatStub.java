package dev.arkchat.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.arkchat.bot.Reference;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * Configures how the fake answers bot chat v3, {@code POST /api/v3/bots/chat/completions}: the text, reasoning, tool
 * calls, references and usage of the answer, how it is streamed, and the failures to simulate. Every method returns
 * this stub; settings last until {@link ArkMockServer#reset()}. The same settings serve blocking and streamed calls:
 * a stream delivers exactly the answer a blocking call gets, in pieces. Thread-safe.
 * <p>
 * Without configuration, the fake answers {@code "Echo: "} followed by the text of the request's last user message,
 * with model {@value #DEFAULT_MODEL}, pieces of {@value #DEFAULT_CHUNK_SIZE} code points, no delay, and token counts
 * estimated at one token per four code points.
 */
public final class BotChatStub {

	/** The model named in answers unless {@link #model(String)} says otherwise. */
	public static final String DEFAULT_MODEL = "doubao-1-5-pro-32k-250115";

	/** Code points per streamed piece unless {@link #chunkSize(int)} says otherwise. */
	public static final int DEFAULT_CHUNK_SIZE = 4;

	private @Nullable Function<RecordedRequest, String> content;

	private @Nullable String reasoning;

	private String model = DEFAULT_MODEL;

	private int chunkSize = DEFAULT_CHUNK_SIZE;

	private Duration chunkDelay = Duration.ZERO;

	private final List<Reference> references = new ArrayList<>();

	private BotChatAnswer.@Nullable Usage usage;

	private final List<ToolCall> toolCalls = new ArrayList<>();

	private @Nullable FinishReason finishReason;

	private BotChatAnswer.@Nullable Failure failure;

	private @Nullable String retryAfter;

	private BotChatAnswer.@Nullable StreamFault streamFault;

	BotChatStub() {
	}

	/**
	 * Sets the answer's text.
	 * @param content the text, delivered whole or, when streamed, in pieces of {@link #chunkSize(int)} code points
	 * @return this stub
	 */
	public synchronized BotChatStub answer(String content) {
		Objects.requireNonNull(content, "content must not be null");
		this.content = (request) -> content;
		return this;
	}

	/**
	 * Computes the answer's text from each request, for answers that depend on the question.
	 * @param content gives the text for a received request
	 * @return this stub
	 */
	public synchronized BotChatStub answer(Function<RecordedRequest, String> content) {
		this.content = Objects.requireNonNull(content, "content must not be null");
		return this;
	}

	/**
	 * Sets the chain of thought of a reasoning model ({@code reasoning_content}); streamed before the answer's text.
	 * @param reasoning the reasoning
	 * @return this stub
	 */
	public synchronized BotChatStub reasoning(String reasoning) {
		this.reasoning = Objects.requireNonNull(reasoning, "reasoning must not be null");
		return this;
	}

	/**
	 * Sets the model named in the answer's {@code model} (and, by default, in {@code bot_usage.model_usage[].name}).
	 * @param model the model with its version, such as {@code deepseek-r1-250528}
	 * @return this stub
	 */
	public synchronized BotChatStub model(String model) {
		this.model = requireText(model, "model");
		return this;
	}

	/**
	 * Sets how many code points each streamed piece of text, reasoning or tool arguments holds. Text is split by code
	 * points, so a Chinese character or an emoji (a surrogate pair) is never cut in two inside an event.
	 * @param codePoints the piece size, at least 1
	 * @return this stub
	 * @throws IllegalArgumentException when {@code codePoints} is below 1
	 */
	public synchronized BotChatStub chunkSize(int codePoints) {
		if (codePoints < 1) {
			throw new IllegalArgumentException("chunkSize must be at least 1 code point, was " + codePoints);
		}
		this.chunkSize = codePoints;
		return this;
	}

	/**
	 * Pauses between streamed events, so that they arrive one by one as from a real model (millisecond precision).
	 * The server also pauses this long before the first event. Zero (the default) writes the stream at once.
	 * <p>
	 * Implemented with WireMock's chunked dribble delay: to make each network write exactly one event, events are
	 * padded to the same length with an SSE comment line ({@code ": …"}), which every SSE parser ignores.
	 * @param delay the pause, zero or more
	 * @return this stub
	 * @throws IllegalArgumentException when {@code delay} is negative
	 */
	public synchronized BotChatStub chunkDelay(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("chunkDelay must not be negative, was " + delay);
		}
		this.chunkDelay = delay;
		return this;
	}

	/**
	 * Adds a reference (web page or knowledge-base chunk) to the answer's {@code references}. When streamed,
	 * references arrive on the last chunk of the answer.
	 * @param reference the reference
	 * @return this stub
	 */
	public synchronized BotChatStub reference(Reference reference) {
		this.references.add(Objects.requireNonNull(reference, "reference must not be null"));
		return this;
	}

	/**
	 * Replaces the answer's references.
	 * @param references the references, in order
	 * @return this stub
	 */
	public synchronized BotChatStub references(List<Reference> references) {
		List<Reference> copy = List.copyOf(references);
		this.references.clear();
		this.references.addAll(copy);
		return this;
	}

	/**
	 * Sets the token counts reported in {@code bot_usage.model_usage}, named after the answer's model. Without it,
	 * usage is estimated at one token per four code points of the request's messages and of the answer.
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 * @return this stub
	 */
	public BotChatStub botUsage(int promptTokens, int completionTokens) {
		return botUsage(null, promptTokens, completionTokens);
	}

	/**
	 * Sets the token counts reported in {@code bot_usage.model_usage}, with the endpoint name to report.
	 * @param name the model endpoint's name ({@code model_usage[].name}), or {@code null} for the answer's model
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 * @return this stub
	 * @throws IllegalArgumentException when a count is negative
	 */
	public synchronized BotChatStub botUsage(@Nullable String name, int promptTokens, int completionTokens) {
		if (promptTokens < 0 || completionTokens < 0) {
			throw new IllegalArgumentException("token counts must not be negative, were promptTokens=" + promptTokens
					+ ", completionTokens=" + completionTokens);
		}
		this.usage = new BotChatAnswer.Usage(name, promptTokens, completionTokens);
		return this;
	}

	/**
	 * Adds a tool call to the answer, which then ends with {@code finish_reason: tool_calls}. Its text is empty unless
	 * {@link #answer(String)} sets one. Streamed as the models do: a first fragment with index, id, type, name and
	 * empty arguments, then fragments with only the index and a piece of the arguments.
	 * @param id the call id ({@code call_…})
	 * @param name the function name
	 * @param argumentsJson the arguments, as the model would write them (not checked: malformed JSON is allowed, to
	 * test how an application copes)
	 * @return this stub
	 */
	public synchronized BotChatStub toolCall(String id, String name, String argumentsJson) {
		Objects.requireNonNull(argumentsJson, "argumentsJson must not be null");
		this.toolCalls.add(ToolCall.function(requireText(id, "id"), requireText(name, "name"), argumentsJson));
		return this;
	}

	/**
	 * Overrides the finish reason, for example {@link FinishReason#LENGTH} for a cut answer or
	 * {@link FinishReason#CONTENT_FILTER}.
	 * @param finishReason the reason
	 * @return this stub
	 */
	public synchronized BotChatStub finishReason(FinishReason finishReason) {
		this.finishReason = Objects.requireNonNull(finishReason, "finishReason must not be null");
		return this;
	}

	/**
	 * Answers every call (blocking or streamed) with an Ark error instead:
	 * {@code {"error":{"code","message","param":"","type"}}} with the status's reason as type ({@code BadRequest},
	 * {@code Unauthorized}, {@code Forbidden}, {@code NotFound}, {@code TooManyRequests},
	 * {@code InternalServerError}, …), the exchange's id in {@code X-Request-Id} and appended to the message as
	 * {@code "Request id: …"}, as Ark does. The API key and the request are still checked first.
	 * @param status the HTTP status, 400 to 599
	 * @param code Ark's error code, such as {@code RateLimitExceeded.EndpointRPMExceeded}
	 * @param message the message
	 * @return this stub
	 * @throws IllegalArgumentException when the status is not an error status
	 */
	public synchronized BotChatStub fail(int status, String code, String message) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be an error status in [400, 599], was " + status);
		}
		this.failure = new BotChatAnswer.Failure(status, requireText(code, "code"),
				Objects.requireNonNull(message, "message must not be null"), null);
		return this;
	}

	/**
	 * Adds a {@code Retry-After} header to the {@link #fail(int, String, String) failure}.
	 * @param headerValue seconds (such as {@code "2"}) or an HTTP date
	 * @return this stub
	 */
	public synchronized BotChatStub retryAfter(String headerValue) {
		this.retryAfter = requireText(headerValue, "headerValue");
		return this;
	}

	/**
	 * Makes streamed calls fail after they started, as Ark reports errors once a 200 stream is under way: the first
	 * {@code afterEvents} events of the answer, then {@code data: {"error":{…}}} (type {@code InternalServerError}),
	 * then the end of the body without {@code [DONE]}. Blocking calls still answer normally. Replaces
	 * {@link #truncateAfter(int)}.
	 * @param afterEvents how many events to send before the error (at most the whole answer)
	 * @param code the error code, such as {@code OutputTextSensitiveContentDetected}
	 * @param message the message
	 * @return this stub
	 * @throws IllegalArgumentException when {@code afterEvents} is negative
	 */
	public synchronized BotChatStub errorMidStream(int afterEvents, String code, String message) {
		this.streamFault = new BotChatAnswer.StreamFault(requireEvents(afterEvents), requireText(code, "code"),
				Objects.requireNonNull(message, "message must not be null"));
		return this;
	}

	/**
	 * Makes streamed calls stop after {@code events} events, without an error and without {@code [DONE]}, as a
	 * connection cut by a proxy. Blocking calls still answer normally. Replaces
	 * {@link #errorMidStream(int, String, String)}.
	 * @param events how many events to send (at most the whole answer)
	 * @return this stub
	 * @throws IllegalArgumentException when {@code events} is negative
	 */
	public synchronized BotChatStub truncateAfter(int events) {
		this.streamFault = new BotChatAnswer.StreamFault(requireEvents(events), null, null);
		return this;
	}

	synchronized void reset() {
		this.content = null;
		this.reasoning = null;
		this.model = DEFAULT_MODEL;
		this.chunkSize = DEFAULT_CHUNK_SIZE;
		this.chunkDelay = Duration.ZERO;
		this.references.clear();
		this.usage = null;
		this.toolCalls.clear();
		this.finishReason = null;
		this.failure = null;
		this.retryAfter = null;
		this.streamFault = null;
	}

	synchronized BotChatAnswer snapshot() {
		BotChatAnswer.Failure fail = (this.failure != null) ? new BotChatAnswer.Failure(this.failure.status(),
				this.failure.code(), this.failure.message(), this.retryAfter) : null;
		return new BotChatAnswer(this.content, this.reasoning, this.model, this.chunkSize, this.chunkDelay,
				List.copyOf(this.references), this.usage, List.copyOf(this.toolCalls), this.finishReason, fail,
				this.streamFault);
	}

	private static int requireEvents(int events) {
		if (events < 0) {
			throw new IllegalArgumentException("events must not be negative, was " + events);
		}
		return events;
	}

	private static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank, was " + ((value == null) ? "null" : "'"
					+ value + "'"));
		}
		return value;
	}

	@Override
	public synchronized String toString() {
		return "BotChatStub{model=" + this.model + ", toolCalls=" + this.toolCalls.size() + ", references="
				+ this.references.size() + ", failure=" + ((this.failure != null) ? this.failure.status() : "none")
				+ "}";
	}

}
