package dev.arkchat.bot;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.arkchat.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BotChatTemplateTest {

	private WireMockServer server;

	private BotChatClient client;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		this.server.start();
		this.client = BotChatClient.builder().baseUrl(this.server.baseUrl()).apiKey("k").build();
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).withRequestBody(equalToJson("{\"stream\":true}", true, true))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(Fixtures.asEventStream("bot-chat-v3-stream-include-usage.doc.txt"))));
		this.server.stubFor(post(urlEqualTo(BotChatClient.PATH)).atPriority(10)
			.willReturn(aResponse().withBody(Fixtures.raw("bot-chat-v3-nonstream-multiturn.doc.json"))));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void questionGoesToTheDefaultBot() {
		BotChatOperations bots = new BotChatTemplate(this.client, "bot-default");

		assertThat(bots.chat("What is your name?").content()).contains("Sophie");

		this.server.verify(postRequestedFor(urlEqualTo(BotChatClient.PATH)).withHeader("X-Request-Bot", equalTo("bot-default"))
			.withRequestBody(equalToJson(
					"{\"model\":\"bot-default\",\"messages\":[{\"role\":\"user\",\"content\":\"What is your name?\"}]}")));
	}

	@Test
	void aRequestThatNamesABotKeepsIt() {
		BotChatOperations bots = new BotChatTemplate(this.client, "bot-default");
		try (BotChatStream stream = bots.stream(BotChatRequest.builder().bot("bot-other").user("hi").build())) {
			assertThat(stream.completion().content()).isEqualTo("\nHello 😊");
		}
		this.server.verify(postRequestedFor(urlEqualTo(BotChatClient.PATH))
			.withRequestBody(equalToJson("{\"model\":\"bot-other\",\"stream\":true}", true, true)));
	}

	@Test
	void streamingAQuestion() {
		BotChatOperations bots = new BotChatTemplate(this.client, "bot-default");
		StringBuilder seen = new StringBuilder();
		try (BotChatStream stream = bots.stream("hi")) {
			stream.forEach((chunk) -> seen.append(chunk.content()));
			assertThat(stream.completion().content()).isEqualTo(seen.toString());
		}
		assertThat(seen).hasToString("\nHello 😊");
	}

	@Test
	void withoutDefaultBotTheRequestMustNameOne() {
		BotChatOperations bots = new BotChatTemplate(this.client, null);
		assertThatIllegalArgumentException().isThrownBy(() -> bots.chat("hi"))
			.withMessageContaining("set ark.chat.bot.id");
		assertThat(this.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

}
