package dev.arkchat.bot;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.arkchat.http.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call whose answer was read to its logical end leaves its connection to the next call, even when the end of the
 * HTTP body (the terminating chunk) arrives only after the caller is done: the stream's {@code [DONE]} or the whole
 * JSON answer is the caller's end, the body's end is the connection's. Without this every call would reconnect (with
 * TLS, a new handshake).
 */
class BotChatConnectionReuseTest {

	private ScriptedHttpServer server;

	private BotChatClient client;

	@BeforeEach
	void start() throws Exception {
		this.server = new ScriptedHttpServer();
		this.client = BotChatClient.builder().baseUrl(this.server.baseUrl()).apiKey("k").build();
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
	}

	private BotChatRequest request() {
		return BotChatRequest.builder().bot("bot-1").user("hi").build();
	}

	@Test
	void aWholeAnswerLeavesItsConnectionToTheNextCall() throws Exception {
		String answer = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
				+ "\"finish_reason\":\"stop\"}]}";
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> this.client.chat(request()).content());
		ScriptedHttpServer.Exchange one = this.server.take();
		// the wire mapper reads a whole answer to the body's end (trailing tokens are an error)
		one.startJsonAnswer().chunk(answer);
		one.end();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("Hi");

		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> this.client.chat(request()).content());
		ScriptedHttpServer.Exchange two = this.server.take();
		assertThat(two.clientPort()).as("the second call's connection").isEqualTo(one.clientPort());
		two.startJsonAnswer().chunk(answer);
		two.end();
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("Hi");
	}

	@Test
	void aStreamClosedEarlyStillAbortsItsExchange() throws Exception {
		CompletableFuture<BotChatChunk> first = CompletableFuture.supplyAsync(() -> {
			BotChatStream opened = this.client.stream(request());
			BotChatChunk chunk = opened.iterator().next();
			opened.close();
			return chunk;
		});
		ScriptedHttpServer.Exchange one = this.server.take().startEventStream();
		one.chunk("data: {\"id\":\"a\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n");
		assertThat(first.get(10, TimeUnit.SECONDS).content()).isEqualTo("Hi");
		assertThat(one.awaitClientAbort(10)).as("the client aborts the exchange at once").isTrue();
	}

}
