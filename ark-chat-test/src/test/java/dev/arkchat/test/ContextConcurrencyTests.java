package dev.arkchat.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.arkchat.ArkPermissionException;
import dev.arkchat.context.ContextBusyException;
import dev.arkchat.context.ContextChatCompletion;
import dev.arkchat.context.ContextChatRequest;
import dev.arkchat.context.ContextChatStream;
import dev.arkchat.context.ContextChatTemplate;
import dev.arkchat.context.ContextClient;
import dev.arkchat.context.ContextCreateRequest;
import dev.arkchat.context.ContextMode;
import dev.arkchat.context.ContextSessions;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.cache.concurrent.ConcurrentMapCache;

import static dev.arkchat.test.ContextCreateTests.ENDPOINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A session context on the fake answers one call at a time, like Ark: a second call while one is in progress gets
 * {@code 403 OperationDenied.InvalidState}. A call stops being in progress before its last bytes are written, so a
 * client that has its whole answer can call again at once. Calls are kept in progress deterministically with
 * {@link ContextChatStub#hold()}.
 */
class ContextConcurrencyTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static final ArkMockServerExtension extension = new ArkMockServerExtension();

	ArkMockServer ark;

	ContextChatTemplate template;

	final ExecutorService executor = Executors.newCachedThreadPool();

	@BeforeEach
	void setUp(ArkMockServer server) {
		this.ark = server;
		this.template = ContextChatTemplate.builder(ContextCreateTests.client(server)).endpointId(ENDPOINT).build();
	}

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.executor.shutdownNow();
		assertThat(this.executor.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aSecondCallWhileABlockingOneIsInProgressGets403InvalidState() throws Exception {
		String id = this.template.createContext("s").id();
		ContextChatStub.Hold hold = this.ark.contextChat().hold();
		Future<ContextChatCompletion> first = this.executor.submit(() -> this.template.chat(id, "first"));
		assertThat(hold.awaitHeld(1, WAIT)).isTrue();
		assertThat(this.ark.contexts().get(id).inProgress()).isTrue();

		RawHttp.Response refused = RawHttp.post(this.ark, ContextClient.CHAT_PATH, "Bearer k", "{\"model\":\""
				+ ENDPOINT + "\",\"context_id\":\"" + id + "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
		assertThatExceptionOfType(ContextBusyException.class).isThrownBy(() -> this.template.chat(id, "second"))
			.satisfies((ex) -> {
				assertThat(ex.getContextId()).isEqualTo(id);
				assertThat(ex.getStatusCode()).isEqualTo(403);
			});
		hold.release();

		assertThat(refused.status()).isEqualTo(403);
		JsonNode error = ArkJson.mapper().readTree(refused.body()).get("error");
		assertThat(error.get("code").asString()).isEqualTo("OperationDenied.InvalidState");
		assertThat(error.get("type").asString()).isEqualTo("Forbidden");
		assertThat(error.get("message").asString())
			.startsWith("The specified context is in invalid state: InProgress. Request id: ");
		assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).content()).isEqualTo("Echo: first");
		assertThat(this.ark.contexts().get(id).turns()).isEqualTo(1);
		assertThat(this.template.chat(id, "third").content()).isEqualTo("Echo: third");
	}

	@Test
	void aStreamIsInProgressUntilItsLastEvent() throws Exception {
		String id = this.template.createContext("s").id();
		this.ark.contextChat().answer("a streamed answer").chunkSize(2);
		ContextChatStub.Hold hold = this.ark.contextChat().hold();
		CountDownLatch firstChunk = new CountDownLatch(1);
		Future<String> first = this.executor.submit(() -> {
			try (ContextChatStream stream = this.template.stream(id, "first")) {
				StringBuilder text = new StringBuilder();
				stream.forEach((chunk) -> {
					text.append(chunk.content());
					firstChunk.countDown();
				});
				return text.toString();
			}
		});
		assertThat(firstChunk.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		// every content event was handed out; the stream waits before [DONE]
		assertThat(hold.awaitHeld(1, WAIT)).isTrue();

		assertThatExceptionOfType(ContextBusyException.class)
			.isThrownBy(() -> this.template.stream(id, "second").close());
		hold.release();

		assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("a streamed answer");
		assertThat(this.ark.contexts().get(id).inProgress()).isFalse();
	}

	@Test
	void aCommonPrefixContextAnswersCallsInParallel() throws Exception {
		String id = this.template
			.createContext(ContextCreateRequest.builder().system("prefix").mode(ContextMode.COMMON_PREFIX).build())
			.id();
		ContextChatStub.Hold hold = this.ark.contextChat().hold();
		Future<ContextChatCompletion> first = this.executor.submit(() -> this.template.chat(id, "one"));
		Future<ContextChatCompletion> second = this.executor.submit(() -> this.template.chat(id, "two"));

		assertThat(hold.awaitHeld(2, WAIT)).isTrue();
		hold.release();

		assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).content()).isEqualTo("Echo: one");
		assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS).content()).isEqualTo("Echo: two");
	}

	@Test
	void aClientThatHasItsWholeAnswerCanCallAgainAtOnce() {
		// no lock on the client side: each call ends on the server before the client has its last bytes
		String id = this.template.createContext("s").id();
		for (int i = 0; i < 100; i++) {
			if (i % 2 == 0) {
				assertThat(this.template.chat(id, "blocking " + i).content()).isEqualTo("Echo: blocking " + i);
			}
			else {
				try (ContextChatStream stream = this.template.stream(id, "streamed " + i)) {
					assertThat(stream.completion().content()).isEqualTo("Echo: streamed " + i);
				}
			}
		}
		assertThat(this.ark.contexts().get(id).turns()).isEqualTo(100);
	}

	@Test
	void sixteenThreadsOnOneConversationNeverFindItsContextBusy() throws Exception {
		ContextSessions sessions = this.template.sessions();
		this.ark.contextChat().chunkSize(3);
		int threads = 16;
		int callsPerThread = 6;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> results = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			results.add(this.executor.submit(() -> {
				start.await();
				for (int i = 0; i < callsPerThread; i++) {
					String message = "thread " + thread + " call " + i;
					if ((thread + i) % 2 == 0) {
						assertThat(sessions.chat("shared", message).content()).isEqualTo("Echo: " + message);
					}
					else {
						try (ContextChatStream stream = sessions.stream("shared",
								ContextChatRequest.builder().user(message).includeUsage().build())) {
							assertThat(stream.completion().content()).isEqualTo("Echo: " + message);
						}
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> result : results) {
			result.get(60, TimeUnit.SECONDS);
		}

		assertThat(this.ark.contexts().all()).hasSize(1);
		MockContext context = this.ark.contexts().get(sessions.contextId("shared"));
		assertThat(context.turns()).isEqualTo(threads * callsPerThread);
		assertThat(context.messages()).hasSize(2 * threads * callsPerThread);
	}

	@Test
	void twoInstancesSharingACacheAreNotSerialisedWithEachOther() throws Exception {
		ConcurrentMapCache shared = new ConcurrentMapCache("shared");
		ContextSessions first = ContextSessions.builder(this.template).cache(shared).build();
		ContextSessions second = ContextSessions.builder(this.template).cache(shared).build();
		first.chat("conversation", "hello");
		ContextChatStub.Hold hold = this.ark.contextChat().hold();
		Future<ContextChatCompletion> held = this.executor.submit(() -> first.chat("conversation", "from one"));
		assertThat(hold.awaitHeld(1, WAIT)).isTrue();

		assertThatExceptionOfType(ContextBusyException.class).isThrownBy(() -> second.chat("conversation", "from two"))
			.satisfies((ex) -> {
				assertThat(ex.getConversationId()).isEqualTo("conversation");
				assertThat(ex.getContextId()).isEqualTo(first.contextId("conversation"));
			})
			.isInstanceOf(ArkPermissionException.class);
		hold.release();

		assertThat(held.get(WAIT.toSeconds(), TimeUnit.SECONDS).content()).isEqualTo("Echo: from one");
		assertThat(second.chat("conversation", "from two").usage().cachedTokens()).isPositive();
		assertThat(this.ark.contexts().all()).hasSize(1);
	}

	@Test
	void aStreamClosedEarlyFreesItsContextOnceTheServerNotices() throws Exception {
		String id = this.template.createContext("s").id();
		this.ark.contextChat().answer("x".repeat(400)).chunkSize(1).chunkDelay(Duration.ofMillis(20));
		try (ContextChatStream stream = this.template.stream(id, "long answer please")) {
			assertThat(stream.iterator().next().content()).isEqualTo("x");
			assertThat(this.ark.contexts().get(id).inProgress()).isTrue();
		}

		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.ark.contexts().get(id).inProgress() && System.nanoTime() < deadline) {
			// the server notices when its next write fails: poll, bounded
			Thread.sleep(5);
		}
		assertThat(this.ark.contexts().get(id).inProgress()).isFalse();
		assertThat(this.template.chat(id, "next").usage().cachedTokens()).isEqualTo(1 + 5 + 100);
	}

}
