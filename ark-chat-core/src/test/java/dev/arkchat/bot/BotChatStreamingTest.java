package dev.arkchat.bot;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.arkchat.ArkStreamException;
import dev.arkchat.http.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Streaming over a real socket, delivered the way networks deliver it: in fragments, in lock-step with the caller, and
 * abandoned half way.
 */
class BotChatStreamingTest {

	private static final String STREAM = "data: {\"id\":\"s1\",\"model\":\"doubao\",\"choices\":[{\"index\":0,\"delta\":"
			+ "{\"role\":\"assistant\",\"reasoning_content\":\"想一想\"}}]}\r\n\r\n"
			+ ": ping\r\n\r\n"
			+ "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"你好，\"}}]}\r\n\r\n"
			+ "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"世界 😊\"},\"finish_reason\":\"stop\"}],"
			+ "\"bot_usage\":{\"model_usage\":[{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}]}}\r\n\r\n"
			+ "data: [DONE]\r\n\r\n";

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

	private BotChatCompletion streamWithSplits(int... offsets) throws Exception {
		byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
		CompletableFuture<BotChatCompletion> result = CompletableFuture.supplyAsync(() -> {
			try (BotChatStream stream = this.client.stream(request())) {
				return stream.completion();
			}
		});
		ScriptedHttpServer.Exchange exchange = this.server.take().startEventStream();
		int from = 0;
		for (int offset : offsets) {
			exchange.chunk(Arrays.copyOfRange(bytes, from, offset));
			from = offset;
		}
		exchange.chunk(Arrays.copyOfRange(bytes, from, bytes.length));
		exchange.end();
		return result.get(30, TimeUnit.SECONDS);
	}

	@Test
	void fragmentsSplitAtAwkwardPlacesMergeToTheSameCompletion() throws Exception {
		BotChatCompletion whole = streamWithSplits();
		assertThat(whole.content()).isEqualTo("你好，世界 😊");
		assertThat(whole.reasoningContent()).isEqualTo("想一想");
		assertThat(whole.botUsage().totalTokens()).isEqualTo(7);

		byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
		String text = STREAM;
		int insideChinese = byteOffset(text, text.indexOf("想")) + 1;
		int insideEmoji = byteOffset(text, text.indexOf("😊")) + 2;
		int insideData = byteOffset(text, text.indexOf("data: {\"id\":\"s1\",\"choices\"")) + 2;
		int betweenCrAndLf = byteOffset(text, text.indexOf("\r\n\r\n")) + 1;
		int betweenCrLfPairs = byteOffset(text, text.indexOf("\r\n\r\n", text.indexOf("\r\n\r\n") + 4)) + 3;
		assertThat(bytes[betweenCrAndLf - 1]).isEqualTo((byte) '\r');
		assertThat(bytes[betweenCrAndLf]).isEqualTo((byte) '\n');

		int[] splits = { insideChinese, insideData, betweenCrAndLf, betweenCrLfPairs, insideEmoji };
		Arrays.sort(splits);
		assertThat(streamWithSplits(splits)).isEqualTo(whole);
		// the stream as separate single bytes for its first 200 bytes
		int[] everyByte = new int[200];
		for (int i = 0; i < everyByte.length; i++) {
			everyByte[i] = i + 1;
		}
		assertThat(streamWithSplits(everyByte)).isEqualTo(whole);
	}

	private static int byteOffset(String text, int charIndex) {
		return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
	}

	@Test
	void firstChunkReachesTheCallerBeforeTheServerSendsTheSecond() throws Exception {
		CompletableFuture<BotChatStream> opened = CompletableFuture.supplyAsync(() -> this.client.stream(request()));
		ScriptedHttpServer.Exchange exchange = this.server.take().startEventStream();
		exchange.chunk("data: {\"id\":\"s2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"first\"}}]}\n\n");
		try (BotChatStream stream = opened.get(30, TimeUnit.SECONDS)) {
			Iterator<BotChatChunk> chunks = stream.iterator();
			// the server sends nothing more until the caller has the first chunk: buffering would deadlock here
			CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> chunks.next().content());
			assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
			exchange.chunk("data: {\"id\":\"s2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"second\"},"
					+ "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
			exchange.end();
			assertThat(chunks.next().content()).isEqualTo("second");
			assertThat(chunks.hasNext()).isFalse();
			assertThat(stream.completion().content()).isEqualTo("firstsecond");
			assertThat(stream.isFinished()).isTrue();
		}
	}

	@Test
	void closingEarlyAbortsTheExchangeAndTheClientStaysUsable() throws Exception {
		CompletableFuture<BotChatStream> opened = CompletableFuture.supplyAsync(() -> this.client.stream(request()));
		ScriptedHttpServer.Exchange exchange = this.server.take().startEventStream();
		exchange.chunk("data: {\"id\":\"s3\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"endless\"}}]}\n\n");
		BotChatStream stream = opened.get(30, TimeUnit.SECONDS);
		assertThat(stream.iterator().next().content()).isEqualTo("endless");

		stream.close();

		assertThat(exchange.awaitClientAbort(20)).as("the server sees the client go away").isTrue();
		assertThat(stream.isClosed()).isTrue();
		assertThat(stream.isFinished()).isFalse();
		assertThatThrownBy(stream::completion).isInstanceOf(ArkStreamException.class);

		// the next call on the same client works
		CompletableFuture<BotChatCompletion> next = CompletableFuture.supplyAsync(() -> {
			try (BotChatStream again = this.client.stream(request())) {
				return again.completion();
			}
		});
		ScriptedHttpServer.Exchange second = this.server.take().startEventStream();
		second.chunk("data: {\"id\":\"s4\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"fine\"}}]}\n\ndata: [DONE]\n\n");
		second.end();
		assertThat(next.get(30, TimeUnit.SECONDS).content()).isEqualTo("fine");
	}

	@Test
	void closingTheJavaStreamClosesTheChatStream() throws Exception {
		CompletableFuture<BotChatStream> opened = CompletableFuture.supplyAsync(() -> this.client.stream(request()));
		ScriptedHttpServer.Exchange exchange = this.server.take().startEventStream();
		exchange.chunk("data: {\"id\":\"s5\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n");
		BotChatStream chatStream = opened.get(30, TimeUnit.SECONDS);
		try (var chunks = chatStream.stream()) {
			assertThat(chunks.findFirst()).get().extracting(BotChatChunk::content).isEqualTo("a");
		}
		assertThat(chatStream.isClosed()).isTrue();
		assertThat(exchange.awaitClientAbort(20)).isTrue();
	}

	@Test
	void connectionDroppedMidStreamIsAStreamError() throws Exception {
		CompletableFuture<BotChatCompletion> result = CompletableFuture.supplyAsync(() -> {
			try (BotChatStream stream = this.client.stream(request())) {
				return stream.completion();
			}
		});
		ScriptedHttpServer.Exchange exchange = this.server.take().startEventStream();
		exchange.chunk("data: {\"id\":\"s6\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"half\"}}]}\n\n");
		exchange.closeConnection();
		assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ArkStreamException.class);
	}

}
