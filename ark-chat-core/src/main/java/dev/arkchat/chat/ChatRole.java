package dev.arkchat.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who wrote a message. */
public enum ChatRole {

	/** Instructions for the model. */
	SYSTEM("system"),

	/** The person talking to the bot. */
	USER("user"),

	/** The model's answer. */
	ASSISTANT("assistant"),

	/** The result of a tool call, answering the assistant's {@code tool_calls}. */
	TOOL("tool");

	private final String value;

	ChatRole(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return {@code system}, {@code user}, {@code assistant} or {@code tool}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Reads a wire value.
	 * @param value the value, in any case
	 * @return the role
	 * @throws IllegalArgumentException for an unknown role, naming the allowed ones
	 */
	@JsonCreator
	public static ChatRole of(String value) {
		for (ChatRole role : values()) {
			if (role.value.equalsIgnoreCase(value)) {
				return role;
			}
		}
		throw new IllegalArgumentException(
				"role must be one of system, user, assistant, tool but was '" + value + "'");
	}

}
