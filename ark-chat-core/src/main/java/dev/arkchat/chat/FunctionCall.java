package dev.arkchat.chat;

import org.jspecify.annotations.Nullable;

/**
 * The function a tool call invokes.
 * @param name the function's name
 * @param arguments the arguments as a JSON <em>string</em>, exactly as the model wrote it: it may be malformed or
 * carry parameters the schema does not declare, so parse it defensively
 */
public record FunctionCall(@Nullable String name, @Nullable String arguments) {
}
