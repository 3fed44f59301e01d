package dev.arkchat.knowledge;

import java.util.List;

import dev.arkchat.ChatStream;
import org.jspecify.annotations.Nullable;

/**
 * The streamed answer of {@link KnowledgeOperations#askStream(String)}: the search has already run, so its
 * {@link #citations()} are known at once; iterate the pieces of the answer as they arrive, then take the whole
 * {@link #completion()}. Ends and fails like a {@link KnowledgeChatStream}. Close it (or use try-with-resources) to
 * abort early.
 */
public final class KnowledgeAnswerStream extends ChatStream<KnowledgeChatChunk> {

	private final KnowledgeChatMerger merger;

	private final List<KnowledgeChunk> citations;

	KnowledgeAnswerStream(Source<KnowledgeChatChunk> source, List<KnowledgeChunk> citations) {
		this(source, new KnowledgeChatMerger(), citations);
	}

	private KnowledgeAnswerStream(Source<KnowledgeChatChunk> source, KnowledgeChatMerger merger,
			List<KnowledgeChunk> citations) {
		super(source, merger);
		this.merger = merger;
		this.citations = List.copyOf(citations);
	}

	/**
	 * The chunks the model was given, available before the first piece of the answer.
	 * @return the chunks, in order
	 */
	public List<KnowledgeChunk> citations() {
		return this.citations;
	}

	/**
	 * The whole answer with its citations. Reads what is left of the stream first.
	 * @return the answer
	 * @throws dev.arkchat.ArkStreamException when the stream fails or was cut off
	 */
	public KnowledgeAnswer completion() {
		drain();
		return KnowledgeAnswer.of(this.merger.completion(), this.citations);
	}

	@Override
	protected @Nullable Object partial() {
		return this.merger.isEmpty() ? null : KnowledgeAnswer.of(this.merger.completion(), this.citations);
	}

}
