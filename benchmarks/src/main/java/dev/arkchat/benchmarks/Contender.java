package dev.arkchat.benchmarks;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * One client under measurement, pointed at one behaviour of the loopback server. Each makes the same E1 call
 * (a system and a user message to one bot), hands the text of every chunk to a consumer and returns the answer's text.
 */
public interface Contender extends AutoCloseable {

	/** The bot every request names. */
	String BOT_ID = "bot-20250708150000-bench";

	/** The system message of every request. */
	String SYSTEM = "You are a weather assistant. Answer briefly.";

	/** The user message of every request. */
	String USER = "杭州今天天气怎么样？";

	/** The API key every client sends (the server ignores it). */
	String API_KEY = "bench-api-key";

	/**
	 * Streams one answer.
	 * @param content receives the text of every chunk (empty when a chunk has none)
	 * @return how many chunks were decoded
	 */
	int stream(Consumer<String> content);

	/**
	 * Calls for one whole answer.
	 * @return the text of its first choice
	 */
	String chat();

	@Override
	void close();

	/**
	 * Creates a client by name.
	 * @param name {@code floor}, {@code ark-chat}, {@code official-sdk} or {@code official-sdk-tuned}
	 * @param baseUrl the server behaviour's base URL
	 * @return the client
	 */
	static Contender create(String name, String baseUrl) {
		switch (name.toLowerCase(Locale.ROOT)) {
			case "floor":
				return new FloorContender(baseUrl);
			case "ark-chat":
				return new ArkChatContender(baseUrl);
			case "official-sdk":
				return new OfficialSdkContender(baseUrl, false);
			case "official-sdk-tuned":
				return new OfficialSdkContender(baseUrl, true);
			default:
				throw new IllegalArgumentException("Unknown client '" + name
						+ "': expected floor, ark-chat, official-sdk or official-sdk-tuned");
		}
	}

}
