package dev.arkchat.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * An {@code ark.chat.*} property is missing or wrong, found when the beans are created so that the application fails
 * at startup rather than at its first call. Names the property and says how to fix it;
 * {@link ArkChatConfigurationFailureAnalyzer} shows both in Boot's startup failure report. Never carries a secret.
 */
public class ArkChatConfigurationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the property to set, such as {@code ark.chat.base-url}
	 * @param description what is wrong, naming the property
	 * @param action how to fix it
	 */
	public ArkChatConfigurationException(String property, String description, String action) {
		super(description);
		this.property = property;
		this.action = action;
	}

	/**
	 * The property to set or correct.
	 * @return the property name, such as {@code ark.chat.base-url}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * How to fix the configuration.
	 * @return the advice
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * What the startup failure report says is wrong: the message, unless a subclass can say more with the
	 * application's environment (where a value was set).
	 * @param environment the application's environment, or {@code null}
	 * @return the description
	 */
	String describe(@Nullable Environment environment) {
		return getMessage();
	}

}
