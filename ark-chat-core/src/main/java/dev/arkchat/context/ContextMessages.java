package dev.arkchat.context;

import java.util.List;

import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;

/** The message rules shared by context create and context chat. */
final class ContextMessages {

	private ContextMessages() {
	}

	/**
	 * Checks a message list.
	 * @param messages the messages
	 * @param requireOne whether at least one message is required
	 * @throws IllegalArgumentException naming the message, the value and the rule
	 */
	static void validate(List<ChatMessage> messages, boolean requireOne) {
		if (requireOne && messages.isEmpty()) {
			throw new IllegalArgumentException("messages must not be empty: send at least the newest user message");
		}
		for (int i = 0; i < messages.size(); i++) {
			ChatMessage message = messages.get(i);
			if (message.role() == ChatRole.TOOL && (message.toolCallId() == null || message.toolCallId().isBlank())) {
				throw new IllegalArgumentException("messages[" + i + "].tool_call_id is required when role is tool");
			}
		}
		if (!messages.isEmpty()) {
			int last = messages.size() - 1;
			if (messages.get(last).role() == ChatRole.ASSISTANT) {
				throw new IllegalArgumentException("messages[" + last + "].role (the last message) must be one of "
						+ "system, user, tool but was assistant: a context does not accept a trailing assistant "
						+ "message");
			}
		}
	}

}
