package dev.arkchat.test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkNotFoundException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.ArkServerException;
import dev.arkchat.ArkStreamException;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.auth.VolcengineSigner;
import dev.arkchat.chat.Usage;
import dev.arkchat.http.ArkJson;
import dev.arkchat.http.RetrySettings;
import dev.arkchat.knowledge.KnowledgeAnswer;
import dev.arkchat.knowledge.KnowledgeChatChunk;
import dev.arkchat.knowledge.KnowledgeChatCompletion;
import dev.arkchat.knowledge.KnowledgeChatRequest;
import dev.arkchat.knowledge.KnowledgeChatStream;
import dev.arkchat.knowledge.KnowledgeChunk;
import dev.arkchat.knowledge.KnowledgeClient;
import dev.arkchat.knowledge.KnowledgeOperations;
import dev.arkchat.knowledge.KnowledgeSearchRequest;
import dev.arkchat.knowledge.KnowledgeSearchResult;
import dev.arkchat.knowledge.KnowledgeTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The fake knowledge base, called by the real {@link KnowledgeClient}: signature check, search, chat, errors. */
class KnowledgeMockTests {

	static final String AK = "AKLTmockknowledge000000000000";

	static final String SK = "bW9jay1zZWNyZXQta2V5";

	static ArkMockServer ark;

	KnowledgeClient client;

	@BeforeAll
	static void startServer() {
		ark = ArkMockServer.start();
	}

	@AfterAll
	static void stopServer() {
		ark.close();
	}

	@BeforeEach
	void setUp() {
		ark.reset();
		ark.knowledge().credentials(AK, SK);
		this.client = client(SK);
	}

	static KnowledgeClient client(String secret) {
		return KnowledgeClient.builder()
			.baseUrl(ark.baseUrl())
			.credentials(AK, secret)
			.transport((t) -> t.retry(RetrySettings.NONE))
			.build();
	}

	static KnowledgeSearchRequest search(String query) {
		return KnowledgeSearchRequest.builder().collection("docs").query(query).build();
	}

	@Test
	void aSignedSearchFindsTheDefaultChunk() {
		KnowledgeSearchResult result = this.client.search(search("What is Ark?"));

		assertThat(result.collectionName()).isEqualTo("docs");
		assertThat(result.count()).isEqualTo(1);
		assertThat(result.requestId()).hasSize(53);
		KnowledgeChunk chunk = result.chunks().get(0);
		assertThat(chunk.content()).isEqualTo("Mock reference for: What is Ark?");
		assertThat(chunk.docName()).isEqualTo("ark-chat-mock.md");
		assertThat(chunk.docInfo().docMeta("doc_id")).isEqualTo(chunk.docInfo().docId());
		RecordedRequest sent = ark.requests().get(0);
		assertThat(sent.header("Authorization")).startsWith("HMAC-SHA256 Credential=" + AK + "/");
	}

