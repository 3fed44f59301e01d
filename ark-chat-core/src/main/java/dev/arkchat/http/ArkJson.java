package dev.arkchat.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the Ark wire: snake_case names, absent values left out, unknown response fields tolerated.
 * Owned by ark-chat and never the application's mapper, so that an application's Jackson settings cannot change what
 * is sent to Ark. Jackson 3 mappers are immutable, so sharing it is safe.
 */
public final class ArkJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.changeDefaultPropertyInclusion(
				(value) -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
		.addModule(DirectCreators.module())
		.build();

	private ArkJson() {
	}

	/**
	 * The wire mapper.
	 * @return the shared, immutable mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

}
