package dev.arkchat.http;

import java.util.Map;
import java.util.function.Supplier;

import dev.arkchat.observation.ArkChatObservationContext;
import org.jspecify.annotations.Nullable;

/**
 * What an endpoint client tells the transport about a call, for its observation: which API, the operation, the model
 * the request names, options worth recording, the prompt text (recorded only when content recording is on), and how
 * to read the response's id, model, finish reasons and usage.
 * @param api {@code bots}, {@code bots.legacy}, {@code context} or {@code knowledge}
 * @param operation the GenAI operation name, such as {@code chat}
 * @param model the bot, endpoint or model the request names
 * @param options request options worth recording, by name ({@code temperature}, {@code max_tokens}, {@code top_p})
 * @param prompt gives the prompt text; asked only when content recording is on
 * @param observer reads a response (or each chunk of a stream) into the observation context
 * @param <T> the response or chunk type
 */
public record ArkCall<T>(String api, String operation, @Nullable String model, Map<String, Object> options,
		@Nullable Supplier<@Nullable String> prompt, ResponseObserver<? super T> observer) {

	/**
	 * A call whose responses are not looked into.
	 * @param api the API
	 * @param model the model
	 * @param <T> the response type
	 * @return the call
	 */
	public static <T> ArkCall<T> of(String api, @Nullable String model) {
		return new ArkCall<>(api, "chat", model, Map.of(), null, (response, context) -> {
		});
	}

	/**
	 * Reads a response, or each chunk of a stream in order, into the observation context.
	 * @param <T> the response or chunk type
	 */
	@FunctionalInterface
	public interface ResponseObserver<T> {

		/**
		 * Records what the response tells: id, model, finish reasons, usage, completion text.
		 * @param response the response or chunk
		 * @param context the observation context
		 */
		void observe(T response, ArkChatObservationContext context);

	}

}
