package dev.arkchat.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Base of the hand-written deserializers of the types decoded once per streamed event (chunks, their choices and
 * deltas). Jackson's generic path for records costs about twice a tree parse: a property buffer per object and the
 * canonical constructor called through {@code MethodHandle.invokeWithArguments}. A subclass reads its object property
 * by property and calls the constructor directly. Every value that is not of the common shape (a string where a string
 * is expected, an integer where a number is) is handed to Jackson's own deserializer for its type, so coercions, null
 * handling and error messages stay Jackson's; unknown properties go to Jackson's unknown-property handling. Wire names
 * are snake_case, as the wire mapper writes them; the camelCase names another mapper would use are accepted too.
 * @param <T> the type read
 */
public abstract class WireDeserializer<T> extends StdDeserializer<T> {

	/**
	 * Creates a deserializer.
	 * @param type the type it reads
	 */
	protected WireDeserializer(Class<T> type) {
		super(type);
	}

	/**
	 * Cached by Jackson: a subclass holds nothing but the deserializers it resolved.
	 * @return {@code true}
	 */
	@Override
	public boolean isCachable() {
		return true;
	}

	@Override
	@SuppressWarnings("unchecked")
	public final T deserialize(JsonParser p, DeserializationContext ctxt) {
		JsonToken token = p.currentToken();
		if (token == JsonToken.START_OBJECT) {
			p.nextToken();
		}
		else if (token != JsonToken.PROPERTY_NAME && token != JsonToken.END_OBJECT) {
			return (T) ctxt.handleUnexpectedToken(handledType(), p);
		}
		try {
			return readProperties(p, ctxt);
		}
		catch (JacksonException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// the type's constructor refused the values read: reported as Jackson reports it for its own creators
			// (a ValueInstantiationException), so that a caller sees a JacksonException either way
			return (T) ctxt.handleInstantiationProblem(handledType(), null, ex);
		}
	}

	/**
	 * Reads the properties of the object and builds the value. On entry the parser is on the first
	 * {@link JsonToken#PROPERTY_NAME} (or on {@link JsonToken#END_OBJECT} for an empty object); on return it must be on
	 * the object's {@link JsonToken#END_OBJECT}. A constructor that refuses the values read may simply throw: the
	 * refusal reaches the caller as Jackson's {@code ValueInstantiationException}.
	 * @param p the parser
	 * @param ctxt the context
	 * @return the value
	 */
	protected abstract T readProperties(JsonParser p, DeserializationContext ctxt);

	/**
	 * Skips the value of a property this type does not know, as Jackson does (failing only when the mapper is set to).
	 * @param p the parser, on the property's value
	 * @param ctxt the context
	 * @param name the property
	 */
	protected final void unknown(JsonParser p, DeserializationContext ctxt, String name) {
		handleUnknownProperty(p, ctxt, handledType(), name);
	}

	/**
	 * Finds Jackson's deserializer of a property type once, when this deserializer is resolved.
	 * @param ctxt the context
	 * @param type the property type
	 * @return the deserializer
	 */
	protected static ValueDeserializer<Object> find(DeserializationContext ctxt, JavaType type) {
		return ctxt.findContextualValueDeserializer(type, null);
	}

	/**
	 * A deserializer set by {@code resolve}, which Jackson calls before the first use.
	 * @param deserializer the field holding it
	 * @return the deserializer
	 * @throws IllegalStateException when used before being resolved
	 */
	protected static ValueDeserializer<Object> resolved(@Nullable ValueDeserializer<Object> deserializer) {
		if (deserializer == null) {
			throw new IllegalStateException("A deserializer was used before Jackson resolved it");
		}
		return deserializer;
	}

	/**
	 * Reads a text value.
	 * @param p the parser, on the value
	 * @param ctxt the context
	 * @return the text, or {@code null} for a JSON null
	 */
	protected static @Nullable String string(JsonParser p, DeserializationContext ctxt) {
		JsonToken token = p.currentToken();
		if (token == JsonToken.VALUE_STRING) {
			return p.getString();
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		return ctxt.readValue(p, String.class);
	}

	/**
	 * Reads an optional whole number.
	 * @param p the parser, on the value
	 * @param ctxt the context
	 * @return the number, or {@code null} for a JSON null
	 */
	protected static @Nullable Long longValue(JsonParser p, DeserializationContext ctxt) {
		JsonToken token = p.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return p.getLongValue();
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		return ctxt.readValue(p, Long.class);
	}

	/**
	 * Reads an optional {@code int}.
	 * @param p the parser, on the value
	 * @param ctxt the context
	 * @return the number, or {@code null} for a JSON null
	 */
	protected static @Nullable Integer integer(JsonParser p, DeserializationContext ctxt) {
		JsonToken token = p.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return p.getIntValue();
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		return ctxt.readValue(p, Integer.class);
	}

	/**
	 * Reads a primitive {@code int}, {@code 0} when null.
	 * @param p the parser, on the value
	 * @param ctxt the context
	 * @return the number
	 */
	protected static int intValue(JsonParser p, DeserializationContext ctxt) {
		JsonToken token = p.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return p.getIntValue();
		}
		if (token == JsonToken.VALUE_NULL) {
			return 0;
		}
		Integer value = ctxt.readValue(p, Integer.TYPE);
		return (value != null) ? value : 0;
	}

	/**
	 * Reads a value with a deserializer found by {@link #find}.
	 * @param p the parser, on the value
	 * @param ctxt the context
	 * @param deserializer the deserializer
	 * @param <V> the value type
	 * @return the value, or the deserializer's null value for a JSON null
	 */
	@SuppressWarnings("unchecked")
	protected static <V> @Nullable V value(JsonParser p, DeserializationContext ctxt,
			ValueDeserializer<Object> deserializer) {
		if (p.currentToken() == JsonToken.VALUE_NULL) {
			return (V) deserializer.getNullValue(ctxt);
		}
		return (V) deserializer.deserialize(p, ctxt);
	}

}
