package dev.arkchat.context;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.arkchat.http.RetrySettings;
import dev.arkchat.chat.ChatMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.concurrent.ConcurrentMapCache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link ContextChatTemplate}: defaults where requests leave gaps, request values otherwise. */
class ContextChatTemplateTest {

	private static WireMockServer wireMock;

	private ContextClient client;

	@BeforeAll
	static void start() {
		wireMock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		wireMock.start();
	}

	@AfterAll
	static void stop() {
		wireMock.stop();
	}

	@BeforeEach
	void setUp() {
		wireMock.resetAll();
		wireMock.stubFor(post(urlEqualTo(ContextClient.CREATE_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\": \"ctx-1\", \"model\": \"ep-default\", \"ttl\": \"7200\", \"mode\": \"session\"}")));
		wireMock.stubFor(post(urlEqualTo(ContextClient.CHAT_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\": \"a\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", "
					+ "\"content\": \"hello\"}, \"finish_reason\": \"stop\"}]}")));
		this.client = ContextClient.builder().baseUrl("http://127.0.0.1:" + wireMock.port()).apiKey("k")
			.transport((t) -> t.retry(RetrySettings.NONE)).build();
	}

	private ContextChatTemplate withDefaults() {
		return ContextChatTemplate.builder(this.client)
			.endpointId(" ep-default ")
			.ttl(Duration.ofHours(2))
			.truncationStrategy(TruncationStrategy.ofRollingTokens())
			.build();
	}

