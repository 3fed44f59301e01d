package dev.arkchat.autoconfigure.readme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration reference is the configuration metadata that the configuration processor generates
 * from the properties' Javadoc, rendered as a table: every {@code ark.chat.*} property with its type, default and
 * description. When a property changes, this test fails and writes the table it expects to
 * {@code target/configuration-reference.md}, to paste between the README's markers.
 */
class ConfigurationReferenceTests {

	private static final String START = "<!-- configuration-reference:start -->";

	private static final String END = "<!-- configuration-reference:end -->";

	@Test
	void readmeListsEveryPropertyAsTheMetadataDescribesIt() throws IOException {
		String expected = render(metadata());
		Path out = Path.of("target", "configuration-reference.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, expected);

		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf(START);
		int end = readme.indexOf(END);
		assertThat(start).as("README has the configuration reference markers").isNotNegative();
		assertThat(end).isGreaterThan(start);
		String actual = readme.substring(start + START.length(), end).strip();
		assertThat(actual).as("README configuration reference (expected table written to %s)", out.toAbsolutePath())
			.isEqualTo(expected.strip());
	}

	private static Map<String, JsonNode> metadata() throws IOException {
		Map<String, JsonNode> properties = new TreeMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (String resource : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			var urls = ConfigurationReferenceTests.class.getClassLoader().getResources(resource);
			while (urls.hasMoreElements()) {
				try (InputStream in = urls.nextElement().openStream()) {
					JsonNode root = mapper.readTree(in);
					for (JsonNode property : root.path("properties")) {
						String name = property.path("name").asString();
						if (name.startsWith("ark.chat.")) {
							JsonNode existing = properties.get(name);
							properties.put(name, (existing == null) ? property : merge(mapper, existing, property));
						}
					}
				}
			}
		}
		return properties;
	}

	private static JsonNode merge(JsonMapper mapper, JsonNode base, JsonNode extra) {
		var merged = mapper.createObjectNode();
		merged.setAll((tools.jackson.databind.node.ObjectNode) base);
		extra.properties().forEach((entry) -> merged.set(entry.getKey(), entry.getValue()));
		return merged;
	}

	static String render(Map<String, JsonNode> properties) {
		List<String> lines = new ArrayList<>();
		lines.add("| property | type | default | description |");
		lines.add("|---|---|---|---|");
		properties.forEach((name, property) -> lines.add("| `" + name + "` | " + type(property.path("type").asString())
				+ " | " + defaultValue(property.get("defaultValue")) + " | "
				+ cell(property.path("description").asString()) + " |"));
		return String.join("\n", lines) + "\n";
	}

	private static String type(String type) {
		String simple = type.replaceAll("([a-z][a-z0-9_]*\\.)+", "").replace('$', '.');
		return "`" + simple + "`";
	}

	private static String defaultValue(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		return "`" + (value.isValueNode() ? value.asString() : value.toString()) + "`";
	}

	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

}
