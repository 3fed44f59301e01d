package dev.arkchat.samples.contextchat;

import java.util.List;

import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.test.ArkMockServer;
import dev.arkchat.test.MockContext;
import dev.arkchat.test.RecordedRequest;
import tools.jackson.databind.JsonNode;

/**
 * What the fake Ark answers in this sample: it repeats the newest message and, to show that the conversation lives in
 * the context on the server, the earlier messages that context holds. The request itself carries only the newest
 * message.
 */
final class MockArkAnswer {

	private MockArkAnswer() {
	}

	/**
	 * Makes a fake Ark give these answers.
	 * @param ark the fake
	 */
	static void configure(ArkMockServer ark) {
		ark.contextChat().answer((request) -> answer(ark, request));
	}

	private static String answer(ArkMockServer ark, RecordedRequest request) {
		JsonNode body = request.bodyJson();
		JsonNode messages = body.path("messages");
		String newest = messages.path(messages.size() - 1).path("content").asString("");
		List<String> earlier = ark.contexts()
			.find(body.path("context_id").asString(""))
			.map(MockContext::messages)
			.orElse(List.of())
			.stream()
			.filter((message) -> message.role() == ChatRole.USER)
			.map(ChatMessage::content)
			.toList();
		if (earlier.isEmpty()) {
			return "Nice to meet you! You said \"" + newest + "\". I am a fake Ark; this conversation's context "
					+ "remembers it for me.";
		}
		return "You said \"" + newest + "\". Earlier in this conversation you told me: \"" + String.join("\", \"", earlier)
				+ "\". I only received your newest message: the rest is in the context cache.";
	}

}
