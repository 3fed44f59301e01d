package dev.arkchat.samples.contextchat;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.arkchat.context.ContextChatCompletion;
import dev.arkchat.context.ContextSessions;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conversations kept in Ark context caches: each conversation id (any id of yours) gets a session context on its first
 * message, and every later message sends only itself, the history being on the server.
 * <ul>
 * <li>{@code POST /conversations/{id}/messages} with {@code {"message": "…"}}: the answer, the context id and the
 * token usage, whose {@code cachedTokens} grow turn by turn;</li>
 * <li>{@code GET /conversations/{id}}: the context the conversation uses, if any;</li>
 * <li>{@code DELETE /conversations/{id}}: forget the conversation (its next message starts a new context).</li>
 * </ul>
 */
@RestController
@RequestMapping("/conversations/{id}")
class ConversationController {

	private final ContextSessions sessions;

	ConversationController(ContextSessions sessions) {
		this.sessions = sessions;
	}

	/**
	 * Sends the newest message of a conversation.
	 * @param id the conversation
	 * @param message the message
	 * @return the answer
	 */
	@PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	TurnAnswer send(@PathVariable String id, @RequestBody UserMessage message) {
		ContextChatCompletion completion = this.sessions.chat(id, message.text());
		return TurnAnswer.of(id, this.sessions.contextId(id), completion);
	}

	/**
	 * The context a conversation uses.
	 * @param id the conversation
	 * @return {@code {"conversationId", "contextId"}}, or 404 when it has none
	 */
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> show(@PathVariable String id) {
		String contextId = this.sessions.contextId(id);
		if (contextId == null) {
			return ResponseEntity.notFound().build();
		}
		Map<String, String> body = new LinkedHashMap<>();
		body.put("conversationId", id);
		body.put("contextId", contextId);
		return ResponseEntity.ok(body);
	}

	/**
	 * Forgets a conversation; its context expires on its own on the server.
	 * @param id the conversation
	 * @return 204
	 */
	@DeleteMapping
	ResponseEntity<Void> forget(@PathVariable String id) {
		this.sessions.forget(id);
		return ResponseEntity.noContent().build();
	}

}
