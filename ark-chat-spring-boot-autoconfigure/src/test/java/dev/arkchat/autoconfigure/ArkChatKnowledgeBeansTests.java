package dev.arkchat.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.knowledge.DefaultKnowledgePromptTemplate;
import dev.arkchat.knowledge.KnowledgeAnswer;
import dev.arkchat.knowledge.KnowledgeClient;
import dev.arkchat.knowledge.KnowledgeOperations;
import dev.arkchat.knowledge.KnowledgePromptTemplate;
import dev.arkchat.knowledge.KnowledgeTemplate;
import dev.arkchat.test.ArkMockServer;
import dev.arkchat.test.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The beans of {@link KnowledgeBeans}: conditions, user beans winning, and the wire. */
class ArkChatKnowledgeBeansTests {

	static final String AK = "AKLTautoconfigure00000000000000";

	static final String SK = "YXV0b2NvbmZpZ3VyZS1zZWNyZXQ=";

	static ArkMockServer ark;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ArkChatAutoConfiguration.class))
		.withPropertyValues("ark.chat.retry.max-attempts=1");

	@BeforeAll
	static void startArk() {
		ark = ArkMockServer.start();
	}

	@AfterAll
	static void stopArk() {
		ark.close();
	}

	@BeforeEach
	void resetArk() {
		ark.reset();
		ark.knowledge().credentials(AK, SK);
	}

	private ApplicationContextRunner withAkSk() {
		return this.runner.withPropertyValues("ark.chat.access-key=" + AK, "ark.chat.secret-key=" + SK);
	}

	@Test
	void createsTheKnowledgeBeansFromAkSk() {
		withAkSk().withPropertyValues("ark.chat.knowledge.collection-name=docs").run((context) -> {
			assertThat(context).hasSingleBean(KnowledgeClient.class);
			assertThat(context).hasSingleBean(KnowledgeOperations.class);
			assertThat(context).getBean(KnowledgePromptTemplate.class).isInstanceOf(DefaultKnowledgePromptTemplate.class);
			assertThat(((DefaultKnowledgePromptTemplate) context.getBean(KnowledgePromptTemplate.class))
				.getSystemTemplate()).isEqualTo(DefaultKnowledgePromptTemplate.DEFAULT_SYSTEM_TEMPLATE);
		});
	}

	@Test
	void withoutAkSkThereAreNoKnowledgeBeans() {
		// an API key alone serves the bots, not the knowledge base, which signs with AK/SK
		this.runner.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.knowledge.collection-name=docs")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(KnowledgeClient.class);
				assertThat(context).doesNotHaveBean(KnowledgeOperations.class);
				assertThat(context).doesNotHaveBean(ArkChatKnowledgeProperties.class);
			});
	}

	@Test
	void turnedOffWithItsOwnFlagOrWithArkChat() {
		withAkSk().withPropertyValues("ark.chat.knowledge.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(KnowledgeClient.class);
		});
		withAkSk().withPropertyValues("ark.chat.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(KnowledgeClient.class);
		});
	}

	@Test
	void askCallsTheConfiguredHostSignedWithTheConfiguredRegionAccountAndDefaults() {
		ark.knowledge().chunk("manual.pdf", "指南", "系列", "得宝系列颗粒大。").answer("推荐得宝系列。");
		withAkSk()
			.withPropertyValues("ark.chat.knowledge.base-url=" + ark.baseUrl(),
					"ark.chat.knowledge.signing-region=cn-beijing", "ark.chat.knowledge.account-id=2100000001",
					"ark.chat.knowledge.collection-name=docs", "ark.chat.knowledge.project=shop",
					"ark.chat.knowledge.limit=4", "ark.chat.knowledge.rerank=true",
					"ark.chat.knowledge.rerank-model=doubao-seed-rerank", "ark.chat.knowledge.retrieve-count=30",
					"ark.chat.knowledge.dense-weight=0.6", "ark.chat.knowledge.model=ep-20240604000000-abcde",
					"ark.chat.knowledge.model-version=250115", "ark.chat.knowledge.thinking=disabled",
					"ark.chat.knowledge.api-key=endpoint-key", "ark.chat.knowledge.max-tokens=512",
					"ark.chat.knowledge.temperature=0.3")
			.run((context) -> {
				KnowledgeAnswer answer = context.getBean(KnowledgeOperations.class)
					.ask("乐高有哪些系列？", List.of(ChatMessage.user("你好"), ChatMessage.assistant("你好！")));

				assertThat(answer.text()).isEqualTo("推荐得宝系列。");
				assertThat(answer.citations()).singleElement().satisfies((chunk) -> assertThat(chunk.docName())
					.isEqualTo("manual.pdf"));
				RecordedRequest search = ark.requests().get(0);
				assertThat(search.path()).isEqualTo(KnowledgeClient.SEARCH_PATH);
				assertThat(search.header("Authorization")).contains("/cn-beijing/air/request, ");
				assertThat(search.header("V-Account-Id")).isEqualTo("2100000001");
				assertThat(search.bodyJson()).isEqualTo(json("""
						{"name": "docs", "project": "shop", "query": "乐高有哪些系列？", "limit": 4, "dense_weight": 0.6,
						 "post_processing": {"rerank_switch": true, "retrieve_count": 30,
						                     "rerank_model": "doubao-seed-rerank"}}"""));
				JsonNode chat = ark.requests().get(1).bodyJson();
				assertThat(chat.path("model").asString()).isEqualTo("ep-20240604000000-abcde");
				assertThat(chat.path("model_version").asString()).isEqualTo("250115");
				assertThat(chat.path("thinking")).isEqualTo(json("{\"type\":\"disabled\"}"));
				assertThat(chat.path("api_key").asString()).isEqualTo("endpoint-key");
				assertThat(chat.path("max_tokens").asInt()).isEqualTo(512);
				assertThat(chat.path("temperature").asDouble()).isEqualTo(0.3);
				assertThat(chat.path("messages")).hasSize(4);
				assertThat(context.getBean(ArkChatKnowledgeProperties.class).toString()).doesNotContain("endpoint-key");
			});
	}

	@Test
	void theRegionDerivesTheHost() {
		AtomicReference<URI> uri = new AtomicReference<>();
		AtomicReference<String> authorization = new AtomicReference<>();
		withAkSk().withPropertyValues("ark.chat.region=cn-shanghai", "ark.chat.knowledge.collection-name=docs")
			.withBean(ArkChatRestClientCustomizer.class, () -> (builder) -> builder
				.requestInterceptor((request, body, execution) -> {
					uri.set(request.getURI());
					authorization.set(request.getHeaders().getFirst("Authorization"));
					MockClientHttpResponse response = new MockClientHttpResponse(
							"{\"code\":0,\"data\":{\"count\":0,\"result_list\":[]}}".getBytes(), HttpStatus.OK);
					response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
					return response;
				}))
			.run((context) -> {
				context.getBean(KnowledgeOperations.class).search("q");
				assertThat(uri.get()).isEqualTo(URI.create(
						"https://api-knowledgebase.mlp.cn-shanghai.volces.com/api/knowledge/collection/search_knowledge"));
				assertThat(authorization.get()).as("the signer runs after the customizers: not yet signed here")
					.isNull();
			});
	}

	@Test
	void aCredentialsBeanSignsWithoutAkSkPropertiesForTheRegionsSigningRegion() {
		this.runner.withBean(VolcengineCredentials.class, () -> VolcengineCredentials.of(AK, SK))
			.withPropertyValues("ark.chat.knowledge.base-url=" + ark.baseUrl(), "ark.chat.knowledge.collection-name=d")
			.run((context) -> {
				assertThat(context.getBean(KnowledgeOperations.class).search("q").count()).isEqualTo(1);
				assertThat(ark.requests().get(0).header("Authorization")).contains("Credential=" + AK + "/")
					.contains("/cn-north-1/air/request, ");
			});
	}

	@Test
	void theApplicationsCredentialsBeanWinsOverTheProperties() {
		withAkSk().withBean(VolcengineCredentials.class, () -> VolcengineCredentials.of("AKLTother", "b3RoZXI="))
			.withPropertyValues("ark.chat.knowledge.base-url=" + ark.baseUrl(), "ark.chat.knowledge.collection-name=d")
			.run((context) -> {
				ark.knowledge().credentials("AKLTother", "b3RoZXI=");
				context.getBean(KnowledgeOperations.class).search("q");
				assertThat(ark.requests().get(0).header("Authorization")).contains("Credential=AKLTother/");
			});
	}

	@Test
	void theApplicationsBeansWin() {
		KnowledgeOperations mine = mock(KnowledgeOperations.class);
		withAkSk().withBean(KnowledgeOperations.class, () -> mine).run((context) -> {
			assertThat(context).getBean(KnowledgeOperations.class).isSameAs(mine);
			assertThat(context).doesNotHaveBean(KnowledgeTemplate.class);
			assertThat(context).hasSingleBean(KnowledgeClient.class);
		});
	}

	@Test
	void theApplicationsPromptTemplateIsUsedByAsk() {
		KnowledgePromptTemplate mine = (input) -> List.of(ChatMessage.user("mine: " + input.question()));
		withAkSk().withBean(KnowledgePromptTemplate.class, () -> mine)
			.withPropertyValues("ark.chat.knowledge.base-url=" + ark.baseUrl(), "ark.chat.knowledge.collection-name=d")
			.run((context) -> {
				assertThat(context.getBean(KnowledgeTemplate.class).getPromptTemplate()).isSameAs(mine);
				assertThat(context.getBean(KnowledgeOperations.class).ask("q").text()).isEqualTo("Echo: mine: q");
			});
	}

	@Test
	void aPromptTemplateResourceIsReadFromTheProperty() {
		withAkSk()
			.withPropertyValues("ark.chat.knowledge.base-url=" + ark.baseUrl(), "ark.chat.knowledge.collection-name=d",
					"ark.chat.knowledge.prompt-template=classpath:knowledge/prompt.txt")
			.run((context) -> {
				context.getBean(KnowledgeOperations.class).ask("为什么？");
				assertThat(ark.requests().get(1).bodyJson().at("/messages/0/content").asString())
					.isEqualTo("Answer from these notes only:\ndoc_name: ark-chat-mock.md\ntitle: ArkMockServer\n"
							+ "chunk_title: Mock chunk\ncontent: Mock reference for: 为什么？\n---\nQuestion: 为什么？");
			});
	}

	@Test
	void aMissingOrUnusablePromptTemplateFailsTheStartupNamingTheProperty() {
		withAkSk().withPropertyValues("ark.chat.knowledge.prompt-template=classpath:knowledge/absent.txt")
			.run((context) -> assertFailure(context.getStartupFailure(), "ark.chat.knowledge.prompt-template",
					"does not exist"));
		withAkSk().withPropertyValues("ark.chat.knowledge.prompt-template=classpath:knowledge/no-context.txt")
			.run((context) -> assertFailure(context.getStartupFailure(), "ark.chat.knowledge.prompt-template",
					"{{context}}"));
	}

	@Test
	void defaultsOutOfRangeFailTheStartupNamingTheProperty() {
		withAkSk().withPropertyValues("ark.chat.knowledge.dense-weight=0.1")
			.run((context) -> assertFailure(context.getStartupFailure(), "ark.chat.knowledge.dense-weight",
					"dense_weight must be in [0.2, 1] but was 0.1"));
		withAkSk().withPropertyValues("ark.chat.knowledge.limit=20", "ark.chat.knowledge.retrieve-count=10")
			.run((context) -> assertFailure(context.getStartupFailure(), "ark.chat.knowledge.retrieve-count",
					"retrieve_count must be at least limit (20)"));
		withAkSk().withPropertyValues("ark.chat.knowledge.temperature=2")
			.run((context) -> assertFailure(context.getStartupFailure(), "ark.chat.knowledge.temperature",
					"temperature must be in [0, 1]"));
		withAkSk().withPropertyValues("ark.chat.knowledge.collection-name=a", "ark.chat.knowledge.resource-id=kb-1")
			.run((context) -> assertFailure(context.getStartupFailure(), "ark.chat.knowledge.resource-id",
					"set only one of them"));
		withAkSk().withPropertyValues("ark.chat.knowledge.base-url=ftp://kb.example.com")
			.run((context) -> assertFailure(context.getStartupFailure(), "ark.chat.knowledge.base-url",
					"not a valid base URL"));
	}

	@Test
	void aMissingCollectionFailsAskNamingTheProperty() {
		withAkSk().withPropertyValues("ark.chat.knowledge.base-url=" + ark.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			org.assertj.core.api.Assertions
				.assertThatIllegalStateException()
				.isThrownBy(() -> context.getBean(KnowledgeOperations.class).ask("q"))
				.withMessageContaining("ark.chat.knowledge.collection-name");
		});
	}

	private static void assertFailure(Throwable failure, String property, String text) {
		assertThat(failure).isNotNull().hasRootCauseInstanceOf(ArkChatConfigurationException.class);
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		assertThat(((ArkChatConfigurationException) root).getProperty()).isEqualTo(property);
		assertThat(root.getMessage()).contains(text);
		FailureAnalysis analysis = new ArkChatConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getAction()).contains(property.substring(property.lastIndexOf('.') + 1));
	}

	private static JsonNode json(String text) {
		return dev.arkchat.http.ArkJson.mapper().readTree(text);
	}

}
