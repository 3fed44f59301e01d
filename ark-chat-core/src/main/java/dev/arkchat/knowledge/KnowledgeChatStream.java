package dev.arkchat.knowledge;

import dev.arkchat.ChatStream;
import org.jspecify.annotations.Nullable;

/**
 * A streamed knowledge chat answer: iterate the pieces as they arrive, then take the merged {@link #completion()}. The
 * stream ends at the event with {@code "end": true} or at {@code data: [DONE]}; one cut off before either fails with
 * {@link dev.arkchat.ArkStreamException}. Close it (or use try-with-resources) to abort early.
 */
public final class KnowledgeChatStream extends ChatStream<KnowledgeChatChunk> {

	private final KnowledgeChatMerger merger;

	KnowledgeChatStream(Source<KnowledgeChatChunk> source) {
		this(source, new KnowledgeChatMerger());
	}

	private KnowledgeChatStream(Source<KnowledgeChatChunk> source, KnowledgeChatMerger merger) {
		super(source, merger);
		this.merger = merger;
	}

	/**
	 * The whole answer: text, reasoning and usage. Reads what is left of the stream first.
	 * @return the merged answer
	 * @throws dev.arkchat.ArkStreamException when the stream fails or was cut off
	 */
	public KnowledgeChatCompletion completion() {
		drain();
		return this.merger.completion();
	}

	@Override
	protected @Nullable Object partial() {
		return this.merger.isEmpty() ? null : this.merger.completion();
	}

}
