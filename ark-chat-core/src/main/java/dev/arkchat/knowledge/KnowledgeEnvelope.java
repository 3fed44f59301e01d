package dev.arkchat.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arkchat.ArkApiException;
import dev.arkchat.ArkException;
import dev.arkchat.http.ArkErrorDecoder;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

/**
 * The envelope of every knowledge answer: {@code {"code", "message", "request_id", "data"}}, {@code code} 0 on success.
 * A non-zero code is an error even with HTTP 200.
 * @param code the status code
 * @param message the server's message
 * @param requestId the server's request id
 * @param data the payload
 * @param <T> the payload type
 */
record KnowledgeEnvelope<T>(@JsonProperty("code") @Nullable Integer code,
		@JsonProperty("message") @Nullable String message, @JsonProperty("request_id") @Nullable String requestId,
		@JsonProperty("data") @Nullable T data) {

	/**
	 * A reader of envelopes around a payload type.
	 * @param dataType the payload type
	 * @return the reader
	 */
	static ObjectReader reader(Class<?> dataType) {
		return ArkJson.mapper()
			.readerFor(ArkJson.mapper().getTypeFactory().constructParametricType(KnowledgeEnvelope.class, dataType));
	}

	boolean isError() {
		return this.code != null && this.code != 0;
	}

	/**
	 * The error this envelope reports, by its code.
	 * @param status the HTTP status it came with
	 * @return the exception
	 */
	ArkApiException toException(int status) {
		return ArkErrorDecoder.knowledge(status, (this.code != null) ? this.code : 0, this.message, this.requestId,
				null);
	}

	/**
	 * Throws when the envelope reports an error (HTTP 200 with a non-zero code).
	 * @throws ArkApiException the error, typed by its code
	 */
	void throwIfError() {
		if (isError()) {
			throw toException(200);
		}
	}

	/**
	 * The payload of a successful envelope.
	 * @return the payload
	 * @throws ArkApiException when the envelope reports an error
	 * @throws ArkException when it has no payload
	 */
	T requireData() {
		throwIfError();
		if (this.data == null) {
			throw new ArkException("The knowledge base answered without data", this.requestId, null);
		}
		return this.data;
	}

}
