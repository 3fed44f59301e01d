package dev.arkchat.bot;

import dev.arkchat.http.ArkCall;
import dev.arkchat.observation.ArkChatObservationContext;
import dev.arkchat.observation.ChatObservationSupport;
import org.jspecify.annotations.Nullable;

/** Reads bot chat requests and answers into observations. */
final class BotChatObservations {

	private BotChatObservations() {
	}

	static <T> ArkCall<T> call(BotChatRequest request, ArkCall.ResponseObserver<T> observer) {
		return new ArkCall<>(BotChatClient.API, "chat", request.model(),
				ChatObservationSupport.options(request.options()),
				() -> ChatObservationSupport.prompt(request.messages()), observer);
	}

	static void observeCompletion(BotChatCompletion completion, ArkChatObservationContext context) {
		context.setResponseId(completion.id());
		context.setResponseModel(completion.model());
		ChatObservationSupport.choices(completion.choices(), context);
		usage(completion.botUsage(), context);
		if (completion.botUsage() == null) {
			ChatObservationSupport.usage(completion.usage(), context);
		}
	}

	static void observeChunk(BotChatChunk chunk, ArkChatObservationContext context) {
		context.setResponseId(chunk.id());
		context.setResponseModel(chunk.model());
		ChatObservationSupport.chunkChoices(chunk.choices(), context);
		usage(chunk.botUsage(), context);
		if (chunk.botUsage() == null) {
			ChatObservationSupport.usage(chunk.usage(), context);
		}
	}

	private static void usage(@Nullable BotUsage botUsage, ArkChatObservationContext context) {
		if (botUsage != null && botUsage.modelUsage() != null && !botUsage.modelUsage().isEmpty()) {
			context.setUsage(botUsage.promptTokens(), botUsage.completionTokens(), null);
		}
	}

}
