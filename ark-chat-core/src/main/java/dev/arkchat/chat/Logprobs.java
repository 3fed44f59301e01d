package dev.arkchat.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Log probabilities of the output tokens, when requested with {@code logprobs}.
 * @param content one entry per output token, or {@code null}
 */
public record Logprobs(@Nullable List<TokenLogprob> content) {

	/**
	 * One output token.
	 * @param token the token
	 * @param bytes its UTF-8 bytes
	 * @param logprob its log probability
	 * @param topLogprobs the most likely tokens at this position
	 */
	public record TokenLogprob(String token, @Nullable List<Integer> bytes, double logprob,
			@Nullable List<TopLogprob> topLogprobs) {
	}

	/**
	 * A likely token at a position.
	 * @param token the token
	 * @param bytes its UTF-8 bytes
	 * @param logprob its log probability
	 */
	public record TopLogprob(String token, @Nullable List<Integer> bytes, double logprob) {
	}

}
