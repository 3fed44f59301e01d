package dev.arkchat.autoconfigure;

import java.time.Duration;

import dev.arkchat.observation.ArkChatObservationContext;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Records the GenAI client meters of every Ark call when its observation stops (for a stream: at its last event, its
 * error, or the caller's close), tagged with the observation's low-cardinality keys:
 * <ul>
 * <li>{@value #TOKEN_USAGE}, a distribution summary of tokens per call, one per {@value #TOKEN_TYPE}
 * ({@code input}, {@code output}, and {@code cached} when Ark reports cached input tokens);</li>
 * <li>{@value #TIME_TO_FIRST_CHUNK}, a timer of the time from the request to a stream's first chunk.</li>
 * </ul>
 * The duration of each call is Boot's own timer of the observation, {@code gen_ai.client.operation}. Not a
 * {@code MeterObservationHandler}, so that it runs besides Boot's default one rather than instead of it.
 */
public class ArkChatMeterObservationHandler implements ObservationHandler<ArkChatObservationContext> {

	/** The token usage meter (OpenTelemetry GenAI semantic conventions). */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** The time-to-first-chunk meter of streamed calls (OpenTelemetry GenAI semantic conventions). */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/** The tag that tells input, output and cached tokens apart. */
	public static final String TOKEN_TYPE = "gen_ai.token.type";

	private final MeterRegistry meterRegistry;

	/**
	 * Creates the handler.
	 * @param meterRegistry where the meters are registered
	 */
	public ArkChatMeterObservationHandler(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ArkChatObservationContext;
	}

	@Override
	public void onStop(ArkChatObservationContext context) {
		Tags tags = tags(context);
		tokens(tags, "input", context.getInputTokens());
		tokens(tags, "output", context.getOutputTokens());
		tokens(tags, "cached", context.getCachedTokens());
		Duration timeToFirstChunk = context.getTimeToFirstChunk();
		if (timeToFirstChunk != null) {
			Timer.builder(TIME_TO_FIRST_CHUNK)
				.description("Time from the request to the first chunk of a streamed answer")
				.tags(tags)
				.register(this.meterRegistry)
				.record(timeToFirstChunk);
		}
	}

	private void tokens(Tags tags, String type, @Nullable Integer count) {
		if (count != null) {
			DistributionSummary.builder(TOKEN_USAGE)
				.description("Tokens used per call, by token type")
				.baseUnit("tokens")
				.tags(tags)
				.tag(TOKEN_TYPE, type)
				.register(this.meterRegistry)
				.record(count);
		}
	}

	private static Tags tags(ArkChatObservationContext context) {
		Tags tags = Tags.empty();
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			tags = tags.and(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return tags;
	}

}
