package dev.arkchat.bot;

import java.util.List;

import dev.arkchat.chat.ChatChoice;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.ToolCall;
import dev.arkchat.chat.Usage;
import org.jspecify.annotations.Nullable;

/**
 * A bot's whole answer: the answer of a blocking call, or the merged chunks of a stream.
 * @param id the answer's id (also the server's request id)
 * @param object {@code chat.completion}
 * @param created when it was created, in epoch seconds
 * @param model the model that answered, with its version
 * @param choices the answers (one, usually)
 * @param usage token counts, when the server sends them in OpenAI's form
 * @param botUsage token counts per model endpoint and plugin use
 * @param references the sources the answer used (web pages, knowledge-base chunks)
 * @param metadata the request's metadata, echoed back
 */
public record BotChatCompletion(@Nullable String id, @Nullable String object, @Nullable Long created,
		@Nullable String model, List<ChatChoice> choices, @Nullable Usage usage, @Nullable BotUsage botUsage,
		@Nullable List<Reference> references, @Nullable BotMetadata metadata) {

	/**
	 * Creates a completion; {@code choices} may be absent on the wire and is then empty.
	 * @param id the id
	 * @param object the object type
	 * @param created the creation time
	 * @param model the model
	 * @param choices the choices
	 * @param usage the usage
	 * @param botUsage the bot usage
	 * @param references the references
	 * @param metadata the metadata
	 */
	public BotChatCompletion {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * The text of the first answer.
	 * @return the text, empty when there is none (for example when the model only asked for tool calls)
	 */
	public String content() {
		if (this.choices.isEmpty()) {
			return "";
		}
		String content = this.choices.get(0).message().content();
		return (content != null) ? content : "";
	}

	/**
	 * The reasoning of the first answer (reasoning models).
	 * @return the reasoning, or {@code null}
	 */
	public @Nullable String reasoningContent() {
		return this.choices.isEmpty() ? null : this.choices.get(0).message().reasoningContent();
	}

	/**
	 * The tool calls of the first answer.
	 * @return the calls, empty when none
	 */
	public List<ToolCall> toolCalls() {
		if (this.choices.isEmpty() || this.choices.get(0).message().toolCalls() == null) {
			return List.of();
		}
		return this.choices.get(0).message().toolCalls();
	}

	/**
	 * Why the first answer ended.
	 * @return the reason, or {@code null}
	 */
	public @Nullable FinishReason finishReason() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
	}

	/**
	 * The references, never {@code null}.
	 * @return the references, empty when none
	 */
	public List<Reference> referencesOrEmpty() {
		return (this.references != null) ? this.references : List.of();
	}

}
