package dev.arkchat.chat;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One answer of a blocking call.
 * @param index the choice's position
 * @param message the answer
 * @param finishReason why the model stopped
 * @param logprobs token log probabilities, when requested
 */
@JsonDeserialize(using = ChoiceDeserializer.Whole.class)
public record ChatChoice(int index, ChatMessage message, @Nullable FinishReason finishReason,
		@Nullable Logprobs logprobs) {
}
