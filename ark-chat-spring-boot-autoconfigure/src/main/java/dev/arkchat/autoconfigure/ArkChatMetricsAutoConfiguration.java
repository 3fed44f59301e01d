package dev.arkchat.autoconfigure;

import dev.arkchat.observation.ArkChatObservationContext;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Token usage and time-to-first-chunk meters of Ark calls ({@link ArkChatMeterObservationHandler}), when Micrometer
 * and a {@link MeterRegistry} are there. The handler is an {@code ObservationHandler} bean, which Boot's observation
 * support adds to the application's {@code ObservationRegistry}, the one Ark's clients are observed with.
 */
@AutoConfiguration(after = ArkChatAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ArkChatObservationContext.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = ArkChatProperties.PREFIX, name = "enabled", matchIfMissing = true)
public final class ArkChatMetricsAutoConfiguration {

	/**
	 * Records the GenAI meters of every Ark call.
	 * @param meterRegistry the application's registry
	 * @return the handler
	 */
	@Bean
	@ConditionalOnMissingBean
	ArkChatMeterObservationHandler arkChatMeterObservationHandler(MeterRegistry meterRegistry) {
		return new ArkChatMeterObservationHandler(meterRegistry);
	}

}
