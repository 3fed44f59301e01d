package dev.arkchat.test;

import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What {@link ContextChatStub} was told, frozen for one exchange (the stub may change while a stream is written).
 * @param content the answer's text for a request, or {@code null} for the default echo
 * @param model the model named in answers
 * @param chunkSize code points per streamed piece
 * @param chunkDelay the pause before each streamed event
 * @param failure the error to answer chat calls with instead, or {@code null}
 * @param createFailure the error to answer create calls with instead, or {@code null}
 * @param gone the error for a call on an expired or unknown context
 * @param hold where calls wait before their last bytes, or {@code null}
 */
record ContextChatAnswer(@Nullable Function<RecordedRequest, String> content, String model, int chunkSize,
		Duration chunkDelay, @Nullable Failure failure, @Nullable Failure createFailure, Failure gone,
		ContextChatStub.@Nullable Hold hold) {

	/**
	 * An Ark error answer.
	 * @param status the HTTP status
	 * @param code Ark's error code
	 * @param message the message, in which {@code {context_id}} stands for the call's context id
	 */
	record Failure(int status, String code, String message) {
	}

}
