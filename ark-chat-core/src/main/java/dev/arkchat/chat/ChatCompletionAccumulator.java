package dev.arkchat.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Merges the choices of streamed chunks into the choices of one completion: text and reasoning concatenated, tool-call
 * fragments joined per index, the finish reason and log probabilities kept. Copes with the three ways servers send
 * tool calls: fragments keyed by {@code index} with the id once, fragments that repeat the id every time, and whole
 * calls in one chunk (with or without an index); {@code null} arguments are skipped. Not thread-safe: one per stream.
 */
public final class ChatCompletionAccumulator {

	private final Map<Integer, ChoiceBuilder> choices = new TreeMap<>();

	private @Nullable String id;

	private @Nullable Long created;

	private @Nullable String model;

	private @Nullable Usage usage;

	private boolean empty = true;

	/**
	 * Adds a whole chunk: its id, creation time, model and usage (the latest non-null values win) and its choices.
	 * @param chunk the chunk
	 */
	public void add(ChatChunkView chunk) {
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
		add(chunk.choices());
	}

	/**
	 * Whether no chunk was added yet.
	 * @return {@code true} before the first {@link #add(ChatChunkView)}
	 */
	public boolean isEmpty() {
		return this.empty;
	}

	/**
	 * The answer's id, from the chunks added so far.
	 * @return the id, or {@code null}
	 */
	public @Nullable String id() {
		return this.id;
	}

	/**
	 * The creation time, from the chunks added so far.
	 * @return the time, or {@code null}
	 */
	public @Nullable Long created() {
		return this.created;
	}

	/**
	 * The model, from the chunks added so far.
	 * @return the model, or {@code null}
	 */
	public @Nullable String model() {
		return this.model;
	}

	/**
	 * The latest usage of the chunks added so far.
	 * @return the usage, or {@code null}
	 */
	public @Nullable Usage usage() {
		return this.usage;
	}

	/**
	 * Adds the choices of one chunk.
	 * @param chunkChoices the chunk's choices (may be empty, as on a usage-only chunk)
	 */
	public void add(@Nullable List<ChunkChoice> chunkChoices) {
		if (chunkChoices == null) {
			return;
		}
		for (ChunkChoice choice : chunkChoices) {
			this.choices.computeIfAbsent(choice.index(), ChoiceBuilder::new).add(choice);
		}
	}

	/**
	 * The merged choices so far, by index.
	 * @return the choices
	 */
	public List<ChatChoice> choices() {
		List<ChatChoice> result = new ArrayList<>(this.choices.size());
		for (ChoiceBuilder builder : this.choices.values()) {
			result.add(builder.build());
		}
		return result;
	}

	private static final class ChoiceBuilder {

		private final int index;

		private @Nullable ChatRole role;

		private @Nullable StringBuilder content;

		private @Nullable StringBuilder reasoning;

		private @Nullable FinishReason finishReason;

		private @Nullable List<Logprobs.TokenLogprob> logprobs;

		private final List<ToolCallBuilder> toolCalls = new ArrayList<>(0);

		ChoiceBuilder(int index) {
			this.index = index;
		}

		void add(ChunkChoice choice) {
			ChatDelta delta = choice.delta();
			if (delta != null) {
				if (delta.role() != null) {
					this.role = delta.role();
				}
				if (delta.content() != null) {
					this.content = append(this.content, delta.content());
				}
				if (delta.reasoningContent() != null) {
					this.reasoning = append(this.reasoning, delta.reasoningContent());
				}
				if (delta.toolCalls() != null) {
					for (ToolCall fragment : delta.toolCalls()) {
						merge(fragment);
					}
				}
			}
			if (choice.finishReason() != null) {
				this.finishReason = choice.finishReason();
			}
			if (choice.logprobs() != null && choice.logprobs().content() != null) {
				if (this.logprobs == null) {
					this.logprobs = new ArrayList<>();
				}
				this.logprobs.addAll(choice.logprobs().content());
			}
		}

		private static StringBuilder append(@Nullable StringBuilder sb, String text) {
			return (sb != null) ? sb.append(text) : new StringBuilder(text);
		}

		private void merge(ToolCall fragment) {
			ToolCallBuilder target = null;
			if (fragment.index() != null) {
				for (ToolCallBuilder call : this.toolCalls) {
					if (fragment.index().equals(call.index)) {
						target = call;
						break;
					}
				}
			}
			else if (fragment.id() != null) {
				for (ToolCallBuilder call : this.toolCalls) {
					if (fragment.id().equals(call.id)) {
						target = call;
						break;
					}
				}
			}
			else if (!this.toolCalls.isEmpty()) {
				// a continuation fragment without index or id belongs to the call being streamed
				target = this.toolCalls.get(this.toolCalls.size() - 1);
			}
			if (target == null) {
				target = new ToolCallBuilder(fragment.index());
				this.toolCalls.add(target);
			}
			target.merge(fragment);
		}

		ChatChoice build() {
			List<ToolCall> calls = null;
			if (!this.toolCalls.isEmpty()) {
				calls = new ArrayList<>(this.toolCalls.size());
				for (ToolCallBuilder call : this.toolCalls) {
					calls.add(call.build());
				}
			}
			ChatMessage message = ChatMessage.of((this.role != null) ? this.role : ChatRole.ASSISTANT,
					(this.content != null) ? this.content.toString() : null,
					(this.reasoning != null) ? this.reasoning.toString() : null, calls);
			return new ChatChoice(this.index, message, this.finishReason,
					(this.logprobs != null) ? new Logprobs(List.copyOf(this.logprobs)) : null);
		}

	}

	private static final class ToolCallBuilder {

		private final @Nullable Integer index;

		private @Nullable String id;

		private @Nullable String type;

		private @Nullable String name;

		private @Nullable StringBuilder arguments;

		ToolCallBuilder(@Nullable Integer index) {
			this.index = index;
		}

		void merge(ToolCall fragment) {
			if (this.id == null && fragment.id() != null && !fragment.id().isEmpty()) {
				this.id = fragment.id();
			}
			if (this.type == null && fragment.type() != null) {
				this.type = fragment.type();
			}
			FunctionCall function = fragment.function();
			if (function != null) {
				if (this.name == null && function.name() != null && !function.name().isEmpty()) {
					this.name = function.name();
				}
				if (function.arguments() != null) {
					this.arguments = (this.arguments != null) ? this.arguments.append(function.arguments())
							: new StringBuilder(function.arguments());
				}
			}
		}

		ToolCall build() {
			return new ToolCall(this.index, this.id, (this.type != null) ? this.type : "function",
					new FunctionCall(this.name, (this.arguments != null) ? this.arguments.toString() : null));
		}

	}

}
