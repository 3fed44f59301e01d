package dev.arkchat.bot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.arkchat.ChatStream;
import dev.arkchat.chat.ChatCompletionAccumulator;
import dev.arkchat.chat.Usage;
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

		private final ChatCompletionAccumulator choices = new ChatCompletionAccumulator();

		private final Set<Reference> references = new LinkedHashSet<>();

		private @Nullable String id;

		private @Nullable Long created;

		private @Nullable String model;

		private @Nullable Usage usage;

		private @Nullable BotUsage botUsage;

		private @Nullable BotMetadata metadata;

		private boolean empty = true;

		@Override
		public void accept(BotChatChunk chunk) {
			this.empty = false;
			if (chunk.id() != null) {
				this.id = chunk.id();
			}
			if (chunk.created() != null) {
				this.created = chunk.created();
			}
			if (chunk.model() != null) {
				this.model = chunk.model();
			}
			if (chunk.usage() != null) {
				this.usage = chunk.usage();
			}
			if (chunk.botUsage() != null) {
				this.botUsage = chunk.botUsage();
			}
			if (chunk.metadata() != null) {
				this.metadata = chunk.metadata();
			}
			if (chunk.references() != null) {
				this.references.addAll(chunk.references());
			}
			this.choices.add(chunk.choices());
		}

		boolean isEmpty() {
			return this.empty;
		}

		BotChatCompletion completion() {
			List<Reference> refs = this.references.isEmpty() ? null : new ArrayList<>(this.references);
			return new BotChatCompletion(this.id, "chat.completion", this.created, this.model, this.choices.choices(),
					this.usage, this.botUsage, refs, this.metadata);
		}

	}

}
