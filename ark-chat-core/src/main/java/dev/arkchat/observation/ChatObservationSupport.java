package dev.arkchat.observation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.arkchat.chat.ChatChoice;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatOptions;
import dev.arkchat.chat.ChunkChoice;
import dev.arkchat.chat.Usage;
import org.jspecify.annotations.Nullable;

/**
 * Reads the shared chat model into an {@link ArkChatObservationContext}, for every endpoint client that speaks it:
 * request options worth recording, the prompt, finish reasons, usage and completion text.
 */
public final class ChatObservationSupport {

	private ChatObservationSupport() {
	}

	/**
	 * The request options recorded as {@code gen_ai.request.*}.
	 * @param options the request's options
	 * @return {@code temperature}, {@code max_tokens} and {@code top_p} when set
	 */
	public static Map<String, Object> options(ChatOptions options) {
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

	/**
	 * The prompt as text, one {@code role: content} line per message (recorded only when content recording is on).
	 * @param messages the request's messages
	 * @return the prompt
	 */
	public static String prompt(List<ChatMessage> messages) {
		StringBuilder sb = new StringBuilder();
		for (ChatMessage message : messages) {
			if (sb.length() > 0) {
				sb.append('\n');
			}
			sb.append(message.role().value()).append(": ")
				.append((message.content() != null) ? message.content() : String.valueOf(message.contentParts()));
		}
		return sb.toString();
	}

	/**
	 * Records the finish reasons and text of a whole answer's choices.
	 * @param choices the choices
	 * @param context the context
	 */
	public static void choices(List<ChatChoice> choices, ArkChatObservationContext context) {
		for (ChatChoice choice : choices) {
			if (choice.finishReason() != null) {
				context.addFinishReason(choice.finishReason().value());
			}
		}
		if (!choices.isEmpty()) {
			context.appendCompletion(choices.get(0).message().content());
		}
	}

	/**
	 * Records the finish reasons and new text of a chunk's choices.
	 * @param choices the chunk's choices
	 * @param context the context
	 */
	public static void chunkChoices(List<ChunkChoice> choices, ArkChatObservationContext context) {
		for (ChunkChoice choice : choices) {
			if (choice.finishReason() != null) {
				context.addFinishReason(choice.finishReason().value());
			}
			if (choice.index() == 0 && choice.delta() != null) {
				context.appendCompletion(choice.delta().content());
			}
		}
	}

	/**
	 * Records token usage, with cached tokens when reported.
	 * @param usage the usage, or {@code null}
	 * @param context the context
	 */
	public static void usage(@Nullable Usage usage, ArkChatObservationContext context) {
		if (usage != null) {
			context.setUsage(usage.promptTokens(), usage.completionTokens(),
					(usage.promptTokensDetails() != null) ? usage.cachedTokens() : null);
		}
	}

}
