package dev.arkchat.context;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

import dev.arkchat.http.RetrySettings;
import dev.arkchat.ArkNotFoundException;
import dev.arkchat.ArkServerException;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cache.concurrent.ConcurrentMapCache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ContextSessions} against a stateful fake Ark: contexts created lazily, reused, renewed after expiry, calls of
 * one conversation serialised.
 */
class ContextSessionsTest {

	private static final String SYSTEM = "你是李雷，你只会说“我是李雷”";

	private FakeContextServer ark;

	private ContextClient client;

	private ContextSessions sessions;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@BeforeEach
	void setUp() throws IOException {
		this.ark = new FakeContextServer();
		this.client = ContextClient.builder().baseUrl(this.ark.baseUrl()).apiKey("k")
			.transport((t) -> t.retry(RetrySettings.NONE)).build();
		this.sessions = template(new ConcurrentMapCache("conversations")).sessions();
	}

	private ContextChatTemplate template(ConcurrentMapCache cache) {
		return ContextChatTemplate.builder(this.client)
			.endpointId("ep-1")
			.ttl(Duration.ofHours(1))
			.truncationStrategy(TruncationStrategy.ofLastHistoryTokens(4096))
			.sessionSystemPrompt(SYSTEM)
			.sessionCache(cache)
			.build();
	}

	@AfterEach
	void tearDown() {
		this.threads.shutdownNow();
		this.ark.close();
	}

	@Test
	void theFirstCallCreatesASessionContextThatLaterCallsReuse() {
		ContextChatCompletion first = this.sessions.chat("alice", "hello");
		ContextChatCompletion second = this.sessions.chat("alice", "who are you?");

		assertThat(this.ark.creates).hasSize(1);
		assertThat(this.ark.creates.get(0)).isEqualTo(json("""
				{"model": "ep-1", "messages": [{"role": "system", "content": "%s"}], "mode": "session", "ttl": 3600,
				 "truncation_strategy": {"type": "last_history_tokens", "last_history_tokens": 4096}}""".formatted(SYSTEM)));
		assertThat(this.ark.chats).containsExactly(json("""
				{"model": "ep-1", "context_id": "ctx-1", "messages": [{"role": "user", "content": "hello"}]}"""),
				json("""
						{"model": "ep-1", "context_id": "ctx-1",
						 "messages": [{"role": "user", "content": "who are you?"}]}"""));
		assertThat(first.content()).isEqualTo("answer 1 to hello");
		assertThat(second.content()).isEqualTo("answer 2 to who are you?");
		assertThat(second.cachedTokens()).as("the history is served from the cache")
			.isGreaterThan(first.cachedTokens())
			.isGreaterThan(SYSTEM.length());
		assertThat(this.sessions.contextId("alice")).isEqualTo("ctx-1");
		assertThat(this.sessions.lockEntries()).isZero();
	}

	@Test
	void conversationsHaveTheirOwnContexts() {
		this.sessions.chat("alice", "hi");
		this.sessions.chat("bob", "hi");

		assertThat(this.sessions.contextId("alice")).isEqualTo("ctx-1");
		assertThat(this.sessions.contextId("bob")).isEqualTo("ctx-2");
		assertThat(this.ark.creates).hasSize(2);
	}

	@ParameterizedTest(name = "gone as {0}")
	@MethodSource("goneAnswers")
	void anExpiredContextIsReplacedAndTheCallRepeatedOnce(FakeContextServer.Gone gone) {
		this.ark.gone = gone;
		this.sessions.chat("alice", "first");
		this.ark.expire("ctx-1");

		ContextChatCompletion answer = this.sessions.chat("alice", "second");

		assertThat(answer.content()).as("a new context knows no earlier turn").isEqualTo("answer 1 to second");
		assertThat(this.ark.creates).hasSize(2);
		assertThat(this.ark.creates.get(1)).as("only the initial messages are replayed")
			.isEqualTo(this.ark.creates.get(0));
		assertThat(this.ark.chats).extracting((body) -> body.get("context_id").asString())
			.containsExactly("ctx-1", "ctx-1", "ctx-2");
		ObjectNode retried = (ObjectNode) this.ark.chats.get(1).deepCopy();
		assertThat(this.ark.chats.get(2)).as("the same call again, on the new context")
			.isEqualTo(retried.put("context_id", "ctx-2"));
		assertThat(this.sessions.contextId("alice")).isEqualTo("ctx-2");
		this.sessions.chat("alice", "third");
		assertThat(this.ark.creates).hasSize(2);
	}

