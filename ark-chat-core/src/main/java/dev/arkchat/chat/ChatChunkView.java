package dev.arkchat.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The conveniences of a streamed chunk in the shared chat model, implemented by every endpoint's chunk type: the new
 * text, reasoning and finish reason of the first choice.
 */
public interface ChatChunkView {

	/**
	 * The answer's id, the same on every chunk.
	 * @return the id, or {@code null}
	 */
	@Nullable String id();

	/**
	 * When the answer was created, in epoch seconds.
	 * @return the time, or {@code null}
	 */
	@Nullable Long created();

	/**
	 * The model that answers.
	 * @return the model, or {@code null}
	 */
	@Nullable String model();

	/**
	 * Token counts in OpenAI's form, when this chunk carries them.
	 * @return the usage, or {@code null}
	 */
	@Nullable Usage usage();

	/**
	 * The new pieces (empty on a usage-only chunk).
	 * @return the choices, never {@code null}
	 */
	List<ChunkChoice> choices();

	/**
	 * The new text of the first choice.
	 * @return the text, empty when this chunk carries none
	 */
	default String content() {
		ChatDelta delta = firstDelta();
		return (delta != null && delta.content() != null) ? delta.content() : "";
	}

	/**
	 * The new reasoning of the first choice.
	 * @return the reasoning, empty when this chunk carries none
	 */
	default String reasoningContent() {
		ChatDelta delta = firstDelta();
		return (delta != null && delta.reasoningContent() != null) ? delta.reasoningContent() : "";
	}

	/**
	 * The finish reason of the first choice, on its last content chunk.
	 * @return the reason, or {@code null}
	 */
	default @Nullable FinishReason finishReason() {
		return choices().isEmpty() ? null : choices().get(0).finishReason();
	}

	private @Nullable ChatDelta firstDelta() {
		return choices().isEmpty() ? null : choices().get(0).delta();
	}

}
