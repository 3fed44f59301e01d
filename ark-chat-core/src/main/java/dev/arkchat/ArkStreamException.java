package dev.arkchat;

import org.jspecify.annotations.Nullable;

/**
 * A streamed answer failed after it had started: the server sent an {@code error} event inside a successful (200)
 * stream, the stream ended without its terminator ({@code [DONE]}, or {@code "end": true} for the knowledge base), or
 * an event could not be decoded. Never a normal end: what arrived so far is attached, but it is not a whole answer.
 */
public class ArkStreamException extends ArkException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String code;

	private final transient @Nullable Object partial;

	/**
	 * Creates the exception.
	 * @param message what went wrong
	 * @param code the server's error code, when the server sent an error event
	 * @param requestId the server's request id, if known
	 * @param partial what had been merged from the events received before the failure, if anything
	 * @param cause the underlying cause, if any
	 */
	public ArkStreamException(String message, @Nullable String code, @Nullable String requestId,
			@Nullable Object partial, @Nullable Throwable cause) {
		super(message, requestId, cause);
		this.code = code;
		this.partial = partial;
	}

	/**
	 * The server's error code when the stream carried an error event.
	 * @return the code, or {@code null} when the stream was cut off or undecodable
	 */
	public @Nullable String getCode() {
		return this.code;
	}

	/**
	 * What had been merged before the failure, as the stream's completion type (for bot chat a
	 * {@code BotChatCompletion}). Incomplete by definition: show it as such, if at all.
	 * @return the partial completion, or {@code null} when nothing had arrived
	 */
	public @Nullable Object getPartial() {
		return this.partial;
	}

}