	static List<FakeContextServer.Gone> goneAnswers() {
		return List.of(FakeContextServer.Gone.NOT_FOUND, FakeContextServer.Gone.INVALID_PARAMETER,
				FakeContextServer.Gone.EXPIRED);
	}

	@Test
	void anExpiredContextIsAlsoReplacedForAStream() {
		this.sessions.chat("alice", "first");
		this.ark.expire("ctx-1");

		try (ContextChatStream stream = this.sessions.stream("alice", "second")) {
			assertThat(stream.completion().content()).isEqualTo("answer 1 to second");
		}

		assertThat(this.sessions.contextId("alice")).isEqualTo("ctx-2");
		assertThat(this.ark.chats.get(2).get("stream").asBoolean()).isTrue();
		assertThat(this.sessions.lockEntries()).isZero();
	}

	@Test
	void aContextThatIsGoneAgainAfterRenewalFailsWithoutLooping() {
		this.ark.alwaysGone = true;

		assertThatThrownBy(() -> this.sessions.chat("alice", "hi")).isInstanceOf(ArkNotFoundException.class);

		assertThat(this.ark.creates).hasSize(2);
		assertThat(this.ark.chats).hasSize(2);
		assertThat(this.sessions.lockEntries()).isZero();
	}

	@Test
	void aContextBusyWithAnotherClientIsReportedNotRenewed() {
		this.sessions.chat("alice", "hi");
		this.ark.occupy("ctx-1");

		assertThatThrownBy(() -> this.sessions.chat("alice", "again"))
			.isInstanceOfSatisfying(ContextBusyException.class, (ex) -> {
				assertThat(ex.getConversationId()).isEqualTo("alice");
				assertThat(ex.getContextId()).isEqualTo("ctx-1");
				assertThat(ex.getStatusCode()).isEqualTo(403);
				assertThat(ex.getMessage()).contains("alice", "ctx-1", "within one instance only");
			});
		assertThatThrownBy(() -> this.sessions.stream("alice", "again")).isInstanceOf(ContextBusyException.class);
		assertThat(this.ark.creates).hasSize(1);
		assertThat(this.sessions.contextId("alice")).isEqualTo("ctx-1");
		assertThat(this.sessions.lockEntries()).as("released on failure").isZero();
	}

	@Test
	void otherFailuresPassThroughAndReleaseTheConversation() {
		this.sessions.chat("alice", "hi");
		this.ark.failNextChat = 500;

		assertThatThrownBy(() -> this.sessions.chat("alice", "again")).isInstanceOf(ArkServerException.class);

		assertThat(this.sessions.lockEntries()).isZero();
		assertThat(this.sessions.chat("alice", "once more").content()).isEqualTo("answer 2 to once more");
		assertThat(this.ark.creates).hasSize(1);
	}

	@Test
	void sixteenThreadsOnOneConversationNeverMakeTheContextBusy() throws Exception {
		int threads = 16;
		// Hold every answer until every thread that has not had its answer yet is queued on the conversation (or a
		// second call arrived, which the fake refuses with 403 InvalidState): calls that were not serialised would
		// overlap here.
		this.ark.whileAnswering = (contextId) -> awaitUntil(
				() -> this.sessions.lockUsers("crowd") >= threads - this.ark.answered() || this.ark.violations() > 0);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ContextChatCompletion>> calls = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			String message = "message " + i;
			calls.add(this.threads.submit(() -> {
				start.await();
				return this.sessions.chat("crowd", message);
			}));
		}
		start.countDown();

		List<String> answers = new ArrayList<>();
		for (Future<ContextChatCompletion> call : calls) {
			answers.add(call.get(30, TimeUnit.SECONDS).content());
		}

