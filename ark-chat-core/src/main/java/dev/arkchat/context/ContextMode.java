package dev.arkchat.context;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a context caches ({@code mode}): {@link #SESSION} keeps the growing conversation on the server,
 * {@link #COMMON_PREFIX} caches a prefix shared by many requests. A value the server sends that this version does not
 * know is kept as data; a request may only use the two known ones.
 * @param value the wire value
 */
public record ContextMode(@JsonValue String value) {

	/** The server keeps the conversation: send only the newest turn. The server's default. */
	public static final ContextMode SESSION = new ContextMode("session");

	/** The server caches the initial messages as a prefix: do not resend them. */
	public static final ContextMode COMMON_PREFIX = new ContextMode("common_prefix");

	/**
	 * Reads a wire value.
	 * @param value the value
	 * @return the known constant, or a new mode for an unknown value
	 */
	@JsonCreator
	public static ContextMode of(String value) {
		return switch (value) {
			case "session" -> SESSION;
			case "common_prefix" -> COMMON_PREFIX;
			default -> new ContextMode(value);
		};
	}

	/**
	 * Whether this is one of the modes a request may ask for.
	 * @return {@code true} for {@code session} and {@code common_prefix}
	 */
	boolean isKnown() {
		return SESSION.equals(this) || COMMON_PREFIX.equals(this);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
