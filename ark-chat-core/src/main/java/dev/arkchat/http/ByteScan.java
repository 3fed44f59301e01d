package dev.arkchat.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Byte searches on the per-event path, eight bytes at a time: a {@code long} read from the array is compared with a
 * byte in every lane at once ({@code (x - 0x01..) & ~x & 0x80..} marks the lanes where {@code x} is zero; the lowest
 * mark is always a true one, and every candidate is checked anyway).
 */
final class ByteScan {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGHS = 0x8080808080808080L;

	private static final long LF = 0x0a0a0a0a0a0a0a0aL;

	private static final long CR = 0x0d0d0d0d0d0d0d0dL;

	private ByteScan() {
	}

	/**
	 * The first line feed or carriage return.
	 * @param bytes the bytes
	 * @param from the first index to look at
	 * @param to the index after the last one
	 * @return its index, or {@code -1}
	 */
	static int lineBreak(byte[] bytes, int from, int to) {
		int i = from;
		for (; i + 8 <= to; i += 8) {
			long word = (long) LONGS.get(bytes, i);
			long marks = zeroLanes(word ^ LF) | zeroLanes(word ^ CR);
			if (marks != 0) {
				return i + (Long.numberOfTrailingZeros(marks) >>> 3);
			}
		}
		for (; i < to; i++) {
			byte b = bytes[i];
			if (b == '\n' || b == '\r') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Whether a byte sequence occurs. The search is anchored on a byte that repeats in the needle (the two
	 * {@code r}s of {@code "error"}, rarer in JSON than any single byte of it) or else on its first byte.
	 * @param bytes the bytes
	 * @param length how many of them to search
	 * @param needle what to look for
	 * @return {@code true} when found
	 */
	static boolean contains(byte[] bytes, int length, byte[] needle) {
		int n = needle.length;
		if (n == 0) {
			return true;
		}
		int anchor = 0;
		for (int k = 0; k + 1 < n; k++) {
			if (needle[k] == needle[k + 1]) {
				anchor = k;
				break;
			}
		}
		byte value = needle[anchor];
		long pattern = (value & 0xFFL) * ONES;
		int last = length - n + anchor;
		int i = anchor;
		for (; i + 8 <= length; i += 8) {
			long marks = zeroLanes((long) LONGS.get(bytes, i) ^ pattern);
			while (marks != 0) {
				int at = i + (Long.numberOfTrailingZeros(marks) >>> 3);
				if (at <= last && matches(bytes, at - anchor, needle)) {
					return true;
				}
				marks &= marks - 1;
			}
		}
		for (; i <= last; i++) {
			if (bytes[i] == value && matches(bytes, i - anchor, needle)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(byte[] bytes, int start, byte[] needle) {
		return Arrays.equals(bytes, start, start + needle.length, needle, 0, needle.length);
	}

	private static long zeroLanes(long x) {
		return (x - ONES) & ~x & HIGHS;
	}

}
