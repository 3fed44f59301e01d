package dev.arkchat.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.arkchat.bot.Reference;
import dev.arkchat.chat.FinishReason;
import org.jspecify.annotations.Nullable;

/**
 * Configures how the fake answers the legacy bot chat v2, {@code POST /api/v2/bots/{bot_id}/chat}: the text,
 * references and usage of the answer, how it is streamed, and the failures to simulate. Every method returns this
 * stub; settings last until {@link ArkMockServer#reset()}. A stream delivers exactly the answer a blocking call gets,
 * in pieces, with the finish reason, references and usage on its last chunk, then {@code data: [DONE]}. Thread-safe.
 * <p>
 * Without configuration, the fake answers {@code "Echo: "} followed by the request's last user message, in pieces of
 * {@value BotChatStub#DEFAULT_CHUNK_SIZE} code points, with token counts estimated at one token per four code points.
 */
public final class LegacyBotChatStub {

	private @Nullable Function<RecordedRequest, String> content;

	private int chunkSize = BotChatStub.DEFAULT_CHUNK_SIZE;

	private Duration chunkDelay = Duration.ZERO;

	private final List<Reference> references = new ArrayList<>();

	private BotChatAnswer.@Nullable Usage usage;

	private @Nullable FinishReason finishReason;

	private BotChatAnswer.@Nullable Failure failure;

	private @Nullable String retryAfter;

	private LegacyBotChatAnswer.@Nullable StreamFault streamFault;

	LegacyBotChatStub() {
	}

	/**
	 * Sets the answer's text.
	 * @param content the text, delivered whole or, when streamed, in pieces of {@link #chunkSize(int)} code points
	 * @return this stub
	 */
	public synchronized LegacyBotChatStub answer(String content) {
		Objects.requireNonNull(content, "content must not be null");
		this.content = (request) -> content;
		return this;
	}

	/**
	 * Computes the answer's text from each request.
	 * @param content gives the text for a received request
	 * @return this stub
	 */
	public synchronized LegacyBotChatStub answer(Function<RecordedRequest, String> content) {
		this.content = Objects.requireNonNull(content, "content must not be null");
		return this;
	}

	/**
	 * Sets how many code points each streamed piece holds (a character is never cut in two).
	 * @param codePoints the piece size, at least 1
	 * @return this stub
	 * @throws IllegalArgumentException when {@code codePoints} is below 1
	 */
	public synchronized LegacyBotChatStub chunkSize(int codePoints) {
		if (codePoints < 1) {
			throw new IllegalArgumentException("chunkSize must be at least 1 code point, was " + codePoints);
		}
		this.chunkSize = codePoints;
		return this;
	}

