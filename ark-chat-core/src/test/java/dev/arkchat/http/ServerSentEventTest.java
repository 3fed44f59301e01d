package dev.arkchat.http;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ServerSentEvent#contains(byte[])}, the scan every streamed event goes through for an error object. */
class ServerSentEventTest {

	private static final byte[] ERROR = bytes("\"error\"");

	@Test
	void findsTheNeedleWhereverItIs() {
		assertThat(event("\"error\":{}").contains(ERROR)).isTrue();
		assertThat(event("{\"error\"").contains(ERROR)).isTrue();
		assertThat(event("{\"id\":1,\"error\":{\"code\":\"x\"}}").contains(ERROR)).isTrue();
		assertThat(event("\"erro\"\"error\"").contains(ERROR)).isTrue();
		assertThat(event("\"error\"").contains(ERROR)).isTrue();
	}

	@Test
	void rejectsNearMisses() {
		assertThat(event("{\"errors\":1,\"error_code\":2,\"terror\":3}").contains(ERROR)).isFalse();
		assertThat(event("\"erro\"").contains(ERROR)).isFalse();
		assertThat(event("").contains(ERROR)).isFalse();
		assertThat(event("{\"content\":\"没有错误 error\"}").contains(ERROR)).isFalse();
	}

	@Test
	void onlyTheEventsBytesCount() {
		byte[] data = bytes("{\"a\":1}\"error\"");
		assertThat(new ServerSentEvent(null, null, null, data, 7).contains(ERROR)).isFalse();
		assertThat(new ServerSentEvent(null, null, null, data, data.length).contains(ERROR)).isTrue();
	}

	@Test
	void agreesWithANaiveSearchOnRandomData() {
		Random random = new Random(42);
		byte[] alphabet = bytes("\"erorx:{}");
		for (int round = 0; round < 20_000; round++) {
			byte[] data = new byte[random.nextInt(40)];
			for (int i = 0; i < data.length; i++) {
				data[i] = alphabet[random.nextInt(alphabet.length)];
			}
			byte[] needle = new byte[1 + random.nextInt(4)];
			for (int i = 0; i < needle.length; i++) {
				needle[i] = alphabet[random.nextInt(alphabet.length)];
			}
			ServerSentEvent event = new ServerSentEvent(null, null, null, data, data.length);
			assertThat(event.contains(needle)).as("%s in %s", new String(needle, StandardCharsets.US_ASCII),
					new String(data, StandardCharsets.US_ASCII)).isEqualTo(naive(data, needle));
		}
	}

	private static boolean naive(byte[] data, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= data.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static ServerSentEvent event(String data) {
		return ServerSentEvent.ofData(data);
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}
