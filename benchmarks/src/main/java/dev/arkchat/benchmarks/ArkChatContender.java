package dev.arkchat.benchmarks;

import java.util.function.Consumer;

import dev.arkchat.bot.BotChatChunk;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.bot.BotChatStream;

/** ark-chat's {@link BotChatClient} with its default settings (retries on, no observation registry). */
final class ArkChatContender implements Contender {

	private final BotChatClient client;

	private final BotChatRequest request;

	ArkChatContender(String baseUrl) {
		this.client = BotChatClient.builder().baseUrl(baseUrl).apiKey(API_KEY).build();
		this.request = BotChatRequest.builder().bot(BOT_ID).system(SYSTEM).user(USER).build();
	}

	@Override
	public int stream(Consumer<String> content) {
		int chunks = 0;
		try (BotChatStream stream = this.client.stream(this.request)) {
			for (BotChatChunk chunk : stream) {
				content.accept(chunk.content());
				chunks++;
			}
		}
		return chunks;
	}

	@Override
	public String chat() {
		return this.client.chat(this.request).content();
	}

	@Override
	public void close() {
	}

}
