package dev.arkchat.samples.botchat;

import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Chat with the configured bot: {@code POST /chat} answers whole, {@code GET /chat/stream?q=…} streams the answer as
 * server-sent events (see {@link ChatStreamRelay} for the events).
 */
@RestController
@RequestMapping("/chat")
class ChatController {

	private final BotChatOperations bots;

	private final ChatStreamRelay relay;

	ChatController(BotChatOperations bots, ChatStreamRelay relay) {
		this.bots = bots;
		this.relay = relay;
	}

	/**
	 * Asks the bot and waits for its whole answer.
	 * @param question {@code {"question": "…"}} or {@code {"messages": […]}}
	 * @return the answer, its reasoning, references and token usage
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ChatAnswer chat(@RequestBody ChatQuestion question) {
		return ChatAnswer.of(this.bots.chat(question.toRequest()));
	}

	/**
	 * Asks the bot and streams its answer as it is written.
	 * @param question the user's question
	 * @return the event stream
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam("q") String question) {
		BotChatRequest request = BotChatRequest.builder().user(question).includeUsage().build();
		return this.relay.relay(() -> this.bots.stream(request));
	}

}
