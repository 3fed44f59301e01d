package dev.arkchat.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.arkchat.ArkRegion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs read: every {@code ark.chat.*} property is described, and enumerated values have
 * hints that match what the code accepts.
 */
class ArkChatConfigurationMetadataTests {

	private static JsonNode metadata;

	@BeforeAll
	static void readMetadata() throws Exception {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
	}

	@Test
	void everyPropertyIsDescribed() {
		List<String> undescribed = new ArrayList<>();
		int count = 0;
		for (JsonNode property : metadata.path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith("ark.chat.") || name.startsWith("management.health.ark.")) {
				count++;
				if (property.path("description").asString("").isBlank()) {
					undescribed.add(name);
				}
			}
		}
		assertThat(count).isGreaterThan(30);
		assertThat(undescribed).isEmpty();
	}

	@Test
	void theRegionHintsAreTheRegionsThereAre() {
		List<String> expected = new ArrayList<>();
		for (ArkRegion region : ArkRegion.values()) {
			expected.add(region.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		}
		assertThat(hintValues("ark.chat.region")).containsExactlyElementsOf(expected);
	}

	@Test
	void theThinkingHintsAreTheTypesTheValidatorAccepts() {
		assertThat(hintValues("ark.chat.bot.thinking")).containsExactlyElementsOf(ArkChatPropertiesValidator.THINKING_TYPES);
		assertThat(hintValues("ark.chat.knowledge.thinking"))
			.containsExactlyElementsOf(ArkChatPropertiesValidator.THINKING_TYPES);
	}

	@Test
	void theContextModeHintsAreArksModes() {
		assertThat(hintValues("ark.chat.context.mode")).containsExactly("session", "common_prefix");
	}

	@Test
	void theNewPropertiesAreThere() {
		List<String> names = new ArrayList<>();
		metadata.path("properties").forEach((property) -> names.add(property.path("name").asString()));
		assertThat(names).contains("ark.chat.bot.temperature", "ark.chat.bot.max-tokens", "ark.chat.bot.top-p",
				"ark.chat.bot.thinking", "ark.chat.bot.system-prompt", "ark.chat.proxy.host", "ark.chat.proxy.port",
				"management.health.ark.enabled", "management.health.ark.timeout");
	}

	private static List<String> hintValues(String name) {
		for (JsonNode hint : metadata.path("hints")) {
			if (name.equals(hint.path("name").asString())) {
				List<String> values = new ArrayList<>();
				hint.path("values").forEach((value) -> values.add(value.path("value").asString()));
				return values;
			}
		}
		throw new AssertionError("no hint for " + name);
	}

}
