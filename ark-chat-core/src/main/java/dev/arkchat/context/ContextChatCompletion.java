package dev.arkchat.context;

import java.util.List;

import dev.arkchat.chat.ChatChoice;
import dev.arkchat.chat.Usage;
import dev.arkchat.chat.ChatCompletionView;
import org.jspecify.annotations.Nullable;

/**
 * A context chat's whole answer: the answer of a blocking call, or the merged chunks of a stream.
 * @param id the answer's id
 * @param object {@code chat.completion}
 * @param created when it was created, in epoch seconds
 * @param model the model that answered, with its version
 * @param choices the answers (one)
 * @param usage token counts; {@link Usage#cachedTokens()} is the part of the input read from the context
 */
public record ContextChatCompletion(@Nullable String id, @Nullable String object, @Nullable Long created,
		@Nullable String model, List<ChatChoice> choices, @Nullable Usage usage) implements ChatCompletionView {

	/**
	 * Creates a completion; {@code choices} may be absent on the wire and is then empty.
	 * @param id the id
	 * @param object the object type
	 * @param created the creation time
	 * @param model the model
	 * @param choices the choices
	 * @param usage the usage
	 */
	public ContextChatCompletion {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * Input tokens served from the context cache.
	 * @return the cached tokens, 0 when none or not reported
	 */
	public int cachedTokens() {
		return (this.usage != null) ? this.usage.cachedTokens() : 0;
	}

}
