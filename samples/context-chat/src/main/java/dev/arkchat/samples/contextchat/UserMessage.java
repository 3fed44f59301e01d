package dev.arkchat.samples.contextchat;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /conversations/{id}/messages}.
 * @param message the user's newest message; the earlier ones are in the conversation's context
 */
record UserMessage(@Nullable String message) {

	String text() {
		if (this.message == null || this.message.isBlank()) {
			throw new IllegalArgumentException("message must not be blank: send {\"message\": \"…\"}");
		}
		return this.message;
	}

}
