package dev.arkchat.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns an {@link ArkChatConfigurationException} into Boot's startup failure report: what is wrong, naming the
 * {@code ark.chat.*} property, and how to set it; for values out of their range, also where each was set. Registered
 * in {@code META-INF/spring.factories}; Boot gives it the application's {@link Environment}.
 */
public class ArkChatConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ArkChatConfigurationException> {

	private final @Nullable Environment environment;

	/**
	 * Creates the analyzer.
	 * @param environment the application's environment, to report where a bad value was set; {@code null} without
	 */
	public ArkChatConfigurationFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	/** Creates an analyzer that reports no origins. */
	ArkChatConfigurationFailureAnalyzer() {
		this(null);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ArkChatConfigurationException cause) {
		return new FailureAnalysis(cause.describe(this.environment), cause.getAction(), cause);
	}

}
