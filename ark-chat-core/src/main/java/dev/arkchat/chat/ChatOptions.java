package dev.arkchat.chat;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The sampling and output parameters shared by Ark's chat endpoints (bot chat, context chat). Absent values are not
 * sent, so the server's defaults apply. {@link #validate()} checks the documented ranges before anything is sent.
 * @param maxTokens the most tokens to generate, in [0, 4096]
 * @param stop up to 4 stop strings (the stop text is not output)
 * @param frequencyPenalty in [-2.0, 2.0]
 * @param presencePenalty in [-2.0, 2.0]
 * @param temperature in [0, 1]; 0 is greedy
 * @param topP nucleus sampling, in [0, 1]
 * @param logprobs whether to return log probabilities
 * @param topLogprobs how many likely tokens to return per position, in [0, 20]; only with {@code logprobs}
 * @param logitBias token id to bias, each in [-100, 100]
 * @param tools functions the model may call
 * @param thinking whether a reasoning model thinks first
 * @param streamOptions options of a streamed call
 */
public record ChatOptions(@Nullable Integer maxTokens, @Nullable List<String> stop, @Nullable Double frequencyPenalty,
		@Nullable Double presencePenalty, @Nullable Double temperature, @Nullable Double topP,
		@Nullable Boolean logprobs, @Nullable Integer topLogprobs, @Nullable Map<String, Integer> logitBias,
		@Nullable List<Tool> tools, @Nullable Thinking thinking, @Nullable StreamOptions streamOptions) {

	/** No options: the server's defaults. */
	public static final ChatOptions DEFAULTS = new ChatOptions(null, null, null, null, null, null, null, null, null,
			null, null, null);

	/**
	 * Checks every documented range and rule.
	 * @throws IllegalArgumentException naming the field, the value and the allowed range
	 */
	public void validate() {
		range("max_tokens", this.maxTokens, 0, 4096);
		if (this.stop != null && this.stop.size() > 4) {
			throw new IllegalArgumentException(
					"stop allows at most 4 strings but has " + this.stop.size() + ": " + this.stop);
		}
		range("frequency_penalty", this.frequencyPenalty, -2.0, 2.0);
		range("presence_penalty", this.presencePenalty, -2.0, 2.0);
		range("temperature", this.temperature, 0.0, 1.0);
		range("top_p", this.topP, 0.0, 1.0);
		range("top_logprobs", this.topLogprobs, 0, 20);
		if (this.topLogprobs != null && this.topLogprobs > 0 && !Boolean.TRUE.equals(this.logprobs)) {
			throw new IllegalArgumentException("top_logprobs (" + this.topLogprobs
					+ ") is only allowed with logprobs set to true, but logprobs was " + this.logprobs);
		}
		if (this.logitBias != null) {
			for (Map.Entry<String, Integer> bias : this.logitBias.entrySet()) {
				range("logit_bias[" + bias.getKey() + "]", bias.getValue(), -100, 100);
			}
		}
	}

	/**
	 * Checks that a number lies within an inclusive range.
	 * @param field the wire name of the field
	 * @param value the value, or {@code null} when not set
	 * @param min the smallest allowed value
	 * @param max the largest allowed value
	 * @throws IllegalArgumentException naming the field, value and range
	 */
	public static void range(String field, @Nullable Number value, double min, double max) {
		if (value == null) {
			return;
		}
		double v = value.doubleValue();
		if (Double.isNaN(v) || v < min || v > max) {
			throw new IllegalArgumentException(field + " must be in [" + format(min) + ", " + format(max)
					+ "] but was " + value);
		}
	}

	private static String format(double d) {
		return (d == Math.rint(d) && Math.abs(d) < 1e9) ? Long.toString((long) d) : Double.toString(d);
	}

}
