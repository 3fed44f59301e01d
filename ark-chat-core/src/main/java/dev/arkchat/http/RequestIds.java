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

	private RequestIds() {
	}

	/**
	 * A new client request id.
	 * @return the id
	 */
	public static String next() {
		StringBuilder sb = new StringBuilder(34).append(FORMAT.format(LocalDateTime.now(ZoneOffset.UTC)));
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 20; i++) {
			sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return sb.toString();
	}

}
