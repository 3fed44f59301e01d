package dev.arkchat.chat;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One choice of a streamed chunk.
 * @param index the choice's position
 * @param delta the new piece of the answer
 * @param finishReason set on the choice's last content chunk
 * @param logprobs log probabilities of this chunk's tokens, when requested
 */
@JsonDeserialize(using = ChoiceDeserializer.Chunk.class)
public record ChunkChoice(int index, @Nullable ChatDelta delta, @Nullable FinishReason finishReason,
		@Nullable Logprobs logprobs) {
}
