package dev.arkchat.test;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Server request ids in Ark's shape: {@code 02}, the epoch milliseconds, then 38 hex digits (53 characters, as in the
 * documented answers). The fake uses one id per exchange, as the answer's {@code id}, the {@code X-Request-Id} header
 * and the {@code Request id:} suffix of error messages.
 */
final class ArkRequestIds {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private ArkRequestIds() {
	}

	static String next() {
		StringBuilder sb = new StringBuilder(53).append("02").append(System.currentTimeMillis());
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (sb.length() < 53) {
			sb.append(HEX[random.nextInt(HEX.length)]);
		}
		return sb.toString();
	}

}
