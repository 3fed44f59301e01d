package dev.arkchat.bot.legacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.arkchat.ChatStream;
import dev.arkchat.bot.BotUsage;
import dev.arkchat.bot.Reference;
import dev.arkchat.chat.FinishReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A streamed v2 bot answer: iterate the chunks as they arrive, then take the merged {@link #completion()}. Close it
 * (or use try-with-resources) to abort early. An {@code error} chunk raises {@link dev.arkchat.ArkStreamException}.
 */
public final class LegacyBotChatStream extends ChatStream<LegacyBotChatResponse> {

	private final Merger merger;

	LegacyBotChatStream(Source<LegacyBotChatResponse> source) {
		this(source, new Merger());
	}

	private LegacyBotChatStream(Source<LegacyBotChatResponse> source, Merger merger) {
		super(source, merger);
		this.merger = merger;
	}

	/**
	 * The whole answer: the text joined, references, log probabilities, the last finish reason and the usage. Reads
	 * what is left of the stream first.
	 * @return the merged answer
	 * @throws dev.arkchat.ArkStreamException when the stream fails or was cut off
	 */
	public LegacyBotChatResponse completion() {
		drain();
		return this.merger.completion();
	}

	@Override
	protected @Nullable Object partial() {
		return this.merger.isEmpty() ? null : this.merger.completion();
	}

	/** Merges the first choice of each chunk as they pass. */
	static final class Merger implements Consumer<LegacyBotChatResponse> {

		private final StringBuilder content = new StringBuilder();

		private final Set<Reference> references = new LinkedHashSet<>();

		private final List<Double> tokenLogprobs = new ArrayList<>();

		private final List<String> tokens = new ArrayList<>();

		private final List<JsonNode> topLogprobs = new ArrayList<>();

		private boolean hasLogprobs;

		private @Nullable String reqId;

		private @Nullable String role;

		private @Nullable FinishReason finishReason;

		private @Nullable BotUsage usage;

		private boolean empty = true;

		@Override
		public void accept(LegacyBotChatResponse chunk) {
			this.empty = false;
			if (this.reqId == null) {
				this.reqId = chunk.reqId();
			}
			if (chunk.usage() != null) {
				this.usage = chunk.usage();
			}
			if (chunk.choices().isEmpty()) {
				return;
			}
			LegacyBotChatResponse.Choice choice = chunk.choices().get(0);
			LegacyBotChatResponse.Message message = choice.message();
			if (message != null) {
				if (this.role == null && message.role() != null && !message.role().isEmpty()) {
					this.role = message.role();
				}
				if (message.content() != null) {
					this.content.append(message.content());
				}
				if (message.references() != null) {
					this.references.addAll(message.references());
				}
			}
			if (choice.finishReason() != null) {
				this.finishReason = choice.finishReason();
			}
			LegacyBotChatResponse.Logprobs logprobs = choice.logprobs();
			if (logprobs != null) {
				this.hasLogprobs = true;
				addAll(this.tokenLogprobs, logprobs.tokenLogprobs());
				addAll(this.tokens, logprobs.tokens());
				addAll(this.topLogprobs, logprobs.topLogprobs());
			}
		}

		private static <T> void addAll(List<T> to, @Nullable List<T> from) {
			if (from != null) {
				to.addAll(from);
			}
		}

		private static <T> List<T> copy(List<T> list) {
			return Collections.unmodifiableList(new ArrayList<>(list));
		}

		boolean isEmpty() {
			return this.empty;
		}

		LegacyBotChatResponse completion() {
			LegacyBotChatResponse.Message message = new LegacyBotChatResponse.Message(
					(this.role != null) ? this.role : "assistant", this.content.toString(),
					this.references.isEmpty() ? null : new ArrayList<>(this.references));
			LegacyBotChatResponse.Logprobs logprobs = this.hasLogprobs ? new LegacyBotChatResponse.Logprobs(
					copy(this.tokenLogprobs), copy(this.tokens), copy(this.topLogprobs)) : null;
			return new LegacyBotChatResponse(this.reqId,
					List.of(new LegacyBotChatResponse.Choice(message, this.finishReason, logprobs)), this.usage, null);
		}

	}

}
