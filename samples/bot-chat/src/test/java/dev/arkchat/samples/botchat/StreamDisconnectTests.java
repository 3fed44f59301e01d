package dev.arkchat.samples.botchat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatCompletion;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.bot.BotChatStream;
import dev.arkchat.bot.BotChatTemplate;
import dev.arkchat.http.ServerSentEvent;
import dev.arkchat.http.ServerSentEventReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the browser goes away, the Ark stream behind it is closed (its exchange aborted) instead of being read to the
 * end. The fake streams slowly here so that the answer is far from finished when the client leaves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ark.chat.api-key=", "ark.chat.bot.id=", "sample.mock-ark.chunk-delay=100ms" })
class StreamDisconnectTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingBotChatOperations bots;

	@Test
	void closesTheArkStreamWhenTheClientDisconnects() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<InputStream> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/chat/stream?q=hi")).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (ServerSentEventReader reader = new ServerSentEventReader(response.body())) {
			ServerSentEvent first = reader.next();
			assertThat(first).isNotNull();
			assertThat(first.type()).isEqualTo("reasoning");
		} // the client leaves after the first event

		BotChatStream stream = this.bots.opened.poll(10, TimeUnit.SECONDS);
		assertThat(stream).isNotNull();
		await().atMost(Duration.ofSeconds(10)).until(stream::isClosed);
		assertThat(stream.isFinished()).as("closed before its end, not read to the end").isFalse();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingConfiguration {

		@Bean
		RecordingBotChatOperations recordingBotChatOperations(BotChatClient client,
				@Value("${ark.chat.bot.id}") String botId) {
			return new RecordingBotChatOperations(new BotChatTemplate(client, botId));
		}

	}

	/** The auto-configured template, keeping the streams it opens. */
	static final class RecordingBotChatOperations implements BotChatOperations {

		final BlockingQueue<BotChatStream> opened = new LinkedBlockingQueue<>();

		private final BotChatOperations delegate;

		RecordingBotChatOperations(BotChatOperations delegate) {
			this.delegate = delegate;
		}

		@Override
		public BotChatCompletion chat(String question) {
			return this.delegate.chat(question);
		}

		@Override
		public BotChatCompletion chat(BotChatRequest request) {
			return this.delegate.chat(request);
		}

		@Override
		public BotChatStream stream(String question) {
			return record(this.delegate.stream(question));
		}

		@Override
		public BotChatStream stream(BotChatRequest request) {
			return record(this.delegate.stream(request));
		}

		private BotChatStream record(BotChatStream stream) {
			this.opened.add(stream);
			return stream;
		}

	}

}
