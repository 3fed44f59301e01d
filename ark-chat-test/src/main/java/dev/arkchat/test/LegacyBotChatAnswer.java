package dev.arkchat.test;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.arkchat.bot.Reference;
import dev.arkchat.chat.FinishReason;
import org.jspecify.annotations.Nullable;

/**
 * What {@link LegacyBotChatStub} was told to answer, frozen for one exchange.
 * @param content the answer's text for a request, or {@code null} for the default
 * @param chunkSize code points per streamed piece
 * @param chunkDelay the pause between streamed events
 * @param references the references
 * @param usage the usage to report, or {@code null} to estimate it
 * @param finishReason the finish reason, or {@code null} for {@code stop}
 * @param failure the error answer to give instead, or {@code null}
 * @param streamFault how to break a stream, or {@code null}
 */
record LegacyBotChatAnswer(@Nullable Function<RecordedRequest, String> content, int chunkSize, Duration chunkDelay,
		List<Reference> references, BotChatAnswer.@Nullable Usage usage, @Nullable FinishReason finishReason,
		BotChatAnswer.@Nullable Failure failure, @Nullable StreamFault streamFault) {

	/**
	 * A stream that breaks after some events.
	 * @param afterEvents how many events are sent first
	 * @param code the code of the error chunk, or {@code null} to just stop (no error, no {@code [DONE]})
	 * @param codeN the numeric code of the error chunk ({@code code_n}), or {@code null} to leave it out
	 * @param message the error message
	 */
	record StreamFault(int afterEvents, @Nullable String code, @Nullable Long codeN, @Nullable String message) {
	}

}
