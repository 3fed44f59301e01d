package dev.arkchat.knowledge;

import java.util.function.Consumer;

import dev.arkchat.chat.Usage;
import org.jspecify.annotations.Nullable;

/** Merges the events of a knowledge chat stream into one answer as they pass. */
final class KnowledgeChatMerger implements Consumer<KnowledgeChatChunk> {

	private final StringBuilder answer = new StringBuilder();

	private @Nullable StringBuilder reasoning;

	private @Nullable Usage usage;

	private @Nullable String requestId;

	private boolean empty = true;

	@Override
	public void accept(KnowledgeChatChunk chunk) {
		this.empty = false;
		this.answer.append(chunk.generatedAnswer());
		if (chunk.reasoningContent() != null && !chunk.reasoningContent().isEmpty()) {
			this.reasoning = (this.reasoning != null) ? this.reasoning.append(chunk.reasoningContent())
					: new StringBuilder(chunk.reasoningContent());
		}
		if (chunk.usage() != null) {
			this.usage = chunk.usage();
		}
		if (chunk.requestId() != null) {
			this.requestId = chunk.requestId();
		}
	}

	boolean isEmpty() {
		return this.empty;
	}

	KnowledgeChatCompletion completion() {
		return new KnowledgeChatCompletion(this.answer.toString(),
				(this.reasoning != null) ? this.reasoning.toString() : null, this.usage, this.requestId);
	}

}