	@Test
	void aWrongSecretOrAnUnsignedRequestIsUnauthorized() throws Exception {
		assertThatExceptionOfType(ArkAuthenticationException.class)
			.isThrownBy(() -> client("d3Jvbmctc2VjcmV0").search(search("q")))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(401);
				assertThat(ex.getCode()).isEqualTo("1000001");
				assertThat(ex.getRequestId()).hasSize(53);
			});

		RawHttp.Response unsigned = RawHttp.post(ark, KnowledgeClient.SEARCH_PATH, null,
				"{\"name\":\"docs\",\"query\":\"q\"}");
		assertThat(unsigned.status()).isEqualTo(401);
		assertThat(ArkJson.mapper().readTree(unsigned.body()).path("code").asInt()).isEqualTo(1000001);
		assertThat(unsigned.body()).doesNotContain(SK);
	}

	@Test
	void withoutCredentialsOnlyTheFormOfTheSignatureIsChecked() throws Exception {
		ark.reset();

		assertThat(client("YW55LXNlY3JldA==").search(search("q")).count()).isEqualTo(1);
		RawHttp.Response forged = RawHttp.post(ark, KnowledgeClient.SEARCH_PATH,
				"HMAC-SHA256 Credential=AK/20250101/cn-north-1/ark/request, SignedHeaders=host;x-date, Signature="
						+ "0".repeat(64),
				"{\"name\":\"docs\",\"query\":\"q\"}");
		assertThat(forged.status()).as("service ark is not the knowledge base's").isEqualTo(401);
	}

	@Test
	void aRequestSignedByHandIsCheckedAndAnInvalidOneRefusedWithCode1000003() throws Exception {
		byte[] body = "{\"name\":\"docs\"}".getBytes(StandardCharsets.UTF_8);
		URI uri = URI.create(ark.baseUrl() + KnowledgeClient.SEARCH_PATH);
		HttpHeaders headers = new HttpHeaders();
		headers.set("Content-Type", "application/json");
		VolcengineSigner signer = VolcengineSigner.builder(VolcengineCredentials.of(AK, SK))
			.service("air")
			.region("cn-north-1")
			.build();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		signer.sign(HttpMethod.POST, uri, headers, body).headers().forEach((name, values) -> {
			if (!name.equalsIgnoreCase("host")) {
				request.header(name, values.get(0));
			}
		});

		HttpResponse<String> response = RawHttp.client().send(request.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = ArkJson.mapper().readTree(response.body());
		assertThat(error.path("code").asInt()).isEqualTo(1000003);
		assertThat(error.path("message").asString()).isEqualTo("invalid request：query is required");
		assertThat(error.path("request_id").asString()).isEqualTo(response.headers().firstValue("X-Request-Id")
			.orElseThrow());
	}

	@Test
	void configuredChunksAreFoundInOrderAndImageLinksOnlyWhenAskedFor() {
		ark.knowledge()
			.chunk("manual.pdf", "乐高积木选购指南", "适合 3 岁的系列", "得宝系列颗粒大。")
			.faq("faq.xlsx", "可以退货吗？", "支持七天无理由退货。")
			.image("catalog.pdf", "消防局套装", "https://tos.example.com/fire.png");

		List<KnowledgeChunk> withoutLinks = this.client.search(search("乐高")).chunks();
		List<KnowledgeChunk> withLinks = this.client
			.search(KnowledgeSearchRequest.builder().collection("docs").query("乐高").getAttachmentLink(true).build())
			.chunks();
		List<KnowledgeChunk> limited = this.client
			.search(KnowledgeSearchRequest.builder().collection("docs").query("乐高").limit(2).build())
			.chunks();

		assertThat(withoutLinks).extracting(KnowledgeChunk::chunkType).containsExactly("text", "faq", "image");
		assertThat(withoutLinks.get(0).docInfo().title()).isEqualTo("乐高积木选购指南");
		assertThat(withoutLinks.get(0).chunkTitle()).isEqualTo("适合 3 岁的系列");
		assertThat(withoutLinks.get(1).isFaq()).isTrue();
		assertThat(withoutLinks.get(1).originalQuestion()).isEqualTo("可以退货吗？");
		assertThat(withoutLinks.get(1).content()).isEqualTo("支持七天无理由退货。");
		assertThat(withoutLinks.get(2).attachmentLink()).isNull();
		assertThat(withLinks.get(2).attachmentLink()).isEqualTo("https://tos.example.com/fire.png");
		assertThat(withoutLinks.get(0).score()).isGreaterThan(withoutLinks.get(1).score());
		assertThat(limited).hasSize(2);
	}

	@Test
	void anUnknownCollectionIsNotFound() {
		ark.knowledge().collections("docs", "kb-123");

		assertThat(this.client.search(KnowledgeSearchRequest.builder().resourceId("kb-123").query("q").build())
			.count()).isEqualTo(1);
		assertThatExceptionOfType(ArkNotFoundException.class)
			.isThrownBy(() -> this.client.search(KnowledgeSearchRequest.builder().collection("nope").query("q")
				.build()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("1000005"));
	}

	@Test
	void chatEchoesTheQuestionAndReportsUsageOnlyWhenAsked() {
		KnowledgeChatCompletion plain = this.client
			.chat(KnowledgeChatRequest.builder().system("prompt").user("你好").build());
		KnowledgeChatCompletion counted = this.client
			.chat(KnowledgeChatRequest.builder().user("你好").returnTokenUsage(true).build());

		assertThat(plain.generatedAnswer()).isEqualTo("Echo: 你好");
		assertThat(plain.usage()).isNull();
		assertThat(counted.usage()).isNotNull();
		assertThat(counted.usage().totalTokens())
			.isEqualTo(counted.usage().promptTokens() + counted.usage().completionTokens());
	}

	@Test
	void aStreamDeliversTheReasoningAndAnswerInPiecesAndEndsWithEndTrue() {
		ark.knowledge().answer("知识库页面下设置切片规则").reasoning("想一想").usage(939, 2).chunkSize(3);

		List<KnowledgeChatChunk> chunks = new ArrayList<>();
		KnowledgeChatCompletion whole;
		try (KnowledgeChatStream stream = this.client
			.stream(KnowledgeChatRequest.builder().user("切片").returnTokenUsage(true).build())) {
			stream.forEach(chunks::add);
			whole = stream.completion();
		}

		assertThat(chunks).extracting(KnowledgeChatChunk::generatedAnswer)
			.containsExactly("", "知识库", "页面下", "设置切", "片规则", "");
		assertThat(chunks.get(chunks.size() - 1).end()).isTrue();
		assertThat(whole.generatedAnswer()).isEqualTo("知识库页面下设置切片规则");
		assertThat(whole.reasoningContent()).isEqualTo("想一想");
		assertThat(whole.usage()).isEqualTo(new Usage(939, 2, 941));
	}

	@Test
	void aStreamMayEndWithDoneAfterEndTrue() throws Exception {
		ark.knowledge().answer("ok").doneAfterEnd(true);

		try (KnowledgeChatStream stream = this.client.stream(KnowledgeChatRequest.builder().user("q").build())) {
			assertThat(stream.completion().generatedAnswer()).isEqualTo("ok");
		}
		String raw = RawHttp.post(ark, KnowledgeClient.CHAT_PATH, null, "{}").body();
		assertThat(raw).as("unsigned: refused before anything streams").contains("1000001");
	}

	@Test
	void aTruncatedStreamFailsAndAnErrorMidStreamCarriesItsCode() {
		ark.knowledge().answer("abcdefgh").chunkSize(2).truncateAfter(2);
		try (KnowledgeChatStream stream = this.client.stream(KnowledgeChatRequest.builder().user("q").build())) {
			assertThatExceptionOfType(ArkStreamException.class).isThrownBy(stream::completion)
				.satisfies((ex) -> assertThat(((KnowledgeChatCompletion) ex.getPartial()).generatedAnswer())
					.isEqualTo("abcd"));
		}

		ark.knowledge().errorMidStream(1, 1000028, "unknown");
		try (KnowledgeChatStream stream = this.client.stream(KnowledgeChatRequest.builder().user("q").build())) {
			assertThatExceptionOfType(ArkStreamException.class).isThrownBy(stream::completion)
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("1000028"));
		}
	}

	@Test
	void failuresComeAsEnvelopesWithTheirStatusOrWith200() {
		ark.knowledge().fail(200, 1000029, "quota limited");
		assertThatExceptionOfType(ArkRateLimitException.class).isThrownBy(() -> this.client.search(search("q")))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(200));

		ark.knowledge().fail(500, 1000028, "unknown");
		assertThatExceptionOfType(ArkServerException.class)
			.isThrownBy(() -> this.client.chat(KnowledgeChatRequest.builder().user("q").build()))
			.satisfies((ex) -> assertThat(ex.getServerMessage()).isEqualTo("unknown"));
	}

	@Test
	void askRunsTheWholeChainAgainstTheFake() {
		ark.knowledge()
			.chunk("manual.pdf", "指南", "系列", "得宝系列颗粒大。")
			.image("catalog.pdf", "消防局套装", "https://tos.example.com/fire.png")
			.answer((request) -> request.bodyJson().at("/messages/0/content").asString().contains("得宝系列颗粒大")
					? "推荐得宝系列。" : "资料里没有。");
		KnowledgeOperations knowledge = KnowledgeTemplate.builder(this.client)
			.collection("docs")
			.model("Doubao-1-5-vision-pro-32k")
			.build();

		KnowledgeAnswer answer = knowledge.ask("乐高有哪些系列？");

		assertThat(answer.text()).isEqualTo("推荐得宝系列。");
		assertThat(answer.citations()).extracting(KnowledgeChunk::docName).containsExactly("manual.pdf", "catalog.pdf");
		assertThat(answer.usage()).isNotNull();
		JsonNode chat = ark.requests().get(1).bodyJson();
		assertThat(chat.at("/messages/1/content/1/image_url/url").asString())
			.isEqualTo("https://tos.example.com/fire.png");
	}

	@Test
	void resetForgetsTheSettingsAndToStringHidesTheSecret() {
		ark.knowledge().answer("x").noChunks();
		assertThat(ark.knowledge().toString()).doesNotContain(SK);
		assertThat(this.client.search(search("q")).chunks()).isEmpty();

		ark.reset();

		assertThat(client("b3RoZXI=").search(search("q")).chunks()).hasSize(1);
		assertThat(this.client.chat(KnowledgeChatRequest.builder().user("q").build()).generatedAnswer())
			.isEqualTo("Echo: q");
	}

}
