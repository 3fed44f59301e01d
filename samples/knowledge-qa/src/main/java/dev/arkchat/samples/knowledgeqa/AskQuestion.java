package dev.arkchat.samples.knowledgeqa;

import java.util.ArrayList;
import java.util.List;

import dev.arkchat.chat.ChatMessage;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /ask}: the question and, for a follow-up question, the conversation before it.
 * @param question the question
 * @param history earlier turns, oldest first, or {@code null}
 */
record AskQuestion(String question, @Nullable List<Turn> history) {

	/**
	 * The history as chat messages.
	 * @return the messages
	 * @throws IllegalArgumentException for a role other than user or assistant
	 */
	List<ChatMessage> messages() {
		List<ChatMessage> messages = new ArrayList<>();
		if (this.history != null) {
			for (Turn turn : this.history) {
				messages.add(switch (turn.role()) {
					case "user" -> ChatMessage.user(turn.content());
					case "assistant" -> ChatMessage.assistant(turn.content());
					default -> throw new IllegalArgumentException(
							"history[].role must be user or assistant but was " + turn.role());
				});
			}
		}
		return messages;
	}

	/**
	 * One earlier turn.
	 * @param role {@code user} or {@code assistant}
	 * @param content what was said
	 */
	record Turn(String role, String content) {
	}

}
