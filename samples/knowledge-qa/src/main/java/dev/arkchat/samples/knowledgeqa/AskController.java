package dev.arkchat.samples.knowledgeqa;

import dev.arkchat.knowledge.KnowledgeOperations;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Questions to the knowledge base: {@code POST /ask} answers whole, with citations; {@code GET /ask/stream?q=…}
 * streams the answer as server-sent events (see {@link AskStreamRelay}).
 */
@RestController
@RequestMapping("/ask")
class AskController {

	private final KnowledgeOperations knowledge;

	private final AskStreamRelay relay;

	AskController(KnowledgeOperations knowledge, AskStreamRelay relay) {
		this.knowledge = knowledge;
		this.relay = relay;
	}

	/**
	 * Searches the collection, lets the model answer from what was found, and returns both.
	 * @param question {@code {"question": "…", "history": [{"role": "user", "content": "…"}, …]}}
	 * @return the answer, its citations and token usage
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	AnswerView ask(@RequestBody AskQuestion question) {
		return AnswerView.of(this.knowledge.ask(question.question(), question.messages()));
	}

	/**
	 * Searches the collection and streams the answer: the citations first, then the text as it is written.
	 * @param question the question
	 * @return the event stream
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam("q") String question) {
		return this.relay.relay(() -> this.knowledge.askStream(question));
	}

}
