package dev.arkchat.bot.legacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.arkchat.chat.ChatOptions;
import org.jspecify.annotations.Nullable;

/**
 * The {@code parameters} object of a v2 bot chat request. Absent values are not sent, so the bot's own settings apply.
 * {@link #validate()} checks the documented ranges before anything is sent.
 * @param maxNewTokens the most new tokens to generate, at least 1
 * @param temperature sampling temperature, in (0, 1] (0 is not allowed on this API)
 * @param topP nucleus sampling, in [0, 1]
 * @param topK sample only from the k most likely tokens, at least 0
 * @param repetitionPenalty penalty for repeating earlier output
 * @param logprobs how many most likely candidates to return per token (an integer on this API, not a flag), at
 * least 0
 * @param logitBias token id to bias, each in [-100, 100]
 */
public record LegacyBotParameters(@Nullable Integer maxNewTokens, @Nullable Double temperature, @Nullable Double topP,
		@Nullable Integer topK, @Nullable Double repetitionPenalty, @Nullable Integer logprobs,
		@Nullable Map<String, Double> logitBias) {

	/** No parameters: the bot's settings. */
	public static final LegacyBotParameters DEFAULTS = new LegacyBotParameters(null, null, null, null, null, null,
			null);

	/**
	 * Creates parameters; the logit bias map is copied.
	 * @param maxNewTokens the most new tokens
	 * @param temperature the temperature
	 * @param topP the nucleus
	 * @param topK the top k
	 * @param repetitionPenalty the repetition penalty
	 * @param logprobs how many candidates per token
	 * @param logitBias the biases
	 */
	public LegacyBotParameters {
		logitBias = (logitBias != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(logitBias)) : null;
	}

	/**
	 * Whether no parameter is set, so that the object is left out of the request.
	 * @return {@code true} when every value is absent
	 */
	@JsonIgnore
	public boolean isEmpty() {
		return this.equals(DEFAULTS);
	}

	/**
	 * Checks every documented range.
	 * @throws IllegalArgumentException naming the field, the value and the allowed range
	 */
	public void validate() {
		atLeast("parameters.max_new_tokens", this.maxNewTokens, 1);
		if (this.temperature != null
				&& (Double.isNaN(this.temperature) || this.temperature <= 0.0 || this.temperature > 1.0)) {
			throw new IllegalArgumentException(
					"parameters.temperature must be in (0, 1] but was " + this.temperature);
		}
		ChatOptions.range("parameters.top_p", this.topP, 0.0, 1.0);
		atLeast("parameters.top_k", this.topK, 0);
		if (this.repetitionPenalty != null && !Double.isFinite(this.repetitionPenalty)) {
			throw new IllegalArgumentException(
					"parameters.repetition_penalty must be a finite number but was " + this.repetitionPenalty);
		}
		atLeast("parameters.logprobs", this.logprobs, 0);
		if (this.logitBias != null) {
			for (Map.Entry<String, Double> bias : this.logitBias.entrySet()) {
				ChatOptions.range("parameters.logit_bias[" + bias.getKey() + "]", bias.getValue(), -100, 100);
			}
		}
	}

	private static void atLeast(String field, @Nullable Integer value, int min) {
		if (value != null && value < min) {
			throw new IllegalArgumentException(field + " must be at least " + min + " but was " + value);
		}
	}

}
