package dev.arkchat.autoconfigure;

import java.util.Iterator;

import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.bot.BotChatChunk;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatStream;
import dev.arkchat.observation.ArkChatObservationContext;
import dev.arkchat.observation.ArkChatObservationConvention;
import dev.arkchat.test.ArkMockServer;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Ark calls observed through Boot's observation and metrics support: the observation's name, keys and lifetime, the
 * token usage and time-to-first-chunk meters, and a user's convention.
 */
class ArkChatObservationTests {

	private static final String NAME = "gen_ai.client.operation";

	private static final String FIRST = chunk("{\"role\":\"assistant\",\"content\":\"Mount \"}", null);

	private static final String REST = chunk("{\"content\":\"Everest.\"}", "\"stop\"")
			+ "data: {\"id\":\"021\",\"object\":\"chat.completion.chunk\",\"model\":\"doubao-pro\",\"choices\":[],"
			+ "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10,"
			+ "\"prompt_tokens_details\":{\"cached_tokens\":4}}}\n\n" + "data: [DONE]\n\n";

	private static ArkMockServer ark;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, ArkChatAutoConfiguration.class,
				ArkChatMetricsAutoConfiguration.class))
		.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
		.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.bot.id=bot-obs", "ark.chat.retry.max-attempts=1",
				"ark.chat.base-url=" + ark.baseUrl());

	@BeforeAll
	static void startArk() {
		ark = ArkMockServer.start();
	}

	@AfterAll
	static void stopArk() {
		ark.close();
	}

	@BeforeEach
	void resetArk() {
		ark.reset();
	}

	@Test
	void aBlockingCallIsObservedWithItsKeysAndTokenMeters() {
		ark.botChat().answer("Mount Everest.").model("doubao-pro").botUsage(12, 5);
		this.runner.run((context) -> {
			context.getBean(BotChatOperations.class).chat("What is the tallest mountain?");

			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasBeenStopped()
				.hasContextualNameEqualTo("chat bot-obs")
				.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
				.hasLowCardinalityKeyValue("gen_ai.provider.name", "volcengine.ark")
				.hasLowCardinalityKeyValue("gen_ai.request.model", "bot-obs")
				.hasLowCardinalityKeyValue("gen_ai.response.model", "doubao-pro")
				.hasLowCardinalityKeyValue("server.address", "127.0.0.1")
				.hasLowCardinalityKeyValue("error.type", "none")
				.hasLowCardinalityKeyValue("ark.api", "bots")
				.hasLowCardinalityKeyValue("ark.streaming", "false")
				.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "12")
				.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "5")
				.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
				.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.prompt")
				.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.completion");

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(tokens(meters, "input").count()).isEqualTo(1);
			assertThat(tokens(meters, "input").totalAmount()).isEqualTo(12);
			assertThat(tokens(meters, "output").totalAmount()).isEqualTo(5);
			assertThat(meters.find(ArkChatMeterObservationHandler.TOKEN_USAGE).tag("gen_ai.token.type", "cached").meter())
				.isNull();
			assertThat(tokens(meters, "input").getId().getTags()).extracting("key")
				.contains("gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model",
						"gen_ai.response.model", "server.address", "error.type", "ark.api", "ark.streaming");
			// Boot's own timer of the observation, and no time to first chunk for a blocking call
			assertThat(meters.get(NAME).tag("error.type", "none").tag("ark.api", "bots").timer().count()).isEqualTo(1);
			assertThat(meters.find(ArkChatMeterObservationHandler.TIME_TO_FIRST_CHUNK).meter()).isNull();
		});
	}

	@Test
	void aStreamIsObservedUntilItsLastEvent() throws Exception {
		try (GatedEventStreamServer server = new GatedEventStreamServer(FIRST, REST)) {
			this.runner.withPropertyValues("ark.chat.base-url=" + server.baseUrl()).run((context) -> {
				TestObservationRegistry observations = context.getBean(TestObservationRegistry.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				try (BotChatStream stream = context.getBean(BotChatOperations.class).stream("hi")) {
					Iterator<BotChatChunk> chunks = stream.iterator();
					assertThat(chunks.next().content()).isEqualTo("Mount ");

					// the first chunk is in, the stream is still open: so is its observation
					TestObservationRegistryAssert.assertThat(observations)
						.hasObservationWithNameEqualTo(NAME)
						.that()
						.hasBeenStarted()
						.isNotStopped();
					assertThat(meters.get(NAME + ".active").longTaskTimer().activeTasks()).isEqualTo(1);
					assertThat(meters.find(ArkChatMeterObservationHandler.TOKEN_USAGE).meters()).isEmpty();

					server.release();
					while (chunks.hasNext()) {
						chunks.next();
					}
				}
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo(NAME)
					.that()
					.hasBeenStopped()
					.hasLowCardinalityKeyValue("ark.streaming", "true")
					.hasLowCardinalityKeyValue("error.type", "none")
					.hasHighCardinalityKeyValue("gen_ai.usage.cached_tokens", "4");
				assertThat(meters.get(NAME + ".active").longTaskTimer().activeTasks()).isZero();
				assertThat(tokens(meters, "input").totalAmount()).isEqualTo(7);
				assertThat(tokens(meters, "output").totalAmount()).isEqualTo(3);
				assertThat(tokens(meters, "cached").totalAmount()).isEqualTo(4);
				Timer firstChunk = meters.get(ArkChatMeterObservationHandler.TIME_TO_FIRST_CHUNK)
					.tag("ark.streaming", "true")
					.tag("gen_ai.request.model", "bot-obs")
					.timer();
				assertThat(firstChunk.count()).isEqualTo(1);
				assertThat(firstChunk.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
			});
		}
	}

	@Test
	void aStreamClosedEarlyIsObservedAsCancelled() throws Exception {
		try (GatedEventStreamServer server = new GatedEventStreamServer(FIRST, REST)) {
			this.runner.withPropertyValues("ark.chat.base-url=" + server.baseUrl()).run((context) -> {
				try (BotChatStream stream = context.getBean(BotChatOperations.class).stream("hi")) {
					stream.iterator().next();
				}
				TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
					.hasObservationWithNameEqualTo(NAME)
					.that()
					.hasBeenStopped()
					.hasLowCardinalityKeyValue("error.type", "cancelled");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get(NAME).tag("error.type", "cancelled").timer().count()).isEqualTo(1);
				assertThat(meters.get(ArkChatMeterObservationHandler.TIME_TO_FIRST_CHUNK)
					.tag("error.type", "cancelled")
					.timer()
					.count()).isEqualTo(1);
			});
		}
	}

	@Test
	void aFailedCallIsObservedWithItsErrorType() {
		ark.botChat().fail(401, "AuthenticationError", "The API key is invalid");
		this.runner.run((context) -> {
			BotChatOperations bots = context.getBean(BotChatOperations.class);
			assertThatExceptionOfType(ArkAuthenticationException.class).isThrownBy(() -> bots.chat("hi"));
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasBeenStopped()
				.hasError()
				.hasLowCardinalityKeyValue("error.type", "ArkAuthenticationException");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(NAME).tag("error.type", "ArkAuthenticationException").timer().count()).isEqualTo(1);
			assertThat(meters.find(ArkChatMeterObservationHandler.TOKEN_USAGE).meters()).isEmpty();
		});
	}

	@Test
	void contentIsRecordedOnlyWhenAskedFor() {
		ark.botChat().answer("Mount Everest.");
		this.runner.withPropertyValues("ark.chat.observation.include-content=true").run((context) -> {
			context.getBean(BotChatOperations.class).chat("What is the tallest mountain?");
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasHighCardinalityKeyValue("gen_ai.prompt", "user: What is the tallest mountain?")
				.hasHighCardinalityKeyValue("gen_ai.completion", "Mount Everest.");
		});
	}

	@Test
	void theApplicationsConventionReplacesTheDefault() {
		ark.botChat().answer("Mount Everest.").botUsage(12, 5);
		this.runner.withBean(ArkChatObservationConvention.class, OwnConvention::new).run((context) -> {
			context.getBean(BotChatOperations.class).chat("hi");
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("my.ark.calls")
				.that()
				.hasContextualNameEqualTo("ask bot-obs")
				.hasLowCardinalityKeyValue("bot", "bot-obs")
				.doesNotHaveLowCardinalityKeyValueWithKey("gen_ai.provider.name");
			// the meters follow the convention's keys
			DistributionSummary input = context.getBean(MeterRegistry.class)
				.get(ArkChatMeterObservationHandler.TOKEN_USAGE)
				.tag("gen_ai.token.type", "input")
				.summary();
			assertThat(input.getId().getTags()).extracting("key").containsExactlyInAnyOrder("bot", "gen_ai.token.type");
			assertThat(input.totalAmount()).isEqualTo(12);
		});
	}

	@Test
	void theMeterHandlerIsAnObservationHandlerBeanThatBootRegisters() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ArkChatMeterObservationHandler.class);
			assertThat(context.getBeansOfType(ObservationHandler.class).values())
				.hasAtLeastOneElementOfType(ArkChatMeterObservationHandler.class);
		});
	}

	@Test
	void theMetersBackOffWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					ArkChatAutoConfiguration.class, ArkChatMetricsAutoConfiguration.class))
			.withPropertyValues("ark.chat.api-key=sk-test")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ArkChatMeterObservationHandler.class);
			});
	}

	@Test
	void theMetersBackOffWithoutMicrometerOnTheClassPath() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ArkChatMeterObservationHandler.class);
		});
	}

	private static DistributionSummary tokens(MeterRegistry meters, String type) {
		return meters.get(ArkChatMeterObservationHandler.TOKEN_USAGE)
			.tag("gen_ai.token.type", type)
			.tag("gen_ai.request.model", "bot-obs")
			.summary();
	}

	private static String chunk(String delta, String finishReason) {
		return "data: {\"id\":\"021\",\"object\":\"chat.completion.chunk\",\"model\":\"doubao-pro\",\"choices\":"
				+ "[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
	}

	/** A convention of the application's own. */
	static final class OwnConvention implements ArkChatObservationConvention {

		@Override
		public String getName() {
			return "my.ark.calls";
		}

		@Override
		public String getContextualName(ArkChatObservationContext context) {
			return "ask " + context.getRequestModel();
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ArkChatObservationContext context) {
			return KeyValues.of("bot", String.valueOf(context.getRequestModel()));
		}

	}

}
