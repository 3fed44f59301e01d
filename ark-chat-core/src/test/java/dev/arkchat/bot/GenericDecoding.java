package dev.arkchat.bot;

import dev.arkchat.http.ArkJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.json.JsonMapper.Builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Compares ark-chat's hand-written deserializers with Jackson's generic path for the same types: a wire mapper whose
 * mix-ins put Jackson's own deserializers back.
 */
final class GenericDecoding {

	/** Puts Jackson's own deserializer back in place of a hand-written one. */
	@JsonDeserialize(using = ValueDeserializer.None.class)
	private abstract static class Generic {

	}

	private GenericDecoding() {
	}

	/**
	 * The wire mapper, with Jackson's generic deserializers for the given types.
	 * @param types the types read by hand-written deserializers
	 * @return the mapper
	 */
	static JsonMapper mapper(Class<?>... types) {
		Builder builder = ArkJson.mapper().rebuild();
		for (Class<?> type : types) {
			builder.addMixIn(type, Generic.class);
		}
		return builder.build();
	}

	/**
	 * Asserts that the wire mapper reads the JSON as the generic mapper does: the same value, or a
	 * {@link JacksonException} of the same class.
	 * @param generic the mapper made by {@link #mapper}
	 * @param json the JSON
	 * @param type the type read
	 */
	static void assertDecodesAlike(JsonMapper generic, String json, Class<?> type) {
		Object expected = decode(generic, json, type);
		Object actual = decode(ArkJson.mapper(), json, type);
		if (expected instanceof JacksonException failure) {
			assertThat(actual).as("decoding %s", json).isInstanceOf(JacksonException.class);
			assertThat(actual.getClass()).as("the exception for %s", json).isEqualTo(failure.getClass());
		}
		else {
			assertThat(actual).as("decoding %s", json).isEqualTo(expected);
		}
	}

	private static Object decode(JsonMapper mapper, String json, Class<?> type) {
		Throwable failure = catchThrowable(() -> mapper.readValue(json, type));
		return (failure != null) ? failure : mapper.readValue(json, type);
	}

}
