package dev.arkchat.bot;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.arkchat.chat.ChatChoice;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatOptions;
import dev.arkchat.chat.ChunkChoice;
import dev.arkchat.http.ArkCall;
import dev.arkchat.chat.Usage;
import dev.arkchat.observation.ArkChatObservationContext;
import org.jspecify.annotations.Nullable;

/** Reads bot chat requests and answers into observations. */
final class BotChatObservations {

	private BotChatObservations() {
	}

	static <T> ArkCall<T> call(BotChatRequest request, ArkCall.ResponseObserver<T> observer) {
		return new ArkCall<>(BotChatClient.API, "chat", request.model(), options(request.options()),
				() -> prompt(request), observer);
	}

	static Map<String, Object> options(ChatOptions options) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (options.temperature() != null) {
			values.put("temperature", options.temperature());
		}
		if (options.maxTokens() != null) {
			values.put("max_tokens", options.maxTokens());
		}
		if (options.topP() != null) {
			values.put("top_p", options.topP());
		}
		return values;
	}

	private static String prompt(BotChatRequest request) {
		StringBuilder sb = new StringBuilder();
		for (ChatMessage message : request.messages()) {
			if (sb.length() > 0) {
				sb.append('\n');
			}
			sb.append(message.role().value()).append(": ")
				.append((message.content() != null) ? message.content() : String.valueOf(message.contentParts()));
		}
		return sb.toString();
	}

	static void observeCompletion(BotChatCompletion completion, ArkChatObservationContext context) {
		context.setResponseId(completion.id());
		context.setResponseModel(completion.model());
		for (ChatChoice choice : completion.choices()) {
			if (choice.finishReason() != null) {
				context.addFinishReason(choice.finishReason().value());
			}
		}
		usage(completion.botUsage(), completion.usage(), context);
		context.appendCompletion(completion.content());
	}

	static void observeChunk(BotChatChunk chunk, ArkChatObservationContext context) {
		context.setResponseId(chunk.id());
		context.setResponseModel(chunk.model());
		for (ChunkChoice choice : chunk.choices()) {
			if (choice.finishReason() != null) {
				context.addFinishReason(choice.finishReason().value());
			}
		}
		usage(chunk.botUsage(), chunk.usage(), context);
		if (context.isIncludeContent()) {
			context.appendCompletion(chunk.content());
		}
	}

	private static void usage(@Nullable BotUsage botUsage, @Nullable Usage usage, ArkChatObservationContext context) {
		if (botUsage != null && botUsage.modelUsage() != null && !botUsage.modelUsage().isEmpty()) {
			context.setUsage(botUsage.promptTokens(), botUsage.completionTokens(), null);
		}
		else if (usage != null) {
			context.setUsage(usage.promptTokens(), usage.completionTokens(),
					(usage.promptTokensDetails() != null) ? usage.cachedTokens() : null);
		}
	}

}
