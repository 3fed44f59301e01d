package dev.arkchat.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.arkchat.http.RetrySettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** A loopback WireMock and knowledge clients pointed at it, with fixed credentials and clock. */
final class KnowledgeWireMock {

	static final String AK = "AKLTtestaccesskey0000000000000000";

	static final String SK = "dGVzdC1zZWNyZXQta2V5LW5vdC1hLXJlYWwtb25l";

	/** Signatures are dated by this clock: X-Date 20250102T030405Z. */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

	static final String X_DATE = "20250102T030405Z";

	private KnowledgeWireMock() {
	}

	static WireMockServer start() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
		server.start();
		return server;
	}

	static KnowledgeClient.Builder client(WireMockServer server) {
		return KnowledgeClient.builder()
			.baseUrl("http://127.0.0.1:" + server.port())
			.credentials(AK, SK)
			.clock(CLOCK)
			.transport((t) -> t.retry(RetrySettings.NONE));
	}

	static void answerJson(WireMockServer server, String path, int status, String json) {
		server.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody(json)));
	}

	static void answerEvents(WireMockServer server, String path, String events) {
		server.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream; charset=utf-8")
			.withBody(events)));
	}

}
