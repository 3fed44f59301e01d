package dev.arkchat.bot;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.arkchat.Fixtures;
import dev.arkchat.chat.ChatOptions;
import dev.arkchat.chat.Thinking;
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

	@Test
	void defaultsFillWhatTheRequestLeavesUnset() {
		BotChatOperations bots = BotChatTemplate.builder(this.client)
			.defaultBot("bot-sales")
			.temperature(0.2)
			.maxTokens(512)
			.topP(0.9)
			.thinking(Thinking.DISABLED)
			.systemPrompt("You sell mountains.")
			.build();

		bots.chat("Which is the tallest?");

		this.server.verify(postRequestedFor(urlEqualTo(BotChatClient.PATH)).withRequestBody(equalToJson("""
				{"model":"bot-sales",
				 "messages":[{"role":"system","content":"You sell mountains."},
				             {"role":"user","content":"Which is the tallest?"}],
				 "temperature":0.2,"max_tokens":512,"top_p":0.9,"thinking":{"type":"disabled"}}
				""")));
	}

	@Test
	void whatTheRequestSetsWinsOverTheDefaults() {
		BotChatOperations bots = BotChatTemplate.builder(this.client)
			.defaultBot("bot-sales")
			.temperature(0.2)
			.maxTokens(512)
			.systemPrompt("You sell mountains.")
			.build();

		try (BotChatStream stream = bots.stream(BotChatRequest.builder()
			.bot("bot-other")
			.system("You are brief.")
			.user("hi")
			.temperature(0.7)
			.userInfo("{\"name\":\"Li\"}")
			.extraBody("service_tier", "auto")
			.build())) {
			stream.completion();
		}

		this.server.verify(postRequestedFor(urlEqualTo(BotChatClient.PATH)).withRequestBody(equalToJson("""
				{"model":"bot-other","stream":true,
				 "messages":[{"role":"system","content":"You are brief."},{"role":"user","content":"hi"}],
				 "temperature":0.7,"max_tokens":512,
				 "metadata":{"user_info":"{\\"name\\":\\"Li\\"}"},"service_tier":"auto"}
				""")));
	}

	@Test
	void withoutDefaultsTheRequestIsSentAsItIs() {
		BotChatTemplate bots = BotChatTemplate.builder(this.client).defaultBot("bot-default").build();
		assertThat(bots.getDefaultOptions()).isEqualTo(ChatOptions.DEFAULTS);
		assertThat(bots.getSystemPrompt()).isNull();

		bots.chat("hi");

		this.server.verify(postRequestedFor(urlEqualTo(BotChatClient.PATH)).withRequestBody(equalToJson(
				"{\"model\":\"bot-default\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
	}

	@Test
	void outOfRangeDefaultsAreRefusedWhenBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> BotChatTemplate.builder(this.client).temperature(1.5))
			.withMessage("temperature must be in [0, 1] but was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> BotChatTemplate.builder(this.client).maxTokens(5000))
			.withMessage("max_tokens must be in [0, 4096] but was 5000");
	}

	@Test
	void toStringShowsTheDefaultsButNotThePrompt() {
		BotChatTemplate bots = BotChatTemplate.builder(this.client)
			.defaultBot("bot-sales")
			.temperature(0.2)
			.systemPrompt("secret sauce")
			.build();
		assertThat(bots.toString()).contains("bot-sales").contains("temperature=0.2").doesNotContain("secret sauce");
	}

}
