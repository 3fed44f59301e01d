package dev.arkchat.chat;

import org.jspecify.annotations.Nullable;

/**
 * A tool call requested by the assistant.
 * @param index the call's position, set on streamed fragments (fragments with the same index belong together)
 * @param id the call id, to be echoed as {@code tool_call_id} by the tool's answer
 * @param type always {@code function}
 * @param function the function and its arguments
 */
public record ToolCall(@Nullable Integer index, @Nullable String id, @Nullable String type,
		@Nullable FunctionCall function) {

	/**
	 * A whole function call, as sent back in a conversation's history.
	 * @param id the call id
	 * @param name the function name
	 * @param arguments the arguments as a JSON string
	 * @return the call
	 */
	public static ToolCall function(String id, String name, String arguments) {
		return new ToolCall(null, id, "function", new FunctionCall(name, arguments));
	}

	/**
	 * The function's name.
	 * @return the name, or {@code null}
	 */
	public @Nullable String name() {
		return (this.function != null) ? this.function.name() : null;
	}

	/**
	 * The arguments JSON string.
	 * @return the arguments, or {@code null}
	 */
	public @Nullable String arguments() {
		return (this.function != null) ? this.function.arguments() : null;
	}

}
