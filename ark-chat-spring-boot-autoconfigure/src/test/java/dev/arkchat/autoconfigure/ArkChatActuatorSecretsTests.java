package dev.arkchat.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator's {@code /env} and {@code /configprops} never show ark-chat's secrets, even when the application asks
 * them to show values: given as properties or as environment variables.
 */
class ArkChatActuatorSecretsTests {

	private static final String API_KEY = "ak-3f9c1e7b-api-key-value";

	private static final String SECRET_KEY = "TnpCak5XWXpZV1U0-secret";

	private static final String SESSION_TOKEN = "STS-session-token-value";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ArkChatSanitizingAutoConfiguration.class))
		.withUserConfiguration(PropertiesOnly.class)
		.withPropertyValues("ark.chat.api-key=" + API_KEY,
				"ark.chat.secret-key=" + SECRET_KEY, "ark.chat.session-token=" + SESSION_TOKEN,
				"ark.chat.access-key=AKLT-access-key-id", "ark.chat.bot.id=bot-visible");

	@Test
	void envAndConfigpropsMaskTheSecrets() {
		this.runner
			.withInitializer((context) -> context.getEnvironment().getPropertySources()
				.addFirst(new MapPropertySource("systemEnvironmentLike",
						Map.of("ARK_CHAT_SECRET_KEY", SECRET_KEY, "ARK_CHAT_API_KEY", API_KEY))))
			.run((context) -> {
				JsonMapper mapper = JsonMapper.builder().build();
				// the endpoints as actuator builds them, showing values (the most an application can ask for)
				var sanitizers = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
				EnvironmentEndpoint envEndpoint = new EnvironmentEndpoint(context.getEnvironment(), sanitizers,
						Show.ALWAYS);
				ConfigurationPropertiesReportEndpoint configpropsEndpoint = new ConfigurationPropertiesReportEndpoint(
						sanitizers, Show.ALWAYS);
				configpropsEndpoint.setApplicationContext(context);
				String env = mapper.writeValueAsString(envEndpoint.environment(null));
				String configprops = mapper.writeValueAsString(configpropsEndpoint.configurationProperties());
				for (String shown : new String[] { env, configprops }) {
					assertThat(shown).doesNotContain(API_KEY).doesNotContain(SECRET_KEY).doesNotContain(SESSION_TOKEN)
						.doesNotContain("AKLT-access-key-id")
						.contains("bot-visible");
				}
				assertThat(env).contains("ark.chat.api-key").contains("ARK_CHAT_SECRET_KEY").contains("******");
				assertThat(configprops).contains("apiKey").contains("******");
			});
	}

	@org.springframework.boot.context.properties.EnableConfigurationProperties(ArkChatProperties.class)
	static class PropertiesOnly {

	}

}
