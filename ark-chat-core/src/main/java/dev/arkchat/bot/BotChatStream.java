package dev.arkchat.bot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.arkchat.ChatStream;
import dev.arkchat.chat.ChatCompletionAccumulator;
import org.jspecify.annotations.Nullable;

/**
 * A streamed bot answer: iterate the chunks as they arrive, then take the merged {@link #completion()}. Close it (or
 * use try-with-resources) to abort early.
 */
public final class BotChatStream extends ChatStream<BotChatChunk> {

	private final Merger merger;

	BotChatStream(Source<BotChatChunk> source) {
		this(source, new Merger());
	}

	private BotChatStream(Source<BotChatChunk> source, Merger merger) {
		super(source, merger);
		this.merger = merger;
	}

	/**
	 * The whole answer: content, reasoning, tool calls joined per index, usage and references. Reads what is left of
	 * the stream first.
	 * @return the merged completion
	 * @throws dev.arkchat.ArkStreamException when the stream fails or was cut off
	 */
	public BotChatCompletion completion() {
		drain();
		return this.merger.completion();
	}

	@Override
	protected @Nullable Object partial() {
		return this.merger.isEmpty() ? null : this.merger.completion();
	}

	/** Merges chunks into a completion as they pass. */
	static final class Merger implements java.util.function.Consumer<BotChatChunk> {

		private final ChatCompletionAccumulator merged = new ChatCompletionAccumulator();

		private final Set<Reference> references = new LinkedHashSet<>();

		private @Nullable BotUsage botUsage;

		private @Nullable BotMetadata metadata;

		@Override
		public void accept(BotChatChunk chunk) {
			if (chunk.botUsage() != null) {
				this.botUsage = chunk.botUsage();
			}
			if (chunk.metadata() != null) {
				this.metadata = chunk.metadata();
			}
			if (chunk.references() != null) {
				this.references.addAll(chunk.references());
			}
			this.merged.add(chunk);
		}

		boolean isEmpty() {
			return this.merged.isEmpty();
		}

		BotChatCompletion completion() {
			List<Reference> refs = this.references.isEmpty() ? null : new ArrayList<>(this.references);
			return new BotChatCompletion(this.merged.id(), "chat.completion", this.merged.created(),
					this.merged.model(), this.merged.choices(), this.merged.usage(), this.botUsage, refs, this.metadata);
		}

	}

}
