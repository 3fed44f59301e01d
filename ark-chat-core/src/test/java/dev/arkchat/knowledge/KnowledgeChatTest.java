package dev.arkchat.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arkchat.ArkBadRequestException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.Fixtures;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ContentPart;
import dev.arkchat.chat.Thinking;
import dev.arkchat.chat.Usage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link KnowledgeClient#chat} and {@link KnowledgeClient#stream} on the wire. */
class KnowledgeChatTest {

	private static final String REQUEST_ID = "02172182782007500000000000000000000ffff0a0040acf7106c";

	private static WireMockServer wireMock;

	private KnowledgeClient client;

	@BeforeAll
	static void start() {
		wireMock = KnowledgeWireMock.start();
	}

	@AfterAll
	static void stop() {
		wireMock.stop();
	}

	@BeforeEach
	void reset() {
		wireMock.resetAll();
		this.client = KnowledgeWireMock.client(wireMock).build();
	}

	/** The documented stream tail, framed as it travels, with its {@code {...}} elision removed. */
	static String documentedStreamTail() {
		return Fixtures.raw("knowledge-search_and_generate-stream-tail.doc.txt")
			.lines()
			.filter((line) -> !line.isBlank() && !line.strip().equals("{...}"))
			.map((line) -> "data: " + line + "\n\n")
			.collect(Collectors.joining());
	}

	static String event(String data) {
		return "data: {\"code\":0,\"data\":" + data + ",\"message\":\"success\",\"request_id\":\"" + REQUEST_ID
				+ "\"}\n\n";
	}

	@Test
	void sendsEveryFieldOfTheRequestAndNeverShowsTheApiKey() {
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.CHAT_PATH, 200,
				Fixtures.raw("knowledge-chat-completions-response.doc.json"));
		KnowledgeChatRequest request = KnowledgeChatRequest.builder()
			.model("ep-20240604000000-abcde")
			.modelVersion("250115")
			.thinking(Thinking.DISABLED)
			.apiKey("private-endpoint-key")
			.system("prompt template")
			.user("history content")
			.assistant("history answer")
			.message(ChatMessage.user(ContentPart.text("推荐一个适合 3 岁小孩的玩具"),
					ContentPart.imageUrl("https://ark-project.tos-cn-beijing.volces.com/top1.jpeg")))
			.maxTokens(4096)
			.temperature(0.1)
			.returnTokenUsage(true)
			.extraBody("top_p", 0.7)
			.build();

		this.client.chat(request);

