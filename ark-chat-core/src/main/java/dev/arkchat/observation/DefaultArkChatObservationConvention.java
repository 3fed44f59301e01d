package dev.arkchat.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import dev.arkchat.observation.ArkChatObservationDocumentation.HighCardinalityKeyNames;
import dev.arkchat.observation.ArkChatObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default names and key values: observation {@code gen_ai.client.operation}, contextual name
 * {@code chat <model>}. Never records prompt or completion text unless the context says content is included.
 */
public class DefaultArkChatObservationConvention implements ArkChatObservationConvention {

	/** The observation name. */
	public static final String NAME = "gen_ai.client.operation";

	/** The GenAI provider name of Ark. */
	public static final String PROVIDER = "volcengine.ark";

	private static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ArkChatObservationContext context) {
		String model = (context.getRequestModel() != null) ? context.getRequestModel() : context.getApi();
		return context.getOperationName() + " " + model;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ArkChatObservationContext context) {
		String error = context.getErrorType();
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.OPERATION_NAME, context.getOperationName()),
				KeyValue.of(LowCardinalityKeyNames.PROVIDER_NAME, PROVIDER),
				KeyValue.of(LowCardinalityKeyNames.REQUEST_MODEL, orNone(context.getRequestModel())),
				KeyValue.of(LowCardinalityKeyNames.RESPONSE_MODEL, orNone(context.getResponseModel())),
				KeyValue.of(LowCardinalityKeyNames.SERVER_ADDRESS, orNone(context.getServerAddress())),
				KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE, orNone(error)),
				KeyValue.of(LowCardinalityKeyNames.ARK_API, context.getApi()),
				KeyValue.of(LowCardinalityKeyNames.STREAMING, Boolean.toString(context.isStreaming())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ArkChatObservationContext context) {
		KeyValues values = KeyValues.empty();
		if (context.getResponseId() != null) {
			values = values.and(HighCardinalityKeyNames.RESPONSE_ID.withValue(context.getResponseId()));
		}
		if (!context.getFinishReasons().isEmpty()) {
			values = values
				.and(HighCardinalityKeyNames.FINISH_REASONS.withValue(String.join(",", context.getFinishReasons())));
		}
		if (context.getInputTokens() != null) {
			values = values.and(HighCardinalityKeyNames.INPUT_TOKENS.withValue(context.getInputTokens().toString()));
		}
		if (context.getOutputTokens() != null) {
			values = values.and(HighCardinalityKeyNames.OUTPUT_TOKENS.withValue(context.getOutputTokens().toString()));
		}
		if (context.getCachedTokens() != null) {
			values = values.and(HighCardinalityKeyNames.CACHED_TOKENS.withValue(context.getCachedTokens().toString()));
		}
		values = option(values, context, "temperature", HighCardinalityKeyNames.REQUEST_TEMPERATURE);
		values = option(values, context, "max_tokens", HighCardinalityKeyNames.REQUEST_MAX_TOKENS);
		values = option(values, context, "top_p", HighCardinalityKeyNames.REQUEST_TOP_P);
		if (context.getTimeToFirstChunk() != null) {
			values = values.and(HighCardinalityKeyNames.TIME_TO_FIRST_CHUNK
				.withValue(Long.toString(context.getTimeToFirstChunk().toMillis())));
		}
		if (context.isIncludeContent()) {
			if (context.getPrompt() != null) {
				values = values.and(HighCardinalityKeyNames.PROMPT.withValue(context.getPrompt()));
			}
			if (context.getCompletion() != null) {
				values = values.and(HighCardinalityKeyNames.COMPLETION.withValue(context.getCompletion()));
			}
		}
		return values;
	}

	private static KeyValues option(KeyValues values, ArkChatObservationContext context, String option,
			HighCardinalityKeyNames key) {
		Object value = context.getRequestOptions().get(option);
		return (value != null) ? values.and(key.withValue(value.toString())) : values;
	}

	private static String orNone(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? value : NONE;
	}

}
