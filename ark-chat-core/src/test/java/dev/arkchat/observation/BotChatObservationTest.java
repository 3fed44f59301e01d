package dev.arkchat.observation;

import java.util.Iterator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.Fixtures;
import dev.arkchat.bot.BotChatChunk;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.bot.BotChatStream;
import dev.arkchat.http.RetrySettings;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotChatObservationTest {

	private WireMockServer server;

	private TestObservationRegistry registry;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		this.server.start();
		this.registry = TestObservationRegistry.create();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	private BotChatClient client(boolean includeContent) {
		return BotChatClient.builder().baseUrl(this.server.baseUrl()).apiKey("secret-key-123")
			.transport((t) -> t.retry(RetrySettings.NONE).observationRegistry(this.registry)
				.includeContent(includeContent))
			.build();
	}

	@Test
	void blockingCallIsObservedWithGenAiKeys() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH))
			.willReturn(aResponse().withBody(Fixtures.withoutElisions("bot-chat-v3-nonstream-websearch-references.doc.txt"))));

		client(false).chat(BotChatRequest.builder().bot("bot-1").user("杭州天气").temperature(0.3).maxTokens(512).build());

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasNameEqualTo("gen_ai.client.operation")
			.hasContextualNameEqualTo("chat bot-1")
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "volcengine.ark")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "bot-1")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "doubao-1-5-pro-32k-250115")
			.hasLowCardinalityKeyValue("server.address", "localhost")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("ark.api", "bots")
			.hasLowCardinalityKeyValue("ark.streaming", "false")
			.hasHighCardinalityKeyValue("gen_ai.response.id", "02174410213780126458cc51545801ff6ffb59c94a55dae86c43b")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "1960")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "99")
			.hasHighCardinalityKeyValue("gen_ai.request.temperature", "0.3")
			.hasHighCardinalityKeyValue("gen_ai.request.max_tokens", "512")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.prompt")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.completion");
	}

	@Test
	void failureSetsErrorType() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse().withStatus(401)
			.withBody("{\"error\":{\"code\":\"AuthenticationError\",\"message\":\"bad key\"}}")));

		assertThatThrownBy(() -> client(false).chat(BotChatRequest.builder().bot("bot-1").user("x").build()))
			.isInstanceOf(ArkAuthenticationException.class);

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("error.type", "ArkAuthenticationException")
			.assertThatError()
			.isInstanceOf(ArkAuthenticationException.class);
	}

	@Test
	void streamIsObservedUntilItsLastEventNotUntilTheHeaders() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(Fixtures.asEventStream("bot-chat-v3-stream-include-usage.doc.txt"))));

		try (BotChatStream stream = client(true).stream(BotChatRequest.builder().bot("bot-1").user("hello").build())) {
			Iterator<BotChatChunk> chunks = stream.iterator();
			chunks.next();
			TestObservationRegistryAssert.assertThat(this.registry).hasSingleObservationThat().isNotStopped();
			while (chunks.hasNext()) {
				chunks.next();
			}
		}

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("ark.streaming", "true")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "deepseek-r1-250528")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "35")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "175")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
			.hasHighCardinalityKeyValue("gen_ai.prompt", "user: hello")
			.hasHighCardinalityKeyValue("gen_ai.completion", "\nHello 😊")
			.hasHighCardinalityKeyValueWithKey("ark.time_to_first_chunk_ms")
			.hasEvent("gen_ai.first_chunk");
	}

	@Test
	void streamClosedEarlyIsObservedAsCancelled() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(Fixtures.asEventStream("bot-chat-v3-stream-include-usage.doc.txt"))));

		try (BotChatStream stream = client(false).stream(BotChatRequest.builder().bot("bot-1").user("hi").build())) {
			stream.iterator().next();
		}

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("error.type", "cancelled");
	}

	@Test
	void streamCutOffIsObservedAsAnError() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n")));

		try (BotChatStream stream = client(false).stream(BotChatRequest.builder().bot("bot-1").user("hi").build())) {
			assertThatThrownBy(stream::completion).isInstanceOf(dev.arkchat.ArkStreamException.class);
		}

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("error.type", "ArkStreamException");
	}

	@Test
	void aUserConventionReplacesTheDefault() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH))
			.willReturn(aResponse().withBody(Fixtures.raw("bot-chat-v3-nonstream-multiturn.doc.json"))));
		ArkChatObservationConvention custom = new ArkChatObservationConvention() {

			@Override
			public String getName() {
				return "my.chat";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(ArkChatObservationContext context) {
				return KeyValues.of("bot", String.valueOf(context.getRequestModel()));
			}

		};
		BotChatClient client = BotChatClient.builder().baseUrl(this.server.baseUrl()).apiKey("k")
			.transport((t) -> t.observationRegistry(this.registry).observationConvention(custom))
			.build();

		client.chat(BotChatRequest.builder().bot("bot-9").user("x").build());

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasNameEqualTo("my.chat")
			.hasLowCardinalityKeyValue("bot", "bot-9");
	}

	@Test
	void noKeyValueCarriesTheApiKey() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH))
			.willReturn(aResponse().withBody(Fixtures.raw("bot-chat-v3-nonstream-multiturn.doc.json"))));
		java.util.List<String> keyValues = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {

			@Override
			public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(io.micrometer.observation.Observation.Context context) {
				context.getAllKeyValues().forEach((kv) -> keyValues.add(kv.getKey() + "=" + kv.getValue()));
			}

		});
		client(true).chat(BotChatRequest.builder().bot("bot-1").user("x").build());
		assertThat(keyValues).isNotEmpty().noneMatch((kv) -> kv.contains("secret-key-123"));
	}

}
