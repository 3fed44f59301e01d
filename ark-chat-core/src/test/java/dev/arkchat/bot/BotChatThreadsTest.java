package dev.arkchat.bot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.arkchat.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls reuse threads: none starts a thread of its own (the JDK client's asynchronous API would complete every call
 * on a new thread on machines with two cores or fewer).
 */
class BotChatThreadsTest {

	private WireMockServer server;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void aHundredCallsStartAHandfulOfThreadsAtMost() {
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(Fixtures.asEventStream("bot-chat-v3-stream-include-usage.doc.txt"))));
		BotChatClient client = BotChatClient.builder().baseUrl(this.server.baseUrl()).apiKey("k").build();
		BotChatRequest request = BotChatRequest.builder().bot("bot-1").user("hi").build();
		try (BotChatStream stream = client.stream(request)) {
			stream.completion();
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long before = threads.getTotalStartedThreadCount();
		for (int i = 0; i < 100; i++) {
			try (BotChatStream stream = client.stream(request)) {
				assertThat(stream.completion().content()).isNotEmpty();
			}
		}
		assertThat(threads.getTotalStartedThreadCount() - before).as("threads started by 100 calls").isLessThan(20);
	}

}
