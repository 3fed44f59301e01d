package dev.arkchat.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations ark-chat makes, and their keys (OpenTelemetry GenAI semantic conventions plus {@code ark.api}).
 */
public enum ArkChatObservationDocumentation implements ObservationDocumentation {

	/** One Ark call or stream, from the request until the last event, an error, or the caller's close. */
	CHAT_CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultArkChatObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

		@Override
		public Observation.Event[] getEvents() {
			return Events.values();
		}

	};

	/** Low-cardinality keys: become metric tags. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The GenAI operation, such as {@code chat}. */
		OPERATION_NAME("gen_ai.operation.name"),
		/** Always {@code volcengine.ark}. */
		PROVIDER_NAME("gen_ai.provider.name"),
		/** The bot, endpoint or model the request named. */
		REQUEST_MODEL("gen_ai.request.model"),
		/** The model that answered. */
		RESPONSE_MODEL("gen_ai.response.model"),
		/** The host called. */
		SERVER_ADDRESS("server.address"),
		/** The exception's simple name, {@code cancelled}, or {@code none}. */
		ERROR_TYPE("error.type"),
		/** Which Ark API: {@code bots}, {@code bots.legacy}, {@code context}, {@code knowledge}. */
		ARK_API("ark.api"),
		/** Whether the answer was streamed. */
		STREAMING("ark.streaming");

		private final String key;

		LowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/** High-cardinality keys: span attributes only. */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The answer's id. */
		RESPONSE_ID("gen_ai.response.id"),
		/** The finish reasons, comma-separated. */
		FINISH_REASONS("gen_ai.response.finish_reasons"),
		/** Input tokens. */
		INPUT_TOKENS("gen_ai.usage.input_tokens"),
		/** Output tokens. */
		OUTPUT_TOKENS("gen_ai.usage.output_tokens"),
		/** Input tokens read from the context cache. */
		CACHED_TOKENS("gen_ai.usage.cached_tokens"),
		/** {@code temperature} of the request. */
		REQUEST_TEMPERATURE("gen_ai.request.temperature"),
		/** {@code max_tokens} of the request. */
		REQUEST_MAX_TOKENS("gen_ai.request.max_tokens"),
		/** {@code top_p} of the request. */
		REQUEST_TOP_P("gen_ai.request.top_p"),
		/** Time to the first chunk of a stream, in milliseconds. */
		TIME_TO_FIRST_CHUNK("ark.time_to_first_chunk_ms"),
		/** The prompt (only when content recording is on). */
		PROMPT("gen_ai.prompt"),
		/** The completion (only when content recording is on). */
		COMPLETION("gen_ai.completion");

		private final String key;

		HighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/** Events within an observation. */
	public enum Events implements Observation.Event {

		/** The first chunk of a stream arrived. */
		FIRST_CHUNK {

			@Override
			public String getName() {
				return "gen_ai.first_chunk";
			}

		}

	}

}