		wireMock.verify(postRequestedFor(urlEqualTo("/api/knowledge/chat/completions"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"model": "ep-20240604000000-abcde", "model_version": "250115", "thinking": {"type": "disabled"},
					 "api_key": "private-endpoint-key",
					 "messages": [{"role": "system", "content": "prompt template"},
					              {"role": "user", "content": "history content"},
					              {"role": "assistant", "content": "history answer"},
					              {"role": "user", "content": [
					                {"type": "text", "text": "推荐一个适合 3 岁小孩的玩具"},
					                {"type": "image_url", "image_url":
					                  {"url": "https://ark-project.tos-cn-beijing.volces.com/top1.jpeg"}}]}],
					 "max_tokens": 4096, "temperature": 0.1, "return_token_usage": true, "top_p": 0.7}""")));
		assertThat(request.toString()).doesNotContain("private-endpoint-key").contains("apiKey=******");
	}

	@Test
	void readsTheDocumentedAnswerWithItsUsageDecoded() {
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.CHAT_PATH, 200,
				Fixtures.raw("knowledge-chat-completions-response.doc.json"));

		KnowledgeChatCompletion answer = this.client.chat(KnowledgeChatRequest.builder().user("HNSW?").build());

		assertThat(answer.generatedAnswer()).startsWith("HNSW（Hierarchical Navigable Small World）是一种")
			.endsWith("用于解决大规模数据集中的最近邻搜索问题。");
		assertThat(answer.usage()).isEqualTo(new Usage(13, 217, 230));
		assertThat(answer.reasoningContent()).isNull();
		assertThat(answer.requestId()).isEqualTo("02172742276364600000000000000000000ffff0a00406fa14e0d");
	}

	@Test
	void readsTheReasoningOfAReasoningModel() {
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.CHAT_PATH, 200, """
				{"code": 0, "message": "success", "request_id": "r1",
				 "data": {"generated_answer": "42", "reasoning_content": "先想一想……", "usage": ""}}""");

		KnowledgeChatCompletion answer = this.client.chat(KnowledgeChatRequest.builder().user("?").build());

		assertThat(answer.generatedAnswer()).isEqualTo("42");
		assertThat(answer.reasoningContent()).isEqualTo("先想一想……");
		assertThat(answer.usage()).as("an empty usage string is no usage").isNull();
	}

	@Test
	void aStreamEndsAtTheEventWithEndTrueAndDecodesItsUsage() {
		KnowledgeWireMock.answerEvents(wireMock, KnowledgeClient.CHAT_PATH, documentedStreamTail());

		List<KnowledgeChatChunk> chunks = new ArrayList<>();
		KnowledgeChatCompletion whole;
		try (KnowledgeChatStream stream = this.client.stream(KnowledgeChatRequest.builder().user("切片").build())) {
			stream.forEach(chunks::add);
			whole = stream.completion();
			assertThat(stream.isFinished()).isTrue();
		}

		assertThat(chunks).hasSize(2);
		assertThat(chunks.get(0).generatedAnswer()).isEqualTo("知识库页面下设置知识库使用的切片规则与使用的");
		assertThat(chunks.get(0).end()).isFalse();
		assertThat(chunks.get(1).end()).isTrue();
		assertThat(chunks.get(1).usage()).isEqualTo(new Usage(939, 2, 941));
		assertThat(whole.generatedAnswer()).isEqualTo("知识库页面下设置知识库使用的切片规则与使用的");
		assertThat(whole.usage()).isEqualTo(new Usage(939, 2, 941));
		assertThat(whole.requestId()).isEqualTo(REQUEST_ID);
		wireMock.verify(postRequestedFor(urlEqualTo(KnowledgeClient.CHAT_PATH))
			.withHeader("Accept", equalTo("text/event-stream, application/json"))
			.withRequestBody(equalToJson("""
					{"messages": [{"role": "user", "content": "切片"}], "stream": true}""")));
	}

	@Test
	void aStreamAlsoEndsAtDone() {
		KnowledgeWireMock.answerEvents(wireMock, KnowledgeClient.CHAT_PATH,
				event("{\"reasoning_content\":\"想\",\"generated_answer\":\"\"}")
						+ event("{\"generated_answer\":\"你好\"}") + event("{\"generated_answer\":\"！\"}")
						+ "data: [DONE]\n\n");

		try (KnowledgeChatStream stream = this.client.stream(KnowledgeChatRequest.builder().user("hi").build())) {
			KnowledgeChatCompletion whole = stream.completion();
			assertThat(whole.generatedAnswer()).isEqualTo("你好！");
			assertThat(whole.reasoningContent()).isEqualTo("想");
			assertThat(whole.usage()).isNull();
			assertThat(stream.isFinished()).isTrue();
		}
	}

	@Test
	void aStreamEndingWithEndTrueThenDoneEndsOnce() {
		KnowledgeWireMock.answerEvents(wireMock, KnowledgeClient.CHAT_PATH, event("{\"generated_answer\":\"a\"}")
				+ event("{\"generated_answer\":\"\",\"end\":true}") + "data: [DONE]\n\n");

		try (KnowledgeChatStream stream = this.client.stream(KnowledgeChatRequest.builder().user("hi").build())) {
			assertThat(stream.stream().map(KnowledgeChatChunk::generatedAnswer)).containsExactly("a", "");
		}
	}

	@Test
	void aStreamCutOffBeforeEitherEndFailsWithWhatArrived() {
		KnowledgeWireMock.answerEvents(wireMock, KnowledgeClient.CHAT_PATH,
				event("{\"generated_answer\":\"知识库\"}") + event("{\"generated_answer\":\"页面\"}"));

		try (KnowledgeChatStream stream = this.client.stream(KnowledgeChatRequest.builder().user("hi").build())) {
			assertThatExceptionOfType(ArkStreamException.class).isThrownBy(stream::completion)
				.withMessageContaining("without its terminator")
				.satisfies((ex) -> {
					assertThat(ex.getPartial()).isInstanceOf(KnowledgeChatCompletion.class);
					assertThat(((KnowledgeChatCompletion) ex.getPartial()).generatedAnswer()).isEqualTo("知识库页面");
					assertThat(ex.getCode()).isNull();
				});
		}
	}

	@Test
	void anErrorEnvelopeInsideTheStreamFailsItWithTheCodesType() {
		KnowledgeWireMock.answerEvents(wireMock, KnowledgeClient.CHAT_PATH, event("{\"generated_answer\":\"a\"}")
				+ "data: {\"code\":1000003,\"message\":\"invalid request：messages\",\"request_id\":\"req-9\"}\n\n");

		try (KnowledgeChatStream stream = this.client.stream(KnowledgeChatRequest.builder().user("hi").build())) {
			assertThatExceptionOfType(ArkStreamException.class).isThrownBy(stream::completion).satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("1000003");
				assertThat(ex.getRequestId()).isEqualTo("req-9");
				assertThat(ex.getMessage()).contains("invalid request：messages");
				assertThat(ex).hasRootCauseInstanceOf(ArkBadRequestException.class);
				assertThat(ex.getPartial()).isNotNull();
			});
		}
	}

	@Test
	void checksTheRequestBeforeSendingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.chat(KnowledgeChatRequest.builder().build()))
			.withMessage("messages must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.chat(KnowledgeChatRequest.builder().user("q").temperature(1.5).build()))
			.withMessage("temperature must be in [0, 1] but was 1.5");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.stream(KnowledgeChatRequest.builder().user("q").maxTokens(0).build()))
			.withMessage("max_tokens must be at least 1 but was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client
				.chat(KnowledgeChatRequest.builder().message(ChatMessage.tool("call_1", "42")).build()))
			.withMessageContaining("messages[0].role must be one of system, user, assistant but was tool");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.chat(KnowledgeChatRequest.builder()
				.message(ChatMessage.user(ContentPart.videoUrl("https://example.com/v.mp4")))
				.build()))
			.withMessage("messages[0].content parts must be text or image_url but one was video_url");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.chat(KnowledgeChatRequest.builder().user("q").apiKey(" ").build()))
			.withMessageContaining("api_key must not be blank");
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

}
