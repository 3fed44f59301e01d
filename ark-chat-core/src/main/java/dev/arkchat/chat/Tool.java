package dev.arkchat.chat;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call. Only {@code function} tools exist.
 * @param type always {@code function}
 * @param function the function's declaration
 */
public record Tool(String type, Function function) {

	/**
	 * Declares a function tool.
	 * @param name the function's name
	 * @param description what it does, for the model
	 * @param parameters its parameters as a JSON Schema (maps, lists and scalars), or {@code null}
	 * @return the tool
	 */
	public static Tool function(String name, @Nullable String description, @Nullable Map<String, ?> parameters) {
		return new Tool("function", new Function(name, description, parameters));
	}

	/**
	 * A function declaration.
	 * @param name the function's name
	 * @param description what it does
	 * @param parameters a JSON Schema of its parameters
	 */
	public record Function(String name, @Nullable String description, @Nullable Map<String, ?> parameters) {
	}

}
