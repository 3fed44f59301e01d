package dev.arkchat.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the model stopped. A value type rather than an enum: a reason this version does not know is kept as data, not
 * rejected.
 * @param value the wire value
 */
public record FinishReason(@JsonValue String value) {

	/** The model finished, or hit a stop word. */
	public static final FinishReason STOP = new FinishReason("stop");

	/** {@code max_tokens} or the context length was reached: the answer is cut. */
	public static final FinishReason LENGTH = new FinishReason("length");

	/** The answer was filtered by content safety. */
	public static final FinishReason CONTENT_FILTER = new FinishReason("content_filter");

	/** The model asks for tool calls. */
	public static final FinishReason TOOL_CALLS = new FinishReason("tool_calls");

	/**
	 * Reads a wire value.
	 * @param value the value
	 * @return the reason
	 */
	@JsonCreator
	public static FinishReason of(String value) {
		return switch (value) {
			case "stop" -> STOP;
			case "length" -> LENGTH;
			case "content_filter" -> CONTENT_FILTER;
			case "tool_calls" -> TOOL_CALLS;
			default -> new FinishReason(value);
		};
	}

	@Override
	public String toString() {
		return this.value;
	}

}
