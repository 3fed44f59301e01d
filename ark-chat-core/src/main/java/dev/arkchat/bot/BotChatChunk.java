package dev.arkchat.bot;

import java.util.List;

import dev.arkchat.chat.ChunkChoice;
import dev.arkchat.chat.Usage;
import dev.arkchat.chat.ChatChunkView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One event of a streamed bot answer.
 * @param id the answer's id, the same on every chunk
 * @param object {@code chat.completion.chunk}
 * @param created when the answer was created, in epoch seconds
 * @param model the model that answers
 * @param choices the new pieces (empty on the final usage chunk)
 * @param usage token counts in OpenAI's form, when sent
 * @param botUsage token counts and plugin use, usually on the last chunks
 * @param references sources, on the chunks that carry them
 * @param metadata the request's metadata, echoed
 */
@JsonDeserialize(using = BotAnswerDeserializer.Chunk.class)
public record BotChatChunk(@Nullable String id, @Nullable String object, @Nullable Long created,
		@Nullable String model, List<ChunkChoice> choices, @Nullable Usage usage, @Nullable BotUsage botUsage,
		@Nullable List<Reference> references, @Nullable BotMetadata metadata) implements ChatChunkView {

	/**
	 * Creates a chunk; {@code choices} may be absent on the wire and is then empty.
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
	public BotChatChunk {
		choices = (choices != null) ? choices : List.of();
	}

}