	/**
	 * Pauses between streamed events (see {@link BotChatStub#chunkDelay(Duration)}).
	 * @param delay the pause, zero or more
	 * @return this stub
	 * @throws IllegalArgumentException when {@code delay} is negative
	 */
	public synchronized LegacyBotChatStub chunkDelay(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("chunkDelay must not be negative, was " + delay);
		}
		this.chunkDelay = delay;
		return this;
	}

	/**
	 * Adds a reference to the answer's {@code message.references}; when streamed, on the last chunk.
	 * @param reference the reference
	 * @return this stub
	 */
	public synchronized LegacyBotChatStub reference(Reference reference) {
		this.references.add(Objects.requireNonNull(reference, "reference must not be null"));
		return this;
	}

	/**
	 * Sets the token counts reported in {@code usage.model_usage} (without an endpoint name).
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 * @return this stub
	 */
	public LegacyBotChatStub usage(int promptTokens, int completionTokens) {
		return usage(null, promptTokens, completionTokens);
	}

	/**
	 * Sets the token counts reported in {@code usage.model_usage}.
	 * @param name the endpoint name ({@code model_usage[].name}), or {@code null} to leave it out
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 * @return this stub
	 * @throws IllegalArgumentException when a count is negative
	 */
	public synchronized LegacyBotChatStub usage(@Nullable String name, int promptTokens, int completionTokens) {
		if (promptTokens < 0 || completionTokens < 0) {
			throw new IllegalArgumentException("token counts must not be negative, were promptTokens=" + promptTokens
					+ ", completionTokens=" + completionTokens);
		}
		this.usage = new BotChatAnswer.Usage(name, promptTokens, completionTokens);
		return this;
	}

	/**
	 * Overrides the finish reason ({@code stop} by default), for example {@link FinishReason#LENGTH}.
	 * @param finishReason the reason
	 * @return this stub
	 */
	public synchronized LegacyBotChatStub finishReason(FinishReason finishReason) {
		this.finishReason = Objects.requireNonNull(finishReason, "finishReason must not be null");
		return this;
	}

	/**
	 * Answers every call (blocking or streamed) with an error status and an Ark error body instead, as this API does
	 * for errors found before a stream starts. The API key and the request are still checked first.
	 * @param status the HTTP status, 400 to 599
	 * @param code the error code, such as {@code InvalidParameter}
	 * @param message the message
	 * @return this stub
	 * @throws IllegalArgumentException when the status is not an error status
	 */
	public synchronized LegacyBotChatStub fail(int status, String code, String message) {
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
	public synchronized LegacyBotChatStub retryAfter(String headerValue) {
		this.retryAfter = requireText(headerValue, "headerValue");
		return this;
	}

	/**
	 * Makes streamed calls fail after they started, as this API reports errors in a 200 stream: the first
	 * {@code afterEvents} chunks, then a chunk {@code {"req_id":…,"choices":[],"error":{"code","message"}}}, then the
	 * end of the body without {@code [DONE]}. Blocking calls still answer normally. Replaces
	 * {@link #truncateAfter(int)}.
	 * @param afterEvents how many chunks to send before the error (at most the whole answer)
	 * @param code the error code
	 * @param message the message
	 * @return this stub
	 * @throws IllegalArgumentException when {@code afterEvents} is negative
	 */
	public LegacyBotChatStub errorMidStream(int afterEvents, String code, String message) {
		return errorMidStream(afterEvents, code, null, message);
	}

	/**
	 * Like {@link #errorMidStream(int, String, String)}, with a numeric {@code code_n} in the error chunk as related
	 * legacy APIs send.
	 * @param afterEvents how many chunks to send before the error
	 * @param code the error code
	 * @param codeN the numeric code, or {@code null} to leave it out
	 * @param message the message
	 * @return this stub
	 * @throws IllegalArgumentException when {@code afterEvents} is negative
	 */
	public synchronized LegacyBotChatStub errorMidStream(int afterEvents, String code, @Nullable Long codeN,
			String message) {
		this.streamFault = new LegacyBotChatAnswer.StreamFault(requireEvents(afterEvents), requireText(code, "code"),
				codeN, Objects.requireNonNull(message, "message must not be null"));
		return this;
	}

	/**
	 * Makes streamed calls stop after {@code events} chunks, without an error, usage or {@code [DONE]}, as a
	 * connection cut by a proxy. Replaces {@link #errorMidStream(int, String, String)}.
	 * @param events how many chunks to send
	 * @return this stub
	 * @throws IllegalArgumentException when {@code events} is negative
	 */
	public synchronized LegacyBotChatStub truncateAfter(int events) {
		this.streamFault = new LegacyBotChatAnswer.StreamFault(requireEvents(events), null, null, null);
		return this;
	}

	synchronized void reset() {
		this.content = null;
		this.chunkSize = BotChatStub.DEFAULT_CHUNK_SIZE;
		this.chunkDelay = Duration.ZERO;
		this.references.clear();
		this.usage = null;
		this.finishReason = null;
		this.failure = null;
		this.retryAfter = null;
		this.streamFault = null;
	}

	synchronized LegacyBotChatAnswer snapshot() {
		BotChatAnswer.Failure fail = (this.failure != null) ? new BotChatAnswer.Failure(this.failure.status(),
				this.failure.code(), this.failure.message(), this.retryAfter) : null;
		return new LegacyBotChatAnswer(this.content, this.chunkSize, this.chunkDelay, List.copyOf(this.references),
				this.usage, this.finishReason, fail, this.streamFault);
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
		return "LegacyBotChatStub{references=" + this.references.size() + ", failure="
				+ ((this.failure != null) ? this.failure.status() : "none") + "}";
	}

}
