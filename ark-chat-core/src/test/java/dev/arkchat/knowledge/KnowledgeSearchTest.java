package dev.arkchat.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.arkchat.ArkRegion;
import dev.arkchat.Fixtures;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.auth.VolcengineSigner;
import dev.arkchat.chat.ChatMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@link KnowledgeClient#search} on the wire: the signed request, the exact JSON, the documented answer. */
class KnowledgeSearchTest {

	private static WireMockServer wireMock;

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
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.SEARCH_PATH, 200,
				Fixtures.raw("knowledge-search_knowledge-response.doc.json"));
	}

	@Test
	void signsTheRequestAsTheV4AlgorithmPredicts() throws Exception {
		KnowledgeClient client = KnowledgeWireMock.client(wireMock).accountId("2100000001").build();

		client.search(KnowledgeSearchRequest.builder().collection("example").query("HNSW").build());

		LoggedRequest sent = wireMock.getAllServeEvents().get(0).getRequest();
		byte[] body = sent.getBody();
		String host = "127.0.0.1:" + wireMock.port();
		assertThat(sent.getHeader("Host")).isEqualTo(host);
		assertThat(sent.getHeader("X-Date")).isEqualTo(KnowledgeWireMock.X_DATE);
		assertThat(sent.getHeader("X-Content-Sha256")).isEqualTo(ExpectedSignature.sha256Hex(body));
		assertThat(sent.getHeader("V-Account-Id")).isEqualTo("2100000001");
		assertThat(sent.containsHeader("X-Security-Token")).isFalse();
		Map<String, String> signed = new LinkedHashMap<>();
		signed.put("content-type", "application/json");
		signed.put("host", host);
		signed.put("x-client-request-id", sent.getHeader("X-Client-Request-Id"));
		signed.put("x-content-sha256", ExpectedSignature.sha256Hex(body));
		signed.put("x-date", KnowledgeWireMock.X_DATE);
		String expected = ExpectedSignature.authorization(KnowledgeWireMock.AK, KnowledgeWireMock.SK, "cn-north-1",
				"air", KnowledgeWireMock.X_DATE, "POST", KnowledgeClient.SEARCH_PATH, signed, body);
		assertThat(sent.getHeader("Authorization")).isEqualTo(expected)
			.startsWith("HMAC-SHA256 Credential=" + KnowledgeWireMock.AK + "/20250102/cn-north-1/air/request, "
					+ "SignedHeaders=content-type;host;x-client-request-id;x-content-sha256;x-date, Signature=");

		// and the signer, given the request as received, predicts the same value
		HttpHeaders received = new HttpHeaders();
		received.set("Content-Type", sent.getHeader("Content-Type"));
		received.set("X-Client-Request-Id", sent.getHeader("X-Client-Request-Id"));
		VolcengineSigner signer = VolcengineSigner.builder(VolcengineCredentials.of(KnowledgeWireMock.AK,
				KnowledgeWireMock.SK)).service("air").region("cn-north-1").clock(KnowledgeWireMock.CLOCK).build();
		assertThat(signer.sign(HttpMethod.POST, java.net.URI.create(sent.getAbsoluteUrl()), received, body)
			.authorization()).isEqualTo(expected);
	}

	@Test
	void signsForTheConfiguredRegionWithTheSessionTokenOfTemporaryCredentials() throws Exception {
		KnowledgeClient client = KnowledgeWireMock.client(wireMock)
			.credentials(new VolcengineCredentials(KnowledgeWireMock.AK, KnowledgeWireMock.SK, "sts-token-1"))
			.signingRegion("cn-beijing")
			.build();

		client.search(KnowledgeSearchRequest.builder().collection("example").query("HNSW").build());

		LoggedRequest sent = wireMock.getAllServeEvents().get(0).getRequest();
		assertThat(sent.getHeader("X-Security-Token")).isEqualTo("sts-token-1");
		assertThat(sent.containsHeader("V-Account-Id")).isFalse();
		Map<String, String> signed = new LinkedHashMap<>();
		signed.put("content-type", "application/json");
		signed.put("host", "127.0.0.1:" + wireMock.port());
		signed.put("x-client-request-id", sent.getHeader("X-Client-Request-Id"));
		signed.put("x-content-sha256", ExpectedSignature.sha256Hex(sent.getBody()));
		signed.put("x-date", KnowledgeWireMock.X_DATE);
		signed.put("x-security-token", "sts-token-1");
		assertThat(sent.getHeader("Authorization")).isEqualTo(ExpectedSignature.authorization(KnowledgeWireMock.AK,
				KnowledgeWireMock.SK, "cn-beijing", "air", KnowledgeWireMock.X_DATE, "POST",
				KnowledgeClient.SEARCH_PATH, signed, sent.getBody()));
	}

	@Test
	void sendsEveryFieldOfTheRequest() {
		KnowledgeClient client = KnowledgeWireMock.client(wireMock).build();
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("op", "must");
		filter.put("field", "doc_id");
		filter.put("conds", List.of("_sys_auto_gen_doc_id-13411829101044883689"));

		client.search(KnowledgeSearchRequest.builder()
			.collection("example", "default")
			.query("HNSW 是什么？")
			.imageQuery("https://example.com/q.png")
			.limit(5)
			.docFilter(filter)
			.denseWeight(0.7)
			.needInstruction(true)
			.returnTokenUsage(true)
			.rewrite(true)
			.messages(List.of(ChatMessage.user("介绍一下向量索引"), ChatMessage.assistant("向量索引有多种……"),
					ChatMessage.user("HNSW 是什么？")))
			.rerank(true)
			.rerankModel(RerankModel.DOUBAO_SEED_RERANK)
			.retrieveCount(25)
			.chunkDiffusionCount(1)
			.chunkGroup(true)
			.rerankOnlyChunk(false)
			.getAttachmentLink(true)
			.rerankThreshold(0.35)
			.rerankInstruction("优先选择定义")
			.extraBody("future_field", 1)
			.build());

		wireMock.verify(postRequestedFor(urlEqualTo("/api/knowledge/collection/search_knowledge"))
			.withRequestBody(equalToJson("""
					{"name": "example", "project": "default", "query": "HNSW 是什么？",
					 "image_query": "https://example.com/q.png", "limit": 5,
					 "query_param": {"doc_filter": {"op": "must", "field": "doc_id",
					                                "conds": ["_sys_auto_gen_doc_id-13411829101044883689"]}},
					 "dense_weight": 0.7,
					 "pre_processing": {"need_instruction": true, "return_token_usage": true, "rewrite": true,
					   "messages": [{"role": "user", "content": "介绍一下向量索引"},
					                {"role": "assistant", "content": "向量索引有多种……"},
					                {"role": "user", "content": "HNSW 是什么？"}]},
					 "post_processing": {"rerank_switch": true, "retrieve_count": 25, "chunk_diffusion_count": 1,
					   "chunk_group": true, "rerank_model": "doubao-seed-rerank", "rerank_only_chunk": false,
					   "get_attachment_link": true, "enable_rerank_threshold": true, "rerank_threshold": 0.35,
					   "rerank_instruction": "优先选择定义"},
					 "future_field": 1}""")));
	}

	@Test
	void sendsOnlyWhatIsSetAndNamesACollectionByResourceId() {
		KnowledgeClient client = KnowledgeWireMock.client(wireMock).build();

		client.search(KnowledgeSearchRequest.builder().resourceId("kb-0123456789abcdef").query("HNSW").build());

		wireMock.verify(postRequestedFor(urlEqualTo(KnowledgeClient.SEARCH_PATH))
			.withRequestBody(equalToJson("{\"resource_id\": \"kb-0123456789abcdef\", \"query\": \"HNSW\"}")));
	}

	@Test
	void readsTheDocumentedAnswerWithDocMetaDecoded() {
		KnowledgeSearchResult result = KnowledgeWireMock.client(wireMock)
			.build()
			.search(KnowledgeSearchRequest.builder().collection("example").query("HNSW").build());

		assertThat(result.requestId()).isEqualTo("02172740884343900000000000000000000ffff0a00406f8a8861");
		assertThat(result.collectionName()).isEqualTo("example");
		assertThat(result.count()).isEqualTo(2);
		assertThat(result.rewriteQuery()).isEqualTo("xxx");
		assertThat(result.tokenUsage()).isNotNull();
		assertThat(result.tokenUsage().embeddingTokenUsage().promptTokens()).isEqualTo(16);
		assertThat(result.tokenUsage().embeddingTokenUsage().totalTokens()).isEqualTo(16);
		assertThat(result.tokenUsage().rerankTokenUsage()).isZero();
		assertThat(result.chunks()).hasSize(2);
		KnowledgeChunk first = result.chunks().get(0);
		assertThat(first.id()).isEqualTo("_sys_auto_gen_doc_id-13411829101044883689-15");
		assertThat(first.content()).isEqualTo("content");
		assertThat(first.score()).isEqualTo(0.2639991044998169);
		assertThat(first.pointId()).isEqualTo("_sys_auto_gen_doc_id-13411829101044883689-15");
		assertThat(first.chunkTitle()).isEqualTo("title");
		assertThat(first.chunkId()).isEqualTo(15L);
		assertThat(first.recallPosition()).isEqualTo(1);
		assertThat(first.chunkType()).isEqualTo("text");
		assertThat(first.isFaq()).isFalse();
		assertThat(first.attachmentLink()).isNull();
		DocInfo doc = first.docInfo();
		assertThat(doc.docId()).isEqualTo("_sys_auto_gen_doc_id-13411829101044883689");
		assertThat(doc.docName()).isEqualTo("2404.08817v2.pdf");
		assertThat(doc.createTime()).isEqualTo(1727333117L);
		assertThat(doc.docType()).isEqualTo("pdf");
		assertThat(doc.source()).isEqualTo("tos_fe");
		assertThat(doc.title()).isEqualTo("title");
		assertThat(doc.docMeta()).containsExactly(new DocInfo.DocMetaField("doc_id", "string",
				"_sys_auto_gen_doc_id-13411829101044883689"));
		assertThat(doc.docMeta("doc_id")).isEqualTo("_sys_auto_gen_doc_id-13411829101044883689");
		assertThat(doc.docMeta("missing")).isNull();
		assertThat(doc.docMetaJson()).startsWith("[{\"field_name\":\"doc_id\"");
		assertThat(result.chunks().get(1).recallPosition()).isEqualTo(2);
	}

	@Test
	void readsFaqAndImageChunksAndToleratesAMalformedDocMeta() {
		KnowledgeWireMock.answerJson(wireMock, KnowledgeClient.SEARCH_PATH, 200, """
				{"code": 0, "message": "success", "request_id": "req-1", "data": {"collection_name": "faq", "count": 2,
				 "token_usage": {"embedding_token_usage": {"prompt_tokens": 3, "completion_tokens": 0,
				   "total_tokens": 3}, "rerank_token_usage": {"total_tokens": 7}},
				 "result_list": [
				  {"id": "a", "content": "七天无理由退货。", "original_question": "可以退货吗？", "chunk_type": "faq",
				   "rerank_score": 0.9, "rerank_position": 1,
				   "doc_info": {"doc_name": "faq.xlsx", "doc_meta": "not json"}},
				  {"id": "b", "content": "产品外观", "chunk_type": "image",
				   "table_chunk_fields": [{"field_name": "price", "field_value": 12.5}],
				   "chunk_attachment": [{"uuid": "u1", "caption": "正面", "type": "image",
				     "link": "https://tos.example.com/u1.png"}]}]}}""");

		KnowledgeSearchResult result = KnowledgeWireMock.client(wireMock)
			.build()
			.search(KnowledgeSearchRequest.builder().collection("faq").query("退货").build());

		KnowledgeChunk faq = result.chunks().get(0);
		assertThat(faq.isFaq()).isTrue();
		assertThat(faq.originalQuestion()).isEqualTo("可以退货吗？");
		assertThat(faq.rerankScore()).isEqualTo(0.9);
		assertThat(faq.rerankPosition()).isEqualTo(1);
		assertThat(faq.docInfo().docMeta()).isEmpty();
		assertThat(faq.docInfo().docMetaJson()).isEqualTo("not json");
		KnowledgeChunk image = result.chunks().get(1);
		assertThat(image.attachmentLink()).isEqualTo("https://tos.example.com/u1.png");
		assertThat(image.chunkAttachment().get(0).caption()).isEqualTo("正面");
		assertThat(image.tableChunkFields()).containsExactly(new KnowledgeChunk.TableChunkField("price", 12.5));
		assertThat(result.tokenUsage().rerankTokenUsage()).isEqualTo(7L);
	}

	@Test
	void checksTheRequestBeforeSendingIt() {
		KnowledgeClient client = KnowledgeWireMock.client(wireMock).build();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.search(KnowledgeSearchRequest.builder().query("q").build()))
			.withMessageContaining("name (the collection) or resource_id must be set");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client
				.search(KnowledgeSearchRequest.builder().collection("a").resourceId("kb-1").query("q").build()))
			.withMessageContaining("set only one of them");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.search(KnowledgeSearchRequest.builder().collection("a").query(" ").build()))
			.withMessage("query must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client
				.search(KnowledgeSearchRequest.builder().collection("a").query("问".repeat(8001)).build()))
			.withMessage("query must be at most 8000 characters but has 8001");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client
				.search(KnowledgeSearchRequest.builder().collection("a").query("q").limit(0).build()))
			.withMessage("limit must be in [1, 1000] but was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client
				.search(KnowledgeSearchRequest.builder().collection("a").query("q").denseWeight(0.1).build()))
			.withMessage("dense_weight must be in [0.2, 1] but was 0.1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.search(
					KnowledgeSearchRequest.builder().collection("a").query("q").limit(30).retrieveCount(20).build()))
			.withMessage("post_processing.retrieve_count must be at least limit (30) but was 20");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client
				.search(KnowledgeSearchRequest.builder().collection("a").query("q").retrieveCount(5).build()))
			.withMessage("post_processing.retrieve_count must be at least limit (10, the server's default) but was 5");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.search(
					KnowledgeSearchRequest.builder().collection("a").query("q").chunkDiffusionCount(6).build()))
			.withMessage("post_processing.chunk_diffusion_count must be in [0, 5] but was 6");
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void aQueryOf8000CharactersIsAccepted() {
		KnowledgeClient client = KnowledgeWireMock.client(wireMock).build();

		client.search(KnowledgeSearchRequest.builder().collection("a").query("😀".repeat(8000)).build());

		assertThat(new String(wireMock.getAllServeEvents().get(0).getRequest().getBody(), StandardCharsets.UTF_8))
			.contains("😀");
	}

	@Test
	void derivesHostAndSigningRegionFromTheRegionAndNeedsCredentials() {
		assertThat(ArkRegion.CN_BEIJING.knowledgeBaseUrl().toString())
			.isEqualTo("https://api-knowledgebase.mlp.cn-beijing.volces.com");
		assertThat(ArkRegion.CN_BEIJING.knowledgeSigningRegion()).isEqualTo("cn-north-1");
		assertThatIllegalStateException().isThrownBy(() -> KnowledgeClient.builder().build())
			.withMessageContaining("AK/SK credentials are required");
	}

}
