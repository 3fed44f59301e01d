/**
 * The chat wire model shared by Ark's chat endpoints: messages, content parts, tools and tool calls, usage, logprobs,
 * finish reasons, and the accumulator that merges streamed chunks into one completion.
 */
@NullMarked
package dev.arkchat.chat;

import org.jspecify.annotations.NullMarked;
