package dev.arkchat.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link ArkChatConfigurationException} into Boot's startup failure report: what is wrong, naming the
 * {@code ark.chat.*} property, and how to set it. Registered in {@code META-INF/spring.factories}.
 */
public class ArkChatConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ArkChatConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ArkChatConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
