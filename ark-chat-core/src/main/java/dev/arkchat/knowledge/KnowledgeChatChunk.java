package dev.arkchat.knowledge;

import dev.arkchat.chat.Usage;
import org.jspecify.annotations.Nullable;

/**
 * One event of a streamed knowledge chat answer, unwrapped from its envelope: a piece of the answer or of the
 * reasoning; the last event has {@code end} set and carries the usage.
 * @param generatedAnswer the piece of the answer (may be empty)
 * @param reasoningContent the piece of the reasoning, or {@code null}
 * @param usage the token usage, on the last event when asked for
 * @param end whether this is the stream's last event ({@code "end": true})
 * @param requestId the server's request id
 */
public record KnowledgeChatChunk(String generatedAnswer, @Nullable String reasoningContent, @Nullable Usage usage,
		boolean end, @Nullable String requestId) {

}
