package dev.arkchat.context;

import org.jspecify.annotations.Nullable;

/**
 * How a session context trims its history when it grows ({@code truncation_strategy}); session mode only.
 * @param type {@code last_history_tokens} (keep the newest tokens) or {@code rolling_tokens} (drop the oldest turns)
 * @param lastHistoryTokens with {@code last_history_tokens}: how many of the newest tokens to keep (server default
 * 4096); positive
 * @param rollingTokens with {@code rolling_tokens}: whether to roll (server default {@code true})
 * @param maxWindowTokens a field one SDK sends; passed through as given, positive
 * @param rollingWindowTokens a field one SDK sends; passed through as given, positive
 */
public record TruncationStrategy(String type, @Nullable Integer lastHistoryTokens, @Nullable Boolean rollingTokens,
		@Nullable Integer maxWindowTokens, @Nullable Integer rollingWindowTokens) {

	/** The type that keeps the newest tokens of the history. */
	public static final String LAST_HISTORY_TOKENS = "last_history_tokens";

	/** The type that drops the oldest turns once the history is too long. */
	public static final String ROLLING_TOKENS = "rolling_tokens";

	/**
	 * Keeps the newest tokens of the history.
	 * @param tokens how many tokens to keep
	 * @return the strategy
	 */
	public static TruncationStrategy ofLastHistoryTokens(int tokens) {
		return new TruncationStrategy(LAST_HISTORY_TOKENS, tokens, null, null, null);
	}

	/**
	 * Drops the oldest turns once the history is too long.
	 * @return the strategy
	 */
	public static TruncationStrategy ofRollingTokens() {
		return new TruncationStrategy(ROLLING_TOKENS, null, true, null, null);
	}

	/**
	 * Checks the documented rules.
	 * @throws IllegalArgumentException naming the field, the value and what is allowed
	 */
	void validate() {
		if (!LAST_HISTORY_TOKENS.equals(this.type) && !ROLLING_TOKENS.equals(this.type)) {
			throw new IllegalArgumentException("truncation_strategy.type must be one of " + LAST_HISTORY_TOKENS + ", "
					+ ROLLING_TOKENS + " but was '" + this.type + "'");
		}
		positive("truncation_strategy.last_history_tokens", this.lastHistoryTokens);
		positive("truncation_strategy.max_window_tokens", this.maxWindowTokens);
		positive("truncation_strategy.rolling_window_tokens", this.rollingWindowTokens);
	}

	private static void positive(String field, @Nullable Integer value) {
		if (value != null && value < 1) {
			throw new IllegalArgumentException(field + " must be at least 1 but was " + value);
		}
	}

}
