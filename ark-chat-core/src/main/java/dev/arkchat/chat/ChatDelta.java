package dev.arkchat.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The piece of an answer carried by one streamed chunk.
 * @param role the role, usually repeated on every chunk
 * @param content the next piece of text
 * @param reasoningContent the next piece of reasoning
 * @param toolCalls fragments of tool calls, to be joined per {@link ToolCall#index()}
 */
@JsonDeserialize(using = ChatDeltaDeserializer.class)
public record ChatDelta(@Nullable ChatRole role, @Nullable String content, @Nullable String reasoningContent,
		@Nullable List<ToolCall> toolCalls) {
}
