package dev.arkchat.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.arkchat.Fixtures;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.bot.BotChatStream;
import dev.arkchat.http.RetrySettings;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's own {@code http.client.requests} observation of the application's {@link RestClient.Builder} sees every
 * call with its URI template and its URI, the first call of a path as every later one (the transport remembers what a
 * path resolved to rather than resolving it again).
 */
class HttpClientObservationTest {

	private WireMockServer server;

	private final List<ClientRequestObservationContext> calls = new CopyOnWriteArrayList<>();

	private ObservationRegistry registry;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		this.server.start();
		this.registry = ObservationRegistry.create();
		this.registry.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

			@Override
			public void onStop(ClientRequestObservationContext context) {
				HttpClientObservationTest.this.calls.add(context);
			}

		});
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void everyCallCarriesTheSameUriTemplateAndUri() {
		this.server.stubFor(post(urlEqualTo("/base" + BotChatClient.PATH)).willReturn(aResponse()
			.withBody(Fixtures.withoutElisions("bot-chat-v3-nonstream-multiturn.doc.json"))));
		BotChatClient client = BotChatClient.builder()
			.baseUrl(this.server.baseUrl() + "/base")
			.apiKey("k")
			.restClientBuilder(RestClient.builder().observationRegistry(this.registry))
			.transport((t) -> t.retry(RetrySettings.NONE))
			.build();
		BotChatRequest request = BotChatRequest.builder().bot("bot-1").user("hi").build();

		for (int i = 0; i < 3; i++) {
			client.chat(request);
		}
		this.server.stubFor(post(urlEqualTo("/base" + BotChatClient.PATH)).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(Fixtures.asEventStream("bot-chat-v3-stream-include-usage.doc.txt"))));
		for (int i = 0; i < 2; i++) {
			try (BotChatStream stream = client.stream(request)) {
				stream.completion();
			}
		}

		this.server.verify(5, postRequestedFor(urlEqualTo("/base" + BotChatClient.PATH)));
		assertThat(this.calls).hasSize(5).allSatisfy((call) -> {
			assertThat(call.getUriTemplate()).isEqualTo(this.server.baseUrl() + "/base" + BotChatClient.PATH);
			assertThat(call.getCarrier().getURI().toString())
				.isEqualTo(this.server.baseUrl() + "/base" + BotChatClient.PATH);
		});
		assertThat(this.calls.stream().map(Observation.Context::getLowCardinalityKeyValues).distinct()).hasSize(1);
	}

}
