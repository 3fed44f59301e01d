package dev.arkchat.samples.knowledgeqa;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.knowledge.KnowledgeAnswer;
import dev.arkchat.knowledge.KnowledgeAnswerStream;
import dev.arkchat.knowledge.KnowledgeChatChunk;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Forwards a streamed knowledge answer to the browser as server-sent events, on Boot's task executor. Events, each
 * with a JSON {@code data}:
 * <ul>
 * <li>{@code citations} {@code [{document, title, section, content, …}]}: the chunks the model was given, sent first
 * (the search is over before the model starts);</li>
 * <li>{@code reasoning} and {@code content} {@code {"text": …}}: pieces of the reasoning and of the answer;</li>
 * <li>{@code done} {@code {"usage": {…}}}: the end;</li>
 * <li>{@code error} {@code {"message", "code", "requestId"}}: the answer failed; what came before is not whole.</li>
 * </ul>
 * When the browser goes away, the knowledge stream is closed, which aborts its HTTP exchange.
 */
@Component
class AskStreamRelay {

	/** How long a stream may last before the emitter times out. */
	static final Duration TIMEOUT = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(AskStreamRelay.class);

	private final AsyncTaskExecutor executor;

	AskStreamRelay(
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor) {
		this.executor = executor;
	}

	/**
	 * Searches and opens the answer's stream on the executor, and relays it.
	 * @param opener runs the search and opens the stream (calls the knowledge base)
	 * @return the emitter to return from the controller
	 */
	SseEmitter relay(Supplier<KnowledgeAnswerStream> opener) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Relay relay = new Relay(opener, emitter);
		emitter.onCompletion(relay::cancel);
		emitter.onTimeout(relay::cancel);
		emitter.onError((ex) -> relay.cancel());
		this.executor.execute(relay);
		return emitter;
	}

	/** One relayed answer. */
	private static final class Relay implements Runnable {

		private final Supplier<KnowledgeAnswerStream> opener;

		private final SseEmitter emitter;

		private final AtomicReference<@Nullable KnowledgeAnswerStream> stream = new AtomicReference<>();

		private volatile boolean cancelled;

		Relay(Supplier<KnowledgeAnswerStream> opener, SseEmitter emitter) {
			this.opener = opener;
			this.emitter = emitter;
		}

		void cancel() {
			this.cancelled = true;
			KnowledgeAnswerStream open = this.stream.get();
			if (open != null) {
				open.close();
			}
		}

		@Override
		public void run() {
			KnowledgeAnswerStream opened;
			try {
				opened = this.opener.get();
			}
			catch (RuntimeException ex) {
				// the search failed, the stream could not open, or no collection is configured
				logger.warn("Knowledge answer failed: " + ex.getMessage());
				sendError(ex);
				return;
			}
			try {
				this.stream.set(opened);
				if (this.cancelled) {
					opened.close();
					return;
				}
				try (KnowledgeAnswerStream answer = opened) {
					send("citations", AnswerView.Citation.of(answer.citations()));
					for (KnowledgeChatChunk chunk : answer) {
						send("reasoning", chunk.reasoningContent());
						send("content", chunk.generatedAnswer());
					}
					KnowledgeAnswer whole = answer.completion();
					send("done", new Done(AnswerView.TokenUsage.of(whole.usage())));
				}
				this.emitter.complete();
			}
			catch (IOException | IllegalStateException ex) {
				// the browser went away (or the emitter timed out); the stream was closed on the way out
				logger.debug("Stream relay ended early: " + ex.getMessage());
			}
			catch (RuntimeException ex) {
				if (this.cancelled) {
					return;
				}
				logger.warn("Knowledge answer failed: " + ex.getMessage());
				sendError(ex);
			}
		}

		private void send(String name, @Nullable String text) throws IOException {
			if (text != null && !text.isEmpty()) {
				send(name, (Object) new Text(text));
			}
		}

		private void send(String name, Object data) throws IOException {
			this.emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
		}

		private void sendError(RuntimeException ex) {
			String code = (ex instanceof ArkApiException api) ? api.getCode()
					: (ex instanceof ArkStreamException failed) ? failed.getCode() : null;
			String requestId = (ex instanceof ArkException ark) ? ark.getRequestId() : null;
			try {
				send("error", new Failure(String.valueOf(ex.getMessage()), code, requestId));
				this.emitter.complete();
			}
			catch (IOException | IllegalStateException gone) {
				logger.debug("Could not report the failure, the browser is gone: " + gone.getMessage());
			}
		}

	}

	/**
	 * A piece of text.
	 * @param text the text
	 */
	record Text(String text) {
	}

	/**
	 * The end of an answer.
	 * @param usage the tokens it cost
	 */
	record Done(AnswerView.@Nullable TokenUsage usage) {
	}

	/**
	 * A failed answer.
	 * @param message what went wrong
	 * @param code the knowledge base's error code, if any
	 * @param requestId the request id, to quote to support
	 */
	record Failure(String message, @Nullable String code, @Nullable String requestId) {
	}

}
