package dev.arkchat.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.arkchat.ArkBadRequestException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.context.ContextChatChunk;
import dev.arkchat.context.ContextChatCompletion;
import dev.arkchat.context.ContextChatRequest;
import dev.arkchat.context.ContextChatStream;
import dev.arkchat.context.ContextChatTemplate;
import dev.arkchat.context.ContextClient;
import dev.arkchat.context.ContextCreateRequest;
import dev.arkchat.context.ContextMode;
import dev.arkchat.context.TruncationStrategy;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static dev.arkchat.test.ContextCreateTests.ENDPOINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code POST /api/v3/context/chat/completions} on the fake, blocking and streamed: the answer, the cached tokens that
 * grow with a session, and the requests Ark refuses.
 */
class ContextChatTests {

	@RegisterExtension
	static final ArkMockServerExtension extension = new ArkMockServerExtension();

	ArkMockServer ark;

	ContextChatTemplate template;

	@BeforeEach
	void setUp(ArkMockServer server) {
		this.ark = server;
		this.template = ContextChatTemplate.builder(ContextCreateTests.client(server)).endpointId(ENDPOINT).build();
	}

	@Test
	void aSessionsCachedTokensAreEverythingItHeldBefore() {
		// 16 code points: 4 tokens
		String id = this.template.createContext("You are concise.").id();
		// "Hi, I am Ada." 13 code points: 4 tokens; "Echo: Hi, I am Ada." 19: 5 tokens
		ContextChatCompletion first = this.template.chat(id, "Hi, I am Ada.");
		// "Who am I?" 9: 3 tokens; "Echo: Who am I?" 15: 4 tokens
		ContextChatCompletion second = this.template.chat(id, "Who am I?");

		assertThat(first.content()).isEqualTo("Echo: Hi, I am Ada.");
		assertThat(first.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(first.model()).isEqualTo(ContextChatStub.DEFAULT_MODEL);
		assertThat(first.usage().cachedTokens()).isEqualTo(4);
		assertThat(first.usage().promptTokens()).isEqualTo(4 + 4);
		assertThat(first.usage().completionTokens()).isEqualTo(5);
		assertThat(first.usage().totalTokens()).isEqualTo(13);
		assertThat(second.usage().cachedTokens()).isEqualTo(4 + 4 + 5);
		assertThat(second.usage().promptTokens()).isEqualTo(13 + 3);
		assertThat(second.usage().completionTokens()).isEqualTo(4);

		MockContext context = this.ark.contexts().get(id);
		assertThat(context.tokens()).isEqualTo(16 + 4);
		assertThat(context.turns()).isEqualTo(2);
		assertThat(context.messages()).extracting(ChatMessage::role)
			.containsExactly(ChatRole.SYSTEM, ChatRole.USER, ChatRole.ASSISTANT, ChatRole.USER, ChatRole.ASSISTANT);
		assertThat(context.messages().get(4).content()).isEqualTo("Echo: Who am I?");
		assertThat(context.inProgress()).isFalse();
	}

	@Test
	void aStreamDeliversTheAnswerInPiecesAndItsUsageWhenAskedFor() {
		String id = this.template.createContext("You are concise.").id();
		this.ark.contextChat().answer("Ada, you said so.").chunkSize(5);
		List<String> pieces = new ArrayList<>();
		ContextChatCompletion merged;
		try (ContextChatStream stream = this.template.stream(ContextChatRequest.builder()
			.contextId(id)
			.user("Who am I?")
			.includeUsage()
			.build())) {
			for (ContextChatChunk chunk : stream) {
				pieces.add(chunk.content());
			}
			merged = stream.completion();
		}

		assertThat(pieces).containsExactly("Ada, ", "you s", "aid s", "o.", "");
		assertThat(merged.content()).isEqualTo("Ada, you said so.");
		assertThat(merged.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(merged.usage().cachedTokens()).isEqualTo(4);
		assertThat(merged.usage().promptTokens()).isEqualTo(4 + 3);
		assertThat(merged.usage().completionTokens()).isEqualTo(5);
		assertThat(this.ark.contexts().get(id).tokens()).isEqualTo(12);
		// the next call reads what the stream left
		assertThat(this.template.chat(id, "Again?").usage().cachedTokens()).isEqualTo(12);
	}

	@Test
	void onTheWireAStreamEndsWithAUsageChunkThenDone() throws Exception {
		String id = this.template.createContext("s").id();
		this.ark.contextChat().answer("abcdefgh");

		RawHttp.Response response = RawHttp.post(this.ark, ContextClient.CHAT_PATH, "Bearer k",
				"{\"model\":\"" + ENDPOINT + "\",\"context_id\":\"" + id + "\",\"stream\":true,"
						+ "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}");

		assertThat(response.header("Content-Type")).startsWith("text/event-stream");
		assertThat(SseEvents.data(response.body())).last().isEqualTo("[DONE]");
		List<JsonNode> chunks = SseEvents.chunks(response);
		assertThat(chunks).hasSize(3);
		assertThat(chunks).allSatisfy((chunk) -> {
			assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
			assertThat(chunk.get("id").asString()).isEqualTo(response.header("X-Request-Id"));
		});
		assertThat(chunks.get(0).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
		assertThat(chunks.get(1).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(chunks.get(2).get("choices")).isEmpty();
		assertThat(chunks.get(2).at("/usage/prompt_tokens_details/cached_tokens").asInt()).isEqualTo(1);
		assertThat(chunks.get(2).at("/usage/prompt_tokens").asInt()).isEqualTo(2);
		assertThat(chunks.get(2).at("/usage/completion_tokens").asInt()).isEqualTo(2);
	}

	@Test
	void withoutIncludeUsageNoChunkCarriesUsage() throws Exception {
		String id = this.template.createContext("s").id();

		RawHttp.Response response = RawHttp.post(this.ark, ContextClient.CHAT_PATH, "Bearer k",
				"{\"model\":\"" + ENDPOINT + "\",\"context_id\":\"" + id + "\",\"stream\":true,"
						+ "\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}");

		assertThat(SseEvents.chunks(response)).isNotEmpty().allSatisfy((chunk) -> assertThat(chunk.has("usage")).isFalse());
	}

	@Test
	void aChunkDelayStillDeliversTheWholeAnswerAndItsUsage() {
		String id = this.template.createContext("s").id();
		this.ark.contextChat().answer("Piece by piece, 一步一步 🚶.").chunkSize(3).chunkDelay(Duration.ofMillis(5));

		try (ContextChatStream stream = this.template.stream(
				ContextChatRequest.builder().contextId(id).user("Go").includeUsage().build())) {
			ContextChatCompletion merged = stream.completion();
			assertThat(merged.content()).isEqualTo("Piece by piece, 一步一步 🚶.");
			assertThat(merged.usage().cachedTokens()).isEqualTo(1);
		}
	}

	@Test
	void theAnswerFunctionSeesTheRequestAndTheContextBeforeTheTurn() {
		String id = this.template.createContext("You remember names.").id();
		this.ark.contextChat().answer((request) -> {
			String contextId = request.bodyJson().get("context_id").asString();
			return "turn " + (this.ark.contexts().get(contextId).turns() + 1) + " of " + contextId;
		});

		this.template.chat(id, "one");

		assertThat(this.template.chat(id, "two").content()).isEqualTo("turn 2 of " + id);
	}

	@Test
	void aCommonPrefixContextCachesItsPrefixAndDoesNotGrow() {
		// 32 code points: 8 tokens
		String prefix = "A shared prefix, 32 code points.";
		assertThat(prefix).hasSize(32);
		String id = this.template
			.createContext(ContextCreateRequest.builder().system(prefix).mode(ContextMode.COMMON_PREFIX).build())
			.id();

		ContextChatCompletion first = this.template.chat(id, "Question one?");
		ContextChatCompletion second = this.template.chat(id, "Question two?");

		assertThat(first.usage().cachedTokens()).isEqualTo(8);
		assertThat(second.usage().cachedTokens()).isEqualTo(8);
		assertThat(second.usage().promptTokens()).isEqualTo(8 + 4);
		MockContext context = this.ark.contexts().get(id);
		assertThat(context.tokens()).isEqualTo(8);
		assertThat(context.messages()).hasSize(1);
		assertThat(context.turns()).isEqualTo(2);
	}

	@Test
	void lastHistoryTokensCapsWhatASessionHolds() {
		String id = this.template
			.createContext(ContextCreateRequest.builder()
				.system("You are concise.")
				.truncationStrategy(TruncationStrategy.ofLastHistoryTokens(10))
				.build())
			.id();

		this.template.chat(id, "Tell me a long story about dragons, please.");

		assertThat(this.template.chat(id, "More.").usage().cachedTokens()).isEqualTo(10);
		assertThat(this.ark.contexts().get(id).tokens()).isEqualTo(10);
	}

	@Test
	void failAnswersEveryChatWithTheErrorAndLeavesTheContextFree() {
		String id = this.template.createContext("s").id();
		this.ark.contextChat().fail(429, "ServerOverloaded", "Too busy");

		assertThatExceptionOfType(ArkRateLimitException.class).isThrownBy(() -> this.template.chat(id, "q"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("ServerOverloaded"));
		assertThat(this.ark.contexts().get(id).inProgress()).isFalse();
		assertThat(this.ark.contexts().get(id).turns()).isZero();
	}

	@Test
	void aFailingAnswerFunctionIsReportedAsAnArk500AndFreesTheContext() throws Exception {
		String id = this.template.createContext("s").id();
		this.ark.contextChat().answer((request) -> {
			throw new IllegalStateException("broken test function");
		});

		RawHttp.Response response = RawHttp.post(this.ark, ContextClient.CHAT_PATH, "Bearer k",
				"{\"model\":\"" + ENDPOINT + "\",\"context_id\":\"" + id + "\",\"messages\":[{\"role\":\"user\","
						+ "\"content\":\"q\"}]}");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.body()).contains("broken test function");
		assertThat(this.ark.contexts().get(id).inProgress()).isFalse();
	}

	@Test
	void aCallNamingAnotherEndpointIsRefused() {
		String id = this.template.createContext("s").id();

		assertThatExceptionOfType(ArkBadRequestException.class)
			.isThrownBy(() -> this.template.chat(ContextChatRequest.builder()
				.endpoint("ep-20250101000000-other")
				.contextId(id)
				.user("q")
				.build()))
			.satisfies((ex) -> {
				assertThat(ex.getParam()).isEqualTo("model");
				assertThat(ex.getServerMessage()).contains(id).contains(ENDPOINT);
			});
		assertThat(this.ark.contexts().get(id).inProgress()).isFalse();
	}

	static Stream<Arguments> invalidRequests() {
		String user = "[{\"role\":\"user\",\"content\":\"q\"}]";
		return Stream.of(Arguments.of("{\"context_id\":\"ctx-1\",\"messages\":" + user + "}", "MissingParameter", "model"),
				Arguments.of("{\"model\":\"bot-1\",\"context_id\":\"ctx-1\",\"messages\":" + user + "}",
						"InvalidParameter", "model"),
				Arguments.of("{\"model\":\"ep-1\",\"messages\":" + user + "}", "MissingParameter", "context_id"),
				Arguments.of("{\"model\":\"ep-1\",\"context_id\":\"\",\"messages\":" + user + "}", "MissingParameter",
						"context_id"),
				Arguments.of("{\"model\":\"ep-1\",\"context_id\":7,\"messages\":" + user + "}", "InvalidParameter",
						"context_id"),
				Arguments.of("{\"model\":\"ep-1\",\"context_id\":\"ctx-1\"}", "MissingParameter", "messages"),
				Arguments.of("{\"model\":\"ep-1\",\"context_id\":\"ctx-1\",\"messages\":[]}", "InvalidParameter",
						"messages"),
				Arguments.of("{\"model\":\"ep-1\",\"context_id\":\"ctx-1\",\"messages\":[{\"role\":\"assistant\","
						+ "\"content\":\"a\"}]}", "InvalidParameter", "messages"),
				Arguments.of("{\"model\":\"ep-1\",\"context_id\":\"ctx-1\",\"messages\":" + user + ",\"tools\":[{\"type\":"
						+ "\"function\",\"function\":{\"name\":\"f\"}}]}", "InvalidParameter", "tools"),
				Arguments.of("{\"model\":\"ep-1\",\"context_id\":\"ctx-1\",\"messages\":" + user + ",\"stream\":\"yes\"}",
						"InvalidParameter", "stream"),
				Arguments.of("{\"model\":\"ep-1\",\"context_id\":\"ctx-1\",\"messages\":" + user
						+ ",\"stream_options\":{\"include_usage\":true}}", "InvalidParameter", "stream_options"));
	}

	@ParameterizedTest
	@MethodSource("invalidRequests")
	void refusesWhatArkRefusesNamingTheParameter(String body, String code, String param) throws Exception {
		RawHttp.Response response = RawHttp.post(this.ark, ContextClient.CHAT_PATH, "Bearer k", body);

		assertThat(response.status()).isEqualTo(400);
		JsonNode error = ArkJson.mapper().readTree(response.body()).get("error");
		assertThat(error.get("code").asString()).isEqualTo(code);
		assertThat(error.get("param").asString()).isEqualTo(param);
		assertThat(error.get("message").asString()).contains(param);
	}

}