	@Test
	void createContextFillsTheDefaults() {
		ContextCreateResult context = withDefaults().createContext("You are Li Lei.");

		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CREATE_PATH)).withRequestBody(equalToJson("""
				{"model": "ep-default", "messages": [{"role": "system", "content": "You are Li Lei."}],
				 "ttl": 7200, "truncation_strategy": {"type": "rolling_tokens", "rolling_tokens": true}}""")));
		assertThat(context.id()).isEqualTo("ctx-1");
		assertThat(context.ttl()).isEqualTo(7200L);
	}

	@Test
	void requestValuesWinAndTruncationIsNotAddedOutsideSessionMode() {
		withDefaults().createContext(ContextCreateRequest.builder()
			.endpoint("ep-other")
			.mode(ContextMode.COMMON_PREFIX)
			.ttlSeconds(3600L)
			.system("prefix")
			.build());

		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CREATE_PATH)).withRequestBody(equalToJson("""
				{"model": "ep-other", "messages": [{"role": "system", "content": "prefix"}],
				 "mode": "common_prefix", "ttl": 3600}""")));
	}

	@Test
	void aRequestsOwnTruncationWins() {
		withDefaults().createContext(ContextCreateRequest.builder()
			.system("s")
			.mode(ContextMode.SESSION)
			.truncationStrategy(TruncationStrategy.ofLastHistoryTokens(1024))
			.build());

		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CREATE_PATH)).withRequestBody(equalToJson("""
				{"model": "ep-default", "messages": [{"role": "system", "content": "s"}], "mode": "session",
				 "ttl": 7200, "truncation_strategy": {"type": "last_history_tokens", "last_history_tokens": 1024}}""")));
	}

	@Test
	void chatSendsOneUserMessageToTheDefaultEndpoint() {
		ContextChatCompletion answer = withDefaults().chat("ctx-9", "hi");

		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CHAT_PATH)).withRequestBody(equalToJson("""
				{"model": "ep-default", "context_id": "ctx-9", "messages": [{"role": "user", "content": "hi"}]}""")));
		assertThat(answer.content()).isEqualTo("hello");
	}

	@Test
	void aRequestsEndpointWins() {
		withDefaults().chat(ContextChatRequest.builder().endpoint("ep-x").contextId("ctx-9").user("hi").build());

		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CHAT_PATH)).withRequestBody(equalToJson("""
				{"model": "ep-x", "context_id": "ctx-9", "messages": [{"role": "user", "content": "hi"}]}""")));
	}

	@Test
	void streamSendsOneUserMessageToTheDefaultEndpoint() {
		wireMock.stubFor(post(urlEqualTo(ContextClient.CHAT_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"id\":\"a\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hel\"}}]}\n\n"
					+ "data: {\"id\":\"a\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}\n\ndata: [DONE]\n\n")));

		try (ContextChatStream stream = withDefaults().stream("ctx-9", "hi")) {
			assertThat(stream.completion().content()).isEqualTo("hello");
		}

		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CHAT_PATH)).withRequestBody(equalToJson("""
				{"model": "ep-default", "context_id": "ctx-9", "messages": [{"role": "user", "content": "hi"}],
				 "stream": true}""")));
	}

	@Test
	void withoutAnyEndpointNothingIsSentAndThePropertyIsNamed() {
		ContextChatTemplate template = new ContextChatTemplate(this.client, null);

		assertThatIllegalArgumentException().isThrownBy(() -> template.chat("ctx-1", "hi"))
			.withMessageContaining("ark.chat.context.endpoint-id");
		assertThatIllegalArgumentException().isThrownBy(() -> template.stream("ctx-1", "hi"))
			.withMessageContaining("ark.chat.context.endpoint-id");
		assertThatIllegalArgumentException().isThrownBy(() -> template.createContext("s"))
			.withMessageContaining("ark.chat.context.endpoint-id");
		assertThatIllegalArgumentException().isThrownBy(() -> template.sessions().chat("c1", "hi"))
			.withMessageContaining("ark.chat.context.endpoint-id");
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void invalidDefaultsFailWhenTheTemplateIsBuilt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContextChatTemplate.builder(this.client).ttl(Duration.ofMinutes(5)).build())
			.withMessageContaining("ark.chat.context")
			.withMessageContaining("ttl (seconds) must be in [3600, 604800] but was 300");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContextChatTemplate.builder(this.client).mode(ContextMode.of("fifo")).build())
			.withMessageContaining("mode must be one of session, common_prefix but was 'fifo'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContextChatTemplate.builder(this.client)
				.mode(ContextMode.COMMON_PREFIX)
				.truncationStrategy(TruncationStrategy.ofRollingTokens())
				.build())
			.withMessageContaining("truncation_strategy is only allowed in mode session");
	}

	@Test
	void invalidSessionMessagesFailWhenTheTemplateIsBuilt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContextChatTemplate.builder(this.client)
				.sessionInitialMessages(List.of(ChatMessage.user("hi"), ChatMessage.assistant("hello")))
				.build())
			.withMessageContaining("ark.chat.context")
			.withMessageContaining("messages[1].role (the last message) must be one of system, user, tool");
	}

	@Test
	void sessionsStartWithTheConfiguredPromptAndUseTheConfiguredCache() {
		ConcurrentMapCache cache = new ConcurrentMapCache("mine");
		ContextChatTemplate template = ContextChatTemplate.builder(this.client)
			.endpointId("ep-default")
			.sessionSystemPrompt("You are Li Lei.")
			.sessionCache(cache)
			.build();

		template.sessions().chat("alice", "hi");

		assertThat(template.sessions().getInitialMessages()).containsExactly(ChatMessage.system("You are Li Lei."));
		assertThat(template.sessions().getCache()).isSameAs(cache);
		assertThat(cache.get("alice", String.class)).isEqualTo("ctx-1");
		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CREATE_PATH)).withRequestBody(equalToJson("""
				{"model": "ep-default", "messages": [{"role": "system", "content": "You are Li Lei."}],
				 "mode": "session"}""")));
		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CHAT_PATH)).withRequestBody(equalToJson("""
				{"model": "ep-default", "context_id": "ctx-1", "messages": [{"role": "user", "content": "hi"}]}""")));
	}

	@Test
	void exposesItsDefaults() {
		ContextChatTemplate template = withDefaults();

		assertThat(template.getDefaultEndpointId()).isEqualTo("ep-default");
		assertThat(template.getDefaultMode()).isNull();
		assertThat(template.getDefaultTtl()).isEqualTo(7200L);
		assertThat(template.getDefaultTruncationStrategy()).isEqualTo(TruncationStrategy.ofRollingTokens());
		assertThat(template.sessions()).isSameAs(template.sessions());
		assertThat(template.toString()).contains("ep-default", "7200");
	}

}
