package dev.arkchat.bot;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.arkchat.ArkStreamException;
import dev.arkchat.ArkTimeoutException;
import dev.arkchat.http.RetrySettings;
import dev.arkchat.http.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle timeout, slow but healthy streams, and cancellation from another thread or by interruption (of a stream, and of
 * a blocking call whose answer is still arriving).
 */
class BotChatStreamLifecycleTest {

	private ScriptedHttpServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = new ScriptedHttpServer();
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
	}

	private BotChatClient client(Duration idle) {
		return BotChatClient.builder().baseUrl(this.server.baseUrl()).apiKey("k")
			.transport((t) -> t.retry(RetrySettings.NONE).streamIdleTimeout(idle).readTimeout(Duration.ofMillis(200)))
			.build();
	}

	private static BotChatRequest request() {
		return BotChatRequest.builder().bot("bot-1").user("hi").build();
	}

	@Test
	void aServerThatHangsAfterTheHeadersEndsWithATimeout() throws Exception {
		BotChatClient client = client(Duration.ofMillis(300));
		CompletableFuture<BotChatCompletion> result = CompletableFuture.supplyAsync(() -> {
			try (BotChatStream stream = client.stream(request())) {
				return stream.completion();
			}
		});
		ScriptedHttpServer.Exchange exchange = this.server.take().startEventStream();
		exchange.chunk("data: {\"id\":\"h\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"and then\"}}]}\n\n");
		// the server sends nothing more and never closes
		Throwable failure = result.handle((ok, ex) -> ex).get(30, TimeUnit.SECONDS);
		assertThat(failure).hasCauseInstanceOf(ArkTimeoutException.class);
		assertThat(failure.getCause()).hasMessageContaining("idle timeout");
		assertThat(exchange.awaitClientAbort(20)).isTrue();
	}

	@Test
	void aSlowButSteadyStreamLongerThanTheReadTimeoutIsNeverCut() throws Exception {
		// read timeout 200 ms applies to blocking calls only; the idle timeout (5 s) is far above each gap
		BotChatClient client = client(Duration.ofSeconds(5));
		CompletableFuture<BotChatCompletion> result = CompletableFuture.supplyAsync(() -> {
			try (BotChatStream stream = client.stream(request())) {
				return stream.completion();
			}
		});
		ScriptedHttpServer.Exchange exchange = this.server.take().startEventStream();
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			exchange.chunk("data: {\"id\":\"d\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + i + " \"}}]}\n\n");
			expected.append(i).append(' ');
			Thread.sleep(50);
		}
		exchange.chunk(": ping\n\n");
		exchange.chunk("data: [DONE]\n\n");
		exchange.end();
		assertThat(result.get(30, TimeUnit.SECONDS).content()).isEqualTo(expected.toString());
	}

	@Test
	void closingFromAnotherThreadUnblocksTheReaderAndAbortsTheExchange() throws Exception {
		BotChatClient client = client(Duration.ofMinutes(5));
		CompletableFuture<BotChatStream> opened = CompletableFuture.supplyAsync(() -> client.stream(request()));
		ScriptedHttpServer.Exchange exchange = this.server.take().startEventStream();
		exchange.chunk("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\n");
		BotChatStream stream = opened.get(30, TimeUnit.SECONDS);
		Iterator<BotChatChunk> chunks = stream.iterator();
		assertThat(chunks.next().content()).isEqualTo("x");
		CountDownLatch reading = new CountDownLatch(1);
		CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
			reading.countDown();
			try {
				chunks.hasNext();
				return null;
			}
			catch (RuntimeException ex) {
				return ex;
			}
		});
		reading.await();
		stream.close();
		assertThat(blocked.get(30, TimeUnit.SECONDS)).isInstanceOf(ArkStreamException.class);
		assertThat(exchange.awaitClientAbort(20)).isTrue();
	}

	@Test
	void interruptingTheReadingThreadAbortsTheExchange() throws Exception {
		BotChatClient client = client(Duration.ofMinutes(5));
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch firstChunk = new CountDownLatch(1);
		Thread reader = new Thread(() -> {
			try (BotChatStream stream = client.stream(request())) {
				for (BotChatChunk chunk : stream) {
					firstChunk.countDown();
				}
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		});
		reader.start();
		ScriptedHttpServer.Exchange exchange = this.server.take().startEventStream();
		exchange.chunk("data: {\"id\":\"i\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\n");
		assertThat(firstChunk.await(30, TimeUnit.SECONDS)).isTrue();
		reader.interrupt();
		reader.join(30_000);
		assertThat(reader.isAlive()).isFalse();
		assertThat(failure.get()).isInstanceOf(ArkStreamException.class).hasMessageContaining("interrupted");
		assertThat(exchange.awaitClientAbort(20)).isTrue();
	}

	@Test
	void interruptingABlockingCallWhoseAnswerIsStillArrivingAbortsTheExchange() throws Exception {
		BotChatClient client = client(Duration.ofMinutes(5));
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			try {
				client.chat(request());
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		});
		caller.start();
		// the headers and half the answer arrive (within the read timeout), the rest never does
		ScriptedHttpServer.Exchange exchange = this.server.take().startJsonAnswer();
		exchange.chunk("{\"id\":\"w\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",");
		caller.interrupt();
		caller.join(30_000);
		assertThat(caller.isAlive()).isFalse();
		assertThat(failure.get()).isInstanceOf(dev.arkchat.ArkException.class);
		assertThat(exchange.awaitClientAbort(20)).isTrue();
	}

}
