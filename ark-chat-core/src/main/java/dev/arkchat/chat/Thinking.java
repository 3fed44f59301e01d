package dev.arkchat.chat;

/**
 * Whether a reasoning model thinks before answering (its thoughts arrive as {@code reasoning_content}).
 * @param type {@code enabled}, {@code disabled} or {@code auto}
 */
public record Thinking(String type) {

	/** Always think. */
	public static final Thinking ENABLED = new Thinking("enabled");

	/** Never think. */
	public static final Thinking DISABLED = new Thinking("disabled");

	/** Let the model decide. */
	public static final Thinking AUTO = new Thinking("auto");

	/**
	 * Creates a thinking setting, checking its type.
	 * @param type {@code enabled}, {@code disabled} or {@code auto}
	 * @throws IllegalArgumentException for any other type
	 */
	public Thinking {
		if (!"enabled".equals(type) && !"disabled".equals(type) && !"auto".equals(type)) {
			throw new IllegalArgumentException(
					"thinking.type must be one of enabled, disabled, auto but was '" + type + "'");
		}
	}

}
