package dev.arkchat.samples.botchat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.bot.BotChatChunk;
import dev.arkchat.bot.BotChatCompletion;
import dev.arkchat.bot.BotChatStream;
import dev.arkchat.bot.Reference;
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
 * Forwards a bot's streamed answer to the browser as server-sent events, each as soon as Ark sends it. The loop runs
 * on Boot's task executor, so the request thread is free at once. Events, each with a JSON {@code data}:
 * <ul>
 * <li>{@code reasoning} {@code {"text": …}}: a piece of the model's reasoning;</li>
 * <li>{@code content} {@code {"text": …}}: a piece of the answer;</li>
 * <li>{@code done} {@code {"references": […], "usage": {…}}}: the end;</li>
 * <li>{@code error} {@code {"message": …, "code": …, "requestId": …}}: the answer failed; what came before is not a
 * whole answer.</li>
 * </ul>
 * Text is sent as JSON rather than raw because an SSE parser drops the first space after {@code data:}, and pieces of
 * text often start with one. When the browser goes away or the emitter times out, the Ark stream is closed, which
 * aborts its HTTP exchange: the bot stops generating tokens nobody reads.
 */
@Component
class ChatStreamRelay {

	/** How long a stream may last before the emitter times out. */
	static final Duration TIMEOUT = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(ChatStreamRelay.class);

	private final AsyncTaskExecutor executor;

	ChatStreamRelay(
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor) {
		this.executor = executor;
	}

	/**
	 * Opens a stream on the executor and relays it.
	 * @param opener opens the bot's stream (calls Ark)
	 * @return the emitter to return from the controller
	 */
	SseEmitter relay(Supplier<BotChatStream> opener) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Relay relay = new Relay(opener, emitter);
		emitter.onCompletion(relay::cancel);
		emitter.onTimeout(relay::cancel);
		emitter.onError((ex) -> relay.cancel());
		this.executor.execute(relay);
		return emitter;
	}

	/** One relayed stream. */
	private static final class Relay implements Runnable {

		private final Supplier<BotChatStream> opener;

		private final SseEmitter emitter;

		private final AtomicReference<@Nullable BotChatStream> stream = new AtomicReference<>();

		private volatile boolean cancelled;

		Relay(Supplier<BotChatStream> opener, SseEmitter emitter) {
			this.opener = opener;
			this.emitter = emitter;
		}

		/** The browser is gone or the emitter ended: stop reading from Ark. */
		void cancel() {
			this.cancelled = true;
			BotChatStream open = this.stream.get();
			if (open != null) {
				open.close();
			}
		}

		@Override
		public void run() {
			try {
				BotChatStream opened = this.opener.get();
				this.stream.set(opened);
				if (this.cancelled) {
					opened.close();
					return;
				}
				try (BotChatStream chunks = opened) {
					for (BotChatChunk chunk : chunks) {
						send("reasoning", new Text(chunk.reasoningContent()));
						send("content", new Text(chunk.content()));
					}
					BotChatCompletion whole = chunks.completion();
					send("done", new Done(whole.referencesOrEmpty(), ChatAnswer.TokenUsage.of(whole)));
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
				logger.warn("Bot stream failed: " + ex.getMessage());
				sendError(ex);
			}
		}

		private void send(String name, Text text) throws IOException {
			if (!text.text().isEmpty()) {
				send(name, (Object) text);
			}
		}

		private void send(String name, Object data) throws IOException {
			this.emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
		}

		private void sendError(RuntimeException ex) {
			String code = (ex instanceof ArkApiException api) ? api.getCode()
					: (ex instanceof ArkStreamException stream) ? stream.getCode() : null;
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
	 * @param references the sources it used
	 * @param usage the tokens it cost
	 */
	record Done(List<Reference> references, ChatAnswer.@Nullable TokenUsage usage) {
	}

	/**
	 * A failed answer.
	 * @param message what went wrong
	 * @param code Ark's error code, if any
	 * @param requestId Ark's request id, to quote to support
	 */
	record Failure(String message, @Nullable String code, @Nullable String requestId) {
	}

}
