package dev.arkchat.context;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.arkchat.ChatStream;
import dev.arkchat.chat.ChatCompletionAccumulator;
import org.jspecify.annotations.Nullable;

/**
 * A streamed context chat answer: iterate the chunks as they arrive, then take the merged {@link #completion()}.
 * Close it (or use try-with-resources) to abort early; a stream from {@link ContextSessions} also holds its
 * conversation until it is closed or finished.
 */
public final class ContextChatStream extends ChatStream<ContextChatChunk> {

	private final Merger merger;

	ContextChatStream(Source<ContextChatChunk> source) {
		this(source, new Merger());
	}

	private ContextChatStream(Source<ContextChatChunk> source, Merger merger) {
		super(source, merger);
		this.merger = merger;
	}

	/**
	 * A stream that reads another one and runs an action once when it is closed, finished or failed.
	 * @param inner the stream to read
	 * @param onClose what to do at the end, such as releasing a conversation
	 * @return the stream
	 */
	static ContextChatStream onClose(ContextChatStream inner, Runnable onClose) {
		return new ContextChatStream(new ForwardingSource(inner, onClose));
	}

	/**
	 * The whole answer: content and reasoning joined, the finish reason and the usage. Reads what is left of the
	 * stream first.
	 * @return the merged completion
	 * @throws dev.arkchat.ArkStreamException when the stream fails or was cut off
	 */
	public ContextChatCompletion completion() {
		drain();
		return this.merger.completion();
	}

	@Override
	protected @Nullable Object partial() {
		return this.merger.isEmpty() ? null : this.merger.completion();
	}

	/** Merges chunks into a completion as they pass. */
	private static final class Merger implements Consumer<ContextChatChunk> {

		private final ChatCompletionAccumulator merged = new ChatCompletionAccumulator();

		@Override
		public void accept(ContextChatChunk chunk) {
			this.merged.add(chunk);
		}

		boolean isEmpty() {
			return this.merged.isEmpty();
		}

		ContextChatCompletion completion() {
			return new ContextChatCompletion(this.merged.id(), "chat.completion", this.merged.created(),
					this.merged.model(), this.merged.choices(), this.merged.usage());
		}

	}

	/** Reads the chunks of another stream; closing it closes that stream, then runs the action once. */
	private static final class ForwardingSource implements Source<ContextChatChunk> {

		private final ContextChatStream inner;

		private final Runnable onClose;

		private final AtomicBoolean closed = new AtomicBoolean();

		private @Nullable Iterator<ContextChatChunk> chunks;

		ForwardingSource(ContextChatStream inner, Runnable onClose) {
			this.inner = inner;
			this.onClose = onClose;
		}

		@Override
		public @Nullable ContextChatChunk next() {
			Iterator<ContextChatChunk> it = this.chunks;
			if (it == null) {
				it = this.inner.iterator();
				this.chunks = it;
			}
			return it.hasNext() ? it.next() : null;
		}

		@Override
		public void close(boolean finished) {
			if (this.closed.compareAndSet(false, true)) {
				try {
					this.inner.close();
				}
				finally {
					this.onClose.run();
				}
			}
		}

	}

}
