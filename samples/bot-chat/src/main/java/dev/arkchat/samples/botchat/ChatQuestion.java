package dev.arkchat.samples.botchat;

import java.util.List;

import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The body of {@code POST /chat}: one {@code question}, or a whole conversation in {@code messages}.
 * @param question the user's question
 * @param messages the conversation, oldest first, when it is more than one question
 */
public record ChatQuestion(@Nullable String question, @Nullable List<Message> messages) {

	/**
	 * The request for the default bot.
	 * @return the request
	 * @throws IllegalArgumentException when neither a question nor messages were given
	 */
	BotChatRequest toRequest() {
		BotChatRequest.Builder request = BotChatRequest.builder();
		if (this.messages != null && !this.messages.isEmpty()) {
			return request.messages(this.messages.stream().map(Message::toChatMessage).toList()).build();
		}
		if (StringUtils.hasText(this.question)) {
			return request.user(this.question).build();
		}
		throw new IllegalArgumentException("Send {\"question\": \"...\"} or {\"messages\": [{\"role\": \"user\", "
				+ "\"content\": \"...\"}]}");
	}

	/**
	 * One message of a conversation.
	 * @param role {@code system}, {@code user} or {@code assistant}
	 * @param content the text
	 */
	public record Message(String role, String content) {

		ChatMessage toChatMessage() {
			return ChatMessage.of(ChatRole.of(this.role), this.content, null, null);
		}

	}

}
