package dev.arkchat.http;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Client request ids, sent as {@code X-Client-Request-Id} in the official SDKs' format: {@code yyyyMMddHHmmss}
 * followed by 20 random alphanumerics. They let a failing call be matched with the server's logs.
 */
public final class RequestIds {

	/** The header that carries the client's request id. */
	public static final String CLIENT_REQUEST_ID_HEADER = "X-Client-Request-Id";

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		.toCharArray();

	/** The formatted current second, reused by every id of that second (formatting a date costs more than the id). */
	private static volatile Stamp stamp = new Stamp(-1, "");

	private RequestIds() {
	}

	/**
	 * A new client request id.
	 * @return the id
	 */
	public static String next() {
		long second = System.currentTimeMillis() / 1000;
		Stamp current = stamp;
		if (current.second != second) {
			current = new Stamp(second,
					FORMAT.format(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC)));
			stamp = current;
		}
		char[] id = new char[34];
		current.text.getChars(0, 14, id, 0);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 14; i < 34; i++) {
			id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}

	private record Stamp(long second, String text) {
	}

}
