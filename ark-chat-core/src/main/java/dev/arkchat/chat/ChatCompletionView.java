package dev.arkchat.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The conveniences of a whole answer in the shared chat model, implemented by every endpoint's completion type: the
 * text, reasoning, tool calls and finish reason of the first choice.
 */
public interface ChatCompletionView {

	/**
	 * The answers (one, usually).
	 * @return the choices, never {@code null}
	 */
	List<ChatChoice> choices();

	/**
	 * The text of the first answer.
	 * @return the text, empty when there is none (for example when the model only asked for tool calls)
	 */
	default String content() {
		if (choices().isEmpty()) {
			return "";
		}
		String content = choices().get(0).message().content();
		return (content != null) ? content : "";
	}

	/**
	 * The reasoning of the first answer (reasoning models).
	 * @return the reasoning, or {@code null}
	 */
	default @Nullable String reasoningContent() {
		return choices().isEmpty() ? null : choices().get(0).message().reasoningContent();
	}

	/**
	 * The tool calls of the first answer.
	 * @return the calls, empty when none
	 */
	default List<ToolCall> toolCalls() {
		if (choices().isEmpty() || choices().get(0).message().toolCalls() == null) {
			return List.of();
		}
		return choices().get(0).message().toolCalls();
	}

	/**
	 * Why the first answer ended.
	 * @return the reason, or {@code null}
	 */
	default @Nullable FinishReason finishReason() {
		return choices().isEmpty() ? null : choices().get(0).finishReason();
	}

}
