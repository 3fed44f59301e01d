package dev.arkchat.chat;

import org.jspecify.annotations.Nullable;

/**
 * Options of a streamed call.
 * @param includeUsage when {@code true}, a last chunk with no choices carries the usage
 */
public record StreamOptions(@Nullable Boolean includeUsage) {

	/** Ask for the usage chunk at the end of the stream. */
	public static final StreamOptions INCLUDE_USAGE = new StreamOptions(true);

}