		assertThat(this.ark.violations()).as("calls refused with 403 OperationDenied.InvalidState").isZero();
		assertThat(this.ark.creates).as("one context for the conversation").hasSize(1);
		assertThat(this.ark.chats).hasSize(threads);
		assertThat(answers).hasSize(threads).allMatch((a) -> a.matches("answer \\d+ to message \\d+"));
		assertThat(answers).extracting((a) -> a.split(" ")[1]).doesNotHaveDuplicates();
		assertThat(this.sessions.lockEntries()).as("no lock left for an idle conversation").isZero();
	}

	@Test
	void anOpenStreamHoldsItsConversationUntilClosed() throws Exception {
		ContextChatStream stream = this.sessions.stream("alice", "tell me a story");
		Future<ContextChatCompletion> waiting = this.threads.submit(() -> this.sessions.chat("alice", "and then?"));
		awaitUntil(() -> this.sessions.lockUsers("alice") == 2);

		assertThat(waiting).isNotDone();
		assertThat(this.ark.chats).hasSize(1);
		assertThat(this.sessions.chat("bob", "hi").content()).as("other conversations go on")
			.isEqualTo("answer 1 to hi");

		stream.close();

		assertThat(waiting.get(10, TimeUnit.SECONDS).content()).isEqualTo("answer 2 to and then?");
		assertThat(this.ark.violations()).isZero();
		assertThat(this.sessions.lockEntries()).isZero();
	}

	@Test
	void aStreamReadToItsEndReleasesItsConversation() {
		ContextChatStream stream = this.sessions.stream("alice", "hello");
		List<String> pieces = new ArrayList<>();
		stream.forEach((chunk) -> pieces.add(chunk.content()));

		assertThat(String.join("", pieces)).isEqualTo("answer 1 to hello");
		assertThat(stream.completion().usage().promptTokens()).isEqualTo(SYSTEM.length() + "hello".length());
		assertThat(stream.isClosed()).isTrue();
		assertThat(this.sessions.lockEntries()).isZero();
	}

	@Test
	void twoInstancesSharingACacheContinueTheSameConversation() {
		ConcurrentMapCache shared = new ConcurrentMapCache("shared");
		ContextSessions first = template(shared).sessions();
		ContextSessions second = template(shared).sessions();

		first.chat("alice", "hello");
		ContextChatCompletion answer = second.chat("alice", "again");

		assertThat(answer.content()).isEqualTo("answer 2 to again");
		assertThat(second.contextId("alice")).isEqualTo(first.contextId("alice")).isEqualTo("ctx-1");
		assertThat(shared.getNativeCache()).isEqualTo(Map.of("alice", "ctx-1"));
		assertThat(this.ark.creates).hasSize(1);

		this.ark.expire("ctx-1");
		second.chat("alice", "after expiry");
		first.chat("alice", "seen by the other");
		assertThat(first.contextId("alice")).isEqualTo("ctx-2");
		assertThat(this.ark.creates).hasSize(2);
	}

	@Test
	void forgetStartsANewContext() {
		this.sessions.chat("alice", "hi");
		this.sessions.forget("alice");

		assertThat(this.sessions.contextId("alice")).isNull();
		this.sessions.chat("alice", "hi again");
		assertThat(this.sessions.contextId("alice")).isEqualTo("ctx-2");
	}

	@Test
	void aRequestWithOptionsKeepsThemAndGetsTheContextId() {
		this.sessions.chat("alice", ContextChatRequest.builder().user("hi").temperature(0.2).maxTokens(50).build());

		assertThat(this.ark.chats.get(0)).isEqualTo(json("""
				{"model": "ep-1", "context_id": "ctx-1", "messages": [{"role": "user", "content": "hi"}],
				 "max_tokens": 50, "temperature": 0.2}"""));
	}

	@Test
	void invalidCallsSendNothingNotEvenACreate() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.sessions.chat("alice", ContextChatRequest.builder()
				.user("hi")
				.tools(Tool.function("f", null, null))
				.build()))
			.withMessageContaining("tools is not supported");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.sessions.stream("alice",
					ContextChatRequest.builder().user("hi").assistant("no").build()))
			.withMessageContaining("must be one of system, user, tool but was assistant");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.sessions.chat("alice", ContextChatRequest.builder().contextId("ctx-9").user("hi").build()))
			.withMessageContaining("context_id must not be set");
		assertThatIllegalArgumentException().isThrownBy(() -> this.sessions.chat(" ", "hi"))
			.withMessageContaining("conversationId");

		assertThat(this.ark.creates).isEmpty();
		assertThat(this.ark.chats).isEmpty();
		assertThat(this.sessions.lockEntries()).isZero();
	}

	@Test
	void sessionsWithoutCacheKeepConversationsInMemory() {
		ContextSessions plain = ContextSessions.builder(new ContextChatTemplate(this.client, "ep-1"))
			.systemPrompt("s")
			.build();

		plain.chat("alice", "hi");

		assertThat(plain.getCache()).isInstanceOf(ConcurrentMapCache.class);
		assertThat(plain.getCache().getName()).isEqualTo(ContextSessions.DEFAULT_CACHE_NAME);
		assertThat(plain.contextId("alice")).isEqualTo("ctx-1");
		assertThat(plain.getInitialMessages()).containsExactly(ChatMessage.system("s"));
	}

	/** Waits for a condition driven by other threads; gives up after 10 s (the assertions then tell what failed). */
	private static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
		}
	}

	private static JsonNode json(String text) {
		return dev.arkchat.http.ArkJson.mapper().readTree(text);
	}

}
