package dev.arkchat.bot;

import java.util.List;

import dev.arkchat.chat.ChatChoice;
import dev.arkchat.chat.Usage;
import dev.arkchat.chat.ChatCompletionView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A bot's whole answer: the answer of a blocking call, or the merged chunks of a stream.
 * @param id the answer's id (also the server's request id)
 * @param object {@code chat.completion}
 * @param created when it was created, in epoch seconds
 * @param model the model that answered, with its version
 * @param choices the answers (one, usually)
 * @param usage token counts, when the server sends them in OpenAI's form
 * @param botUsage token counts per model endpoint and plugin use
 * @param references the sources the answer used (web pages, knowledge-base chunks)
 * @param metadata the request's metadata, echoed back
 */
@JsonDeserialize(using = BotAnswerDeserializer.Completion.class)
public record BotChatCompletion(@Nullable String id, @Nullable String object, @Nullable Long created,
		@Nullable String model, List<ChatChoice> choices, @Nullable Usage usage, @Nullable BotUsage botUsage,
		@Nullable List<Reference> references, @Nullable BotMetadata metadata) implements ChatCompletionView {

	/**
	 * Creates a completion; {@code choices} may be absent on the wire and is then empty.
	 * @param id the id
	 * @param object the object type
	 * @param created the creation time
	 * @param model the model
	 * @param choices the choices
	 * @param usage the usage
	 * @param botUsage the bot usage
	 * @param references the references
	 * @param metadata the metadata
	 */
	public BotChatCompletion {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * The references, never {@code null}.
	 * @return the references, empty when none
	 */
	public List<Reference> referencesOrEmpty() {
		return (this.references != null) ? this.references : List.of();
	}

}
