package dev.arkchat.context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.arkchat.http.RetrySettings;
import dev.arkchat.ArkNotFoundException;
import dev.arkchat.ArkPermissionException;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.Thinking;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ContextClient} on the wire: exact requests, the documentation's answers, busy contexts. */
class ContextClientTest {

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
		this.client = ContextClient.builder()
			.baseUrl("http://127.0.0.1:" + wireMock.port())
			.apiKeyProvider((endpointId) -> "key-for-" + endpointId)
			.transport((t) -> t.retry(RetrySettings.NONE))
			.build();
	}

	static String fixture(String name) throws IOException {
		try (InputStream in = ContextClientTest.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void answer(String path, String json) {
		wireMock.stubFor(post(urlEqualTo(path)).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
	}

	@Test
	void createSendsTheSessionRequestAndReadsTheDocumentedAnswerWithTtlAsString() throws IOException {
		answer(ContextClient.CREATE_PATH, fixture("context-create-session-response.doc.txt"));

		ContextCreateResult context = this.client.create(ContextCreateRequest.builder()
			.endpoint("ep-20240101-abcde")
			.system("你是李雷，你只会说“我是李雷”")
			.mode(ContextMode.SESSION)
			.ttl(Duration.ofHours(1))
			.truncationStrategy(TruncationStrategy.ofLastHistoryTokens(4096))
			.build());

		wireMock.verify(postRequestedFor(urlEqualTo("/api/v3/context/create"))
			.withHeader("Authorization", equalTo("Bearer key-for-ep-20240101-abcde"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("X-Client-Request-Id", matching("\\d{14}[A-Za-z0-9]{20}"))
			.withRequestBody(equalToJson("""
					{"model": "ep-20240101-abcde",
					 "messages": [{"role": "system", "content": "你是李雷，你只会说“我是李雷”"}],
					 "mode": "session",
					 "ttl": 3600,
					 "truncation_strategy": {"type": "last_history_tokens", "last_history_tokens": 4096}}""")));
		assertThat(context.id()).isEqualTo("<YOUR_CONTEXT_ID>");
		assertThat(context.model()).isEqualTo("<YOUR_ENDPOINT_ID>");
		assertThat(context.mode()).isEqualTo(ContextMode.SESSION);
		assertThat(context.ttl()).isEqualTo(3600L);
		assertThat(context.ttlDuration()).isEqualTo(Duration.ofHours(1));
		assertThat(context.truncationStrategy())
			.isEqualTo(new TruncationStrategy("last_history_tokens", 4096, null, null, null));
		assertThat(context.usage().promptTokens()).isEqualTo(18);
		assertThat(context.usage().totalTokens()).isEqualTo(18);
		assertThat(context.usage().promptTokensDetails()).isNotNull();
		assertThat(context.usage().cachedTokens()).isZero();
	}

	@Test
	void createInCommonPrefixModeSendsNoTruncationAndTheServersTtlWins() throws IOException {
		answer(ContextClient.CREATE_PATH, fixture("context-create-common_prefix-response.doc.txt"));

		ContextCreateResult context = this.client.create(ContextCreateRequest.builder()
			.endpoint("ep-1")
			.system("You are a librarian.")
			.user("Here is the catalogue: ...")
			.mode(ContextMode.COMMON_PREFIX)
			.ttlSeconds(86400L)
			.build());

		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CREATE_PATH)).withRequestBody(equalToJson("""
				{"model": "ep-1",
				 "messages": [{"role": "system", "content": "You are a librarian."},
				              {"role": "user", "content": "Here is the catalogue: ..."}],
				 "mode": "common_prefix",
				 "ttl": 86400}""")));
		assertThat(context.mode()).isEqualTo(ContextMode.COMMON_PREFIX);
		assertThat(context.ttl()).isEqualTo(259200L);
		assertThat(context.truncationStrategy()).isNull();
		assertThat(context.usage().promptTokens()).isEqualTo(18);
	}

	@Test
	void createLeavesOutWhatIsNotSetAndSendsExtraFields() {
		answer(ContextClient.CREATE_PATH, """
				{"id": "ctx-42", "model": "ep-1", "ttl": 7200, "mode": "session", "future_field": true,
				 "truncation_strategy": {"type": "rolling_tokens", "rolling_tokens": true}}""");

		ContextCreateResult context = this.client.create(ContextCreateRequest.builder()
			.endpoint("ep-1")
			.system("Be brief.")
			.extraBody("project_name", "demo")
			.build());

		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CREATE_PATH)).withRequestBody(equalToJson("""
				{"model": "ep-1", "messages": [{"role": "system", "content": "Be brief."}],
				 "project_name": "demo"}""")));
		assertThat(context.id()).isEqualTo("ctx-42");
		assertThat(context.ttl()).as("ttl as a number").isEqualTo(7200L);
		assertThat(context.truncationStrategy()).isEqualTo(TruncationStrategy.ofRollingTokens());
		assertThat(context.usage()).isNull();
	}

	@Test
	void aCreateAnswerWithoutIdIsAnError() {
		answer(ContextClient.CREATE_PATH, "{\"model\": \"ep-1\", \"ttl\": \"3600\"}");

		assertThatThrownBy(() -> this.client.create(ContextCreateRequest.builder().endpoint("ep-1").build()))
			.isInstanceOf(dev.arkchat.ArkException.class)
			.hasMessageContaining("no id");
	}

	@Test
	void chatSendsTheSharedFieldsWithTheContextIdAndReadsTheDocumentedAnswer() throws IOException {
		// the documentation prints this answer with a trailing comma, a masked number and a missing brace: repair
		// exactly those three, keep every field name
		String printed = fixture("context-chat-session-response.doc.txt");
		String repaired = printed.replace("\"我是李雷\",", "\"我是李雷\"").replace("167765****", "1677652288") + "}";
		answer(ContextClient.CHAT_PATH, repaired);

		ContextChatCompletion completion = this.client.chat(ContextChatRequest.builder()
			.endpoint("ep-1")
			.contextId("ctx-1")
			.user("你好")
			.maxTokens(100)
			.stop("你好", "天气")
			.frequencyPenalty(1.0)
			.presencePenalty(1.0)
			.temperature(0.8)
			.topP(0.8)
			.logprobs(true)
			.topLogprobs(2)
			.logitBias(Map.of("1024", -100))
			.thinking(Thinking.DISABLED)
			.extraBody("service_tier", "auto")
			.build());

		wireMock.verify(postRequestedFor(urlEqualTo("/api/v3/context/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer key-for-ep-1"))
			.withHeader("Accept", WireMock.containing("application/json"))
			.withRequestBody(equalToJson("""
					{"model": "ep-1", "context_id": "ctx-1",
					 "messages": [{"role": "user", "content": "你好"}],
					 "max_tokens": 100, "stop": ["你好", "天气"], "frequency_penalty": 1.0, "presence_penalty": 1.0,
					 "temperature": 0.8, "top_p": 0.8, "logprobs": true, "top_logprobs": 2,
					 "logit_bias": {"1024": -100}, "thinking": {"type": "disabled"}, "service_tier": "auto"}""")));
		assertThat(completion.id()).isEqualTo("****");
		assertThat(completion.object()).isEqualTo("chat.completion");
		assertThat(completion.created()).isEqualTo(1677652288L);
		assertThat(completion.model()).isEqualTo("<YOUR_ENDPOINT_ID>");
		assertThat(completion.content()).isEqualTo("我是李雷");
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.usage().promptTokens()).isEqualTo(28);
		assertThat(completion.usage().completionTokens()).isEqualTo(4);
		assertThat(completion.usage().totalTokens()).isEqualTo(32);
		assertThat(completion.usage().cachedTokens()).isEqualTo(18);
		assertThat(completion.cachedTokens()).isEqualTo(18);
	}

	@Test
	void streamSendsStreamTrueAndMergesTheChunks() {
		String envelope = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m-1\",";
		String first = "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"我是\"}}]}";
		String last = "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"李雷\"},\"finish_reason\":\"stop\"}]}";
		String usage = "\"choices\":[],\"usage\":{\"prompt_tokens\":28,\"completion_tokens\":4,\"total_tokens\":32,"
				+ "\"prompt_tokens_details\":{\"cached_tokens\":18}}}";
		wireMock.stubFor(post(urlEqualTo(ContextClient.CHAT_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody("data: " + envelope + first + "\n\n: ping\n\ndata: " + envelope + last + "\n\ndata: "
					+ envelope + usage + "\n\ndata: [DONE]\n\n")));

		List<String> pieces = new ArrayList<>();
		ContextChatCompletion completion;
		try (ContextChatStream stream = this.client.stream(ContextChatRequest.builder()
			.endpoint("ep-1")
			.contextId("ctx-1")
			.user("你好")
			.includeUsage()
			.build())) {
			stream.forEach((chunk) -> pieces.add(chunk.content()));
			completion = stream.completion();
			assertThat(stream.isFinished()).isTrue();
		}

		wireMock.verify(postRequestedFor(urlEqualTo(ContextClient.CHAT_PATH))
			.withHeader("Accept", WireMock.containing("text/event-stream"))
			.withRequestBody(equalToJson("""
					{"model": "ep-1", "context_id": "ctx-1", "messages": [{"role": "user", "content": "你好"}],
					 "stream": true, "stream_options": {"include_usage": true}}""")));
		assertThat(pieces).containsExactly("我是", "李雷", "");
		assertThat(completion.content()).isEqualTo("我是李雷");
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.model()).isEqualTo("m-1");
		assertThat(completion.cachedTokens()).isEqualTo(18);
	}

	@Test
	void aStreamCutOffBeforeItsTerminatorFailsWithWhatArrived() {
		wireMock.stubFor(post(urlEqualTo(ContextClient.CHAT_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"half\"}}]}\n\n")));

		ContextChatStream stream = this.client.stream(ContextChatRequest.builder()
			.endpoint("ep-1").contextId("ctx-1").user("hi").build());

		assertThatThrownBy(stream::completion).isInstanceOfSatisfying(dev.arkchat.ArkStreamException.class,
				(ex) -> assertThat(((ContextChatCompletion) ex.getPartial()).content()).isEqualTo("half"));
		assertThat(stream.isClosed()).isTrue();
	}

	@Test
	void aBusyContextIsReportedAsContextBusyException() {
		wireMock.stubFor(post(urlEqualTo(ContextClient.CHAT_PATH)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "0217busy")
			.withBody("""
					{"error": {"code": "OperationDenied.InvalidState",
					 "message": "The specified context is in invalid state: InProgress.Request ID: 0217busy",
					 "param": "", "type": "Forbidden"}}""")));
		ContextChatRequest request = ContextChatRequest.builder().endpoint("ep-1").contextId("ctx-7").user("hi").build();

		assertThatThrownBy(() -> this.client.chat(request)).isInstanceOfSatisfying(ContextBusyException.class, (ex) -> {
			assertThat(ex.getStatusCode()).isEqualTo(403);
			assertThat(ex.getCode()).isEqualTo("OperationDenied.InvalidState");
			assertThat(ex.getContextId()).isEqualTo("ctx-7");
			assertThat(ex.getConversationId()).isNull();
			assertThat(ex.getRequestId()).isEqualTo("0217busy");
			assertThat(ex.getMessage()).contains("ctx-7", "busy", "one call at a time", "InProgress");
		});
		assertThatThrownBy(() -> this.client.stream(request)).isInstanceOf(ContextBusyException.class);
	}

	@Test
	void otherRefusalsKeepTheirType() {
		wireMock.stubFor(post(urlEqualTo(ContextClient.CHAT_PATH)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"code\": \"AccessDenied\", \"message\": \"no\", \"type\": \"Forbidden\"}}")));
		ContextChatRequest request = ContextChatRequest.builder().endpoint("ep-1").contextId("ctx-7").user("hi").build();

		assertThatThrownBy(() -> this.client.chat(request)).isExactlyInstanceOf(ArkPermissionException.class);

		wireMock.stubFor(post(urlEqualTo(ContextClient.CHAT_PATH)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"code\": \"NotFound\", \"message\": \"The specified context is not found\"}}")));
		assertThatThrownBy(() -> this.client.chat(request)).isExactlyInstanceOf(ArkNotFoundException.class);
		assertThat(wireMock.getAllServeEvents()).as("the client itself never retries").hasSize(2);
	}

	@Test
	void theApiKeyStaysOutOfToString() {
		ContextClient withKey = ContextClient.builder().apiKey("sk-very-secret").build();

		assertThat(withKey.toString()).doesNotContain("sk-very-secret");
	}

	@Test
	void aBuilderWithoutKeyFails() {
		assertThatThrownBy(() -> ContextClient.builder().build()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("apiKey");
	}

	@Test
	void requestsAreSerializedWithTheWireMapperOnly() {
		ContextCreateRequest request = ContextCreateRequest.builder()
			.endpoint("ep-1")
			.message(ChatMessage.system("s"))
			.truncationStrategy(new TruncationStrategy("last_history_tokens", 10, null, 2048, null))
			.build();

		assertThat(ArkJson.mapper().valueToTree(request).toString()).isEqualTo("{\"model\":\"ep-1\",\"messages\":"
				+ "[{\"role\":\"system\",\"content\":\"s\"}],\"truncation_strategy\":{\"type\":\"last_history_tokens\","
				+ "\"last_history_tokens\":10,\"max_window_tokens\":2048}}");
	}

}
