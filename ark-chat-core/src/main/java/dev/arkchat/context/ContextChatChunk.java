package dev.arkchat.context;

import java.util.List;

import dev.arkchat.chat.ChunkChoice;
import dev.arkchat.chat.Usage;
import dev.arkchat.chat.ChatChunkView;
import org.jspecify.annotations.Nullable;

/**
 * One event of a streamed context chat answer.
 * @param id the answer's id, the same on every chunk
 * @param object {@code chat.completion.chunk}
 * @param created when the answer was created, in epoch seconds
 * @param model the model that answers
 * @param choices the new pieces (empty on the final usage chunk)
 * @param usage token counts, on the final chunk when {@code stream_options.include_usage} was asked for
 */
public record ContextChatChunk(@Nullable String id, @Nullable String object, @Nullable Long created,
		@Nullable String model, List<ChunkChoice> choices, @Nullable Usage usage) implements ChatChunkView {

	/**
	 * Creates a chunk; {@code choices} may be absent on the wire and is then empty.
	 * @param id the id
	 * @param object the object type
	 * @param created the creation time
	 * @param model the model
	 * @param choices the choices
	 * @param usage the usage
	 */
	public ContextChatChunk {
		choices = (choices != null) ? choices : List.of();
	}

}
