package dev.arkchat.bot;

import java.net.ServerSocket;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.arkchat.ArkConnectionException;
import dev.arkchat.ArkQuotaExceededException;
import dev.arkchat.ArkServerException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.Fixtures;
import dev.arkchat.http.RetrySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries end to end: what is retried, how often, and what is never repeated. */
class BotChatRetryTest {

	private static final RetrySettings FAST = new RetrySettings(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0,
			Duration.ofSeconds(1));

	private WireMockServer server;

	private BotChatClient client;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		this.server.start();
		this.client = BotChatClient.builder().baseUrl(this.server.baseUrl()).apiKey("k")
			.transport((t) -> t.retry(FAST))
			.build();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	private static BotChatRequest request() {
		return BotChatRequest.builder().bot("bot-1").user("hi").build();
	}

	private void failTwiceThen(String body, String contentType, int status) {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(status).withBody("{\"error\":{\"code\":\"ServiceUnavailable\"}}"))
			.willSetStateTo("failed once"));
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).inScenario("flaky").whenScenarioStateIs("failed once")
			.willReturn(aResponse().withStatus(status).withBody("{\"error\":{\"code\":\"ServiceUnavailable\"}}"))
			.willSetStateTo("recovered"));
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
			.willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
	}

	private int requests() {
		return this.server.findAll(anyRequestedFor(anyUrl())).size();
	}

	@Test
	void serviceUnavailableTwiceThenSuccess() {
		failTwiceThen(Fixtures.raw("bot-chat-v3-nonstream-multiturn.doc.json"), "application/json", 503);
		assertThat(this.client.chat(request()).content()).contains("Sophie");
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void openingAStreamIsRetriedLikeABlockingCall() {
		failTwiceThen(Fixtures.asEventStream("bot-chat-v3-stream-include-usage.doc.txt"), "text/event-stream", 502);
		try (BotChatStream stream = this.client.stream(request())) {
			assertThat(stream.completion().content()).isEqualTo("\nHello 😊");
		}
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void rateLimitWithRetryAfterThenSuccess() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
				.withBody("{\"error\":{\"code\":\"RateLimitExceeded.EndpointRPMExceeded\",\"type\":\"TooManyRequests\"}}"))
			.willSetStateTo("ok"));
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).inScenario("limited").whenScenarioStateIs("ok")
			.willReturn(aResponse().withBody(Fixtures.raw("bot-chat-v3-nonstream-multiturn.doc.json"))));
		assertThat(this.client.chat(request()).content()).contains("Sophie");
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void exhaustedRetriesThrowTheLastFailureWithTheEarlierOnesSuppressed() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH))
			.willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"code\":\"InternalServiceError\"}}")));
		assertThatThrownBy(() -> this.client.chat(request())).isInstanceOfSatisfying(ArkServerException.class,
				(ex) -> assertThat(ex.getSuppressed()).hasSize(2));
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void quotaExceededIsNeverRetried() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse().withStatus(429)
			.withBody("{\"error\":{\"code\":\"QuotaExceeded\",\"message\":\"quota\",\"type\":\"TooManyRequests\"}}")));
		assertThatThrownBy(() -> this.client.chat(request())).isInstanceOf(ArkQuotaExceededException.class);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void otherClientErrorsAreNeverRetried() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":{\"code\":\"InvalidParameter\"}}")));
		assertThatThrownBy(() -> this.client.chat(request())).isInstanceOf(dev.arkchat.ArkBadRequestException.class);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void resetBeforeTheAnswerIsNotRetriedBecauseTheRequestWasSent() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatThrownBy(() -> this.client.chat(request())).isInstanceOf(ArkConnectionException.class);
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void aStreamThatDeliveredAnEventIsNeverRetried() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"once\"}}]}\n\n"
					+ "data: {\"error\":{\"code\":\"ServerOverloaded\",\"message\":\"busy\"}}\n\n")));
		try (BotChatStream stream = this.client.stream(request())) {
			assertThatThrownBy(stream::completion).isInstanceOf(ArkStreamException.class);
		}
		assertThat(requests()).isEqualTo(1);
	}

	@Test
	void connectionRefusedIsRetriedAndThenReported() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		BotChatClient refused = BotChatClient.builder().baseUrl("http://127.0.0.1:" + port).apiKey("k")
			.transport((t) -> t.retry(FAST))
			.build();
		assertThatThrownBy(() -> refused.chat(request())).isInstanceOfSatisfying(ArkConnectionException.class,
				(ex) -> assertThat(ex.getSuppressed()).hasSize(2));
	}

}
