package dev.arkchat.http;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The eight-bytes-at-a-time searches agree with byte-by-byte ones, at every offset and length. */
class ByteScanTest {

	@Test
	void lineBreakIsTheFirstLineFeedOrCarriageReturn() {
		Random random = new Random(7);
		byte[] alphabet = { 'a', '\n', '\r', ' ', (byte) 0xE4, (byte) 0x8A, 0x0b, 0x0c, 0x1a, 0x2d };
		for (int round = 0; round < 50_000; round++) {
			byte[] bytes = new byte[random.nextInt(40)];
			for (int i = 0; i < bytes.length; i++) {
				// mostly bytes that are not line breaks, so that breaks land at every lane of a word
				bytes[i] = (random.nextInt(8) == 0) ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
			}
			int from = (bytes.length == 0) ? 0 : random.nextInt(bytes.length + 1);
			int to = from + random.nextInt(bytes.length - from + 1);
			assertThat(ByteScan.lineBreak(bytes, from, to)).as("%s [%d, %d)", Arrays.toString(bytes), from, to)
				.isEqualTo(naiveLineBreak(bytes, from, to));
		}
	}

	@Test
	void containsAgreesWithANaiveSearch() {
		Random random = new Random(11);
		byte[] alphabet = "\"errox:{}".getBytes();
		byte[][] needles = { "\"error\"".getBytes(), "rr".getBytes(), "r".getBytes(), "\"e".getBytes(),
				"xx\"".getBytes(), "{}}".getBytes() };
		for (int round = 0; round < 50_000; round++) {
			byte[] bytes = new byte[random.nextInt(48)];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = alphabet[random.nextInt(alphabet.length)];
			}
			int length = random.nextInt(bytes.length + 1);
			byte[] needle = needles[random.nextInt(needles.length)];
			assertThat(ByteScan.contains(bytes, length, needle))
				.as("%s in the first %d of %s", new String(needle), length, new String(bytes))
				.isEqualTo(naiveContains(bytes, length, needle));
		}
	}

	private static int naiveLineBreak(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == '\n' || bytes[i] == '\r') {
				return i;
			}
		}
		return -1;
	}

	private static boolean naiveContains(byte[] bytes, int length, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (bytes[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
