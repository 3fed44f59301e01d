package dev.arkchat.test;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.arkchat.bot.Reference;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * What {@link BotChatStub} was told to answer, frozen for one exchange (the stub may change while a stream is being
 * written).
 * @param content the answer's text for a request, or {@code null} for the default
 * @param reasoning the reasoning, or {@code null} for none
 * @param model the model named in the answer
 * @param chunkSize code points per streamed piece
 * @param chunkDelay the pause between streamed events
 * @param references the references
 * @param usage the usage to report, or {@code null} to estimate it
 * @param toolCalls the tool calls
 * @param finishReason the finish reason, or {@code null} for {@code stop} / {@code tool_calls}
 * @param failure the error answer to give instead, or {@code null}
 * @param streamFault how to break a stream, or {@code null}
 */
record BotChatAnswer(@Nullable Function<RecordedRequest, String> content, @Nullable String reasoning, String model,
		int chunkSize, Duration chunkDelay, List<Reference> references, @Nullable Usage usage,
		List<ToolCall> toolCalls, @Nullable FinishReason finishReason, @Nullable Failure failure,
		@Nullable StreamFault streamFault) {

	/**
	 * Token counts to report in {@code bot_usage.model_usage}.
	 * @param name the endpoint or model name, or {@code null} for the answer's model
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 */
	record Usage(@Nullable String name, int promptTokens, int completionTokens) {
	}

	/**
	 * An error answer instead of a completion.
	 * @param status the HTTP status
	 * @param code Ark's error code
	 * @param message the message
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 */
	record Failure(int status, String code, String message, @Nullable String retryAfter) {
	}

	/**
	 * A stream that breaks after some events.
	 * @param afterEvents how many events are sent first
	 * @param code the error code of the error event, or {@code null} to just stop (no error, no {@code [DONE]})
	 * @param message the error message
	 */
	record StreamFault(int afterEvents, @Nullable String code, @Nullable String message) {
	}

}
