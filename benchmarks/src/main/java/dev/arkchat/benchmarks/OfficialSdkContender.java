package dev.arkchat.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.volcengine.ark.runtime.model.bot.completion.chat.BotChatCompletionChunk;
import com.volcengine.ark.runtime.model.bot.completion.chat.BotChatCompletionRequest;
import com.volcengine.ark.runtime.model.completion.chat.ChatCompletionChoice;
import com.volcengine.ark.runtime.model.completion.chat.ChatMessage;
import com.volcengine.ark.runtime.model.completion.chat.ChatMessageRole;
import com.volcengine.ark.runtime.service.ArkService;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;

/**
 * The official Volcengine SDK ({@code volcengine-java-sdk-ark-runtime}): {@code createBotChatCompletion} and
 * {@code streamBotChatCompletion}, consumed with RxJava's {@code blockingForEach} as a thread-per-request application
 * would. Default settings, or "tuned": its OkHttp dispatcher's per-host cap (5 by default) and connection pool raised
 * so that many streams can run at once.
 */
final class OfficialSdkContender implements Contender {

	private final ArkService service;

	private final BotChatCompletionRequest streamRequest;

	private final BotChatCompletionRequest blockingRequest;

	OfficialSdkContender(String baseUrl, boolean tuned) {
		ArkService.Builder builder = ArkService.builder().apiKey(API_KEY).baseUrl(baseUrl + "/api/v3/");
		if (tuned) {
			Dispatcher dispatcher = new Dispatcher();
			dispatcher.setMaxRequests(4096);
			dispatcher.setMaxRequestsPerHost(4096);
			builder.dispatcher(dispatcher).connectionPool(new ConnectionPool(1024, 5, TimeUnit.MINUTES));
		}
		this.service = builder.build();
		this.streamRequest = request();
		this.blockingRequest = request();
	}

	private static BotChatCompletionRequest request() {
		return BotChatCompletionRequest.builder()
			.botId(BOT_ID)
			.messages(List.of(ChatMessage.builder().role(ChatMessageRole.SYSTEM).content(SYSTEM).build(),
					ChatMessage.builder().role(ChatMessageRole.USER).content(USER).build()))
			.build();
	}

	@Override
	public int stream(Consumer<String> content) {
		AtomicInteger chunks = new AtomicInteger();
		this.service.streamBotChatCompletion(this.streamRequest).blockingForEach((chunk) -> {
			content.accept(content(chunk));
			chunks.incrementAndGet();
		});
		return chunks.get();
	}

	private static String content(BotChatCompletionChunk chunk) {
		List<ChatCompletionChoice> choices = chunk.getChoices();
		if (choices == null || choices.isEmpty() || choices.get(0).getMessage() == null) {
			return "";
		}
		Object text = choices.get(0).getMessage().getContent();
		return (text instanceof String s) ? s : "";
	}

	@Override
	public String chat() {
		return this.service.createBotChatCompletion(this.blockingRequest).getChoices().get(0).getMessage()
			.stringContent();
	}

	@Override
	public void close() {
		this.service.shutdownExecutor();
	}

}
