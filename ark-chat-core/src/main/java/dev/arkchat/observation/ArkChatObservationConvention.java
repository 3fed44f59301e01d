package dev.arkchat.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of Ark call observations. Declare a bean of this type (or pass one to a client) to replace
 * {@link DefaultArkChatObservationConvention}, as with Spring's own observation conventions.
 */
public interface ArkChatObservationConvention extends ObservationConvention<ArkChatObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ArkChatObservationContext;
	}

}
