package dev.arkchat.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * One or more {@code ark.chat.*} values are out of their range. Lists every bad value as Boot's own binding report
 * does, {@code Property / Value / Reason}, so that one failed start shows all of them;
 * {@link ArkChatConfigurationFailureAnalyzer} adds where each was set ({@code Origin}). The values are ark-chat's
 * settings (numbers, durations, names), never its secrets, which are not range-checked.
 */
final class InvalidArkChatPropertiesException extends ArkChatConfigurationException {

	private static final long serialVersionUID = 1L;

	private final List<ArkChatPropertiesValidator.Violation> violations;

	/**
	 * Creates the exception.
	 * @param violations the bad values, at least one
	 */
	InvalidArkChatPropertiesException(List<ArkChatPropertiesValidator.Violation> violations) {
		super(violations.get(0).property(), describe(violations, null),
				"Update your application's configuration: give each property above a value its reason allows.");
		this.violations = List.copyOf(violations);
	}

	/**
	 * The description, with the origin of each value when the environment is known.
	 * @param environment where the values were set, or {@code null}
	 * @return the description
	 */
	@Override
	String describe(@Nullable Environment environment) {
		return describe(this.violations, environment);
	}

	private static String describe(List<ArkChatPropertiesValidator.Violation> violations,
			@Nullable Environment environment) {
		StringBuilder description = new StringBuilder("Invalid ark-chat configuration (")
			.append(violations.size())
			.append((violations.size() == 1) ? " bad value):\n" : " bad values):\n");
		for (ArkChatPropertiesValidator.Violation violation : violations) {
			description.append("\n    Property: ").append(violation.property());
			description.append("\n    Value: \"").append(violation.value()).append('"');
			Origin origin = originOf(violation.property(), environment);
			if (origin != null) {
				description.append("\n    Origin: ").append(origin);
			}
			description.append("\n    Reason: ").append(violation.reason()).append('\n');
		}
		return description.toString();
	}

	private static @Nullable Origin originOf(String property, @Nullable Environment environment) {
		if (environment == null || !ConfigurationPropertyName.isValid(property)) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty configured = source.getConfigurationProperty(name);
			if (configured != null) {
				return configured.getOrigin();
			}
		}
		return null;
	}

}
