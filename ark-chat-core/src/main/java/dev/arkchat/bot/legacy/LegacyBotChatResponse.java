package dev.arkchat.bot.legacy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.arkchat.bot.BotUsage;
import dev.arkchat.bot.Reference;
import dev.arkchat.chat.FinishReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A v2 bot answer: the whole answer of a blocking call, one chunk of a stream (its content a piece of the text), or
 * the merged chunks of a stream ({@link LegacyBotChatStream#completion()}). The wire has the same shape for all three.
 * @param reqId the request id
 * @param choices the answers; one on this API
 * @param usage tokens per model endpoint and plugin use; on the last chunk only when streaming
 * @param error an error the server reported; absent or empty on success (the client raises non-empty ones)
 */
public record LegacyBotChatResponse(@Nullable String reqId, List<Choice> choices, @Nullable BotUsage usage,
		@Nullable LegacyBotError error) {

	/**
	 * Creates a response; {@code choices} may be absent on the wire and is then empty.
	 * @param reqId the request id
	 * @param choices the choices
	 * @param usage the usage
	 * @param error the error
	 */
	public LegacyBotChatResponse {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/**
	 * The text of the first answer (of a chunk: its new piece).
	 * @return the text, empty when there is none
	 */
	public String content() {
		Message message = message();
		return (message != null && message.content() != null) ? message.content() : "";
	}

	/**
	 * Why the first answer ended.
	 * @return the reason, or {@code null} (on a chunk: until the last one)
	 */
	public @Nullable FinishReason finishReason() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
	}

	/**
	 * The sources the first answer used (web pages, knowledge-base chunks).
	 * @return the references, empty when none
	 */
	public List<Reference> references() {
		Message message = message();
		return (message != null && message.references() != null) ? message.references() : List.of();
	}

	/**
	 * Whether the server reported an error in this answer or chunk.
	 * @return {@code true} when {@link #error()} is set and not empty
	 */
	public boolean hasError() {
		return this.error != null && !this.error.isEmpty();
	}

	private @Nullable Message message() {
		return this.choices.isEmpty() ? null : this.choices.get(0).message();
	}

	/**
	 * One answer.
	 * @param message the bot's message (also read from {@code delta}, should a server send it so in a stream)
	 * @param finishReason why it ended
	 * @param logprobs the log probabilities, when {@code parameters.logprobs} asked for them
	 */
	public record Choice(@JsonAlias("delta") @Nullable Message message, @Nullable FinishReason finishReason,
			@Nullable Logprobs logprobs) {
	}

	/**
	 * The bot's message.
	 * @param role {@code assistant}
	 * @param content the text (of a chunk: its new piece)
	 * @param references the sources it used
	 */
	public record Message(@Nullable String role, @Nullable String content, @Nullable List<Reference> references) {
	}

	/**
	 * Log probabilities of the chosen tokens and their most likely candidates.
	 * @param tokenLogprobs the log probability of each chosen token
	 * @param tokens the chosen tokens
	 * @param topLogprobs per token, the candidates with their log probabilities (usually an object from token to
	 * log probability; it includes the chosen token)
	 */
	public record Logprobs(@Nullable List<Double> tokenLogprobs, @Nullable List<String> tokens,
			@Nullable List<JsonNode> topLogprobs) {
	}

}
