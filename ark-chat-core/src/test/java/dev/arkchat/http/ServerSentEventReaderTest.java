package dev.arkchat.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSentEventReaderTest {

	private static List<ServerSentEvent> readAll(InputStream in) throws IOException {
		List<ServerSentEvent> events = new ArrayList<>();
		try (ServerSentEventReader reader = new ServerSentEventReader(in, 16)) {
			ServerSentEvent event;
			while ((event = reader.next()) != null) {
				events.add(event);
			}
		}
		return events;
	}

	private static List<ServerSentEvent> readAll(String body) throws IOException {
		return readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> data(List<ServerSentEvent> events) {
		return events.stream().map(ServerSentEvent::data).toList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void everyLineEndingEndsLinesAndEvents(String eol) throws IOException {
		String body = "data: one" + eol + eol + "data: two" + eol + eol;
		assertThat(data(readAll(body))).containsExactly("one", "two");
	}

	@Test
	void mixedLineEndingsInOneStream() throws IOException {
		assertThat(data(readAll("data: a\r\rdata: b\n\ndata: c\r\n\r\n"))).containsExactly("a", "b", "c");
	}

	@Test
	void commentsAreIgnoredAndKeepAlivesProduceNoEvent() throws IOException {
		assertThat(data(readAll(": ping\n\n:\n\ndata: x\n: inside\n\n"))).containsExactly("x");
	}

	@Test
	void dataLinesOfOneEventAreJoinedWithLineFeed() throws IOException {
		assertThat(data(readAll("data: first\ndata:second\ndata:  third\n\n"))).containsExactly("first\nsecond\n third");
	}

	@Test
	void onlyOneSpaceAfterTheColonIsRemoved() throws IOException {
		assertThat(data(readAll("data:   x\n\n"))).containsExactly("  x");
	}

	@Test
	void fieldWithoutColonHasEmptyValue() throws IOException {
		assertThat(data(readAll("data\ndata\n\n"))).containsExactly("\n");
	}

	@Test
	void eventIdAndRetryFieldsAreHonoured() throws IOException {
		List<ServerSentEvent> events = readAll("event: delta\nid: 42\nretry: 1500\ndata: a\n\ndata: b\n\n");
		assertThat(events.get(0).type()).isEqualTo("delta");
		assertThat(events.get(0).id()).isEqualTo("42");
		assertThat(events.get(0).retry()).isEqualTo(1500L);
		assertThat(events.get(1).type()).isNull();
		assertThat(events.get(1).id()).isEqualTo("42");
	}

	@Test
	void invalidRetryIsIgnoredAndEventTypeWithoutDataIsDropped() throws IOException {
		List<ServerSentEvent> events = readAll("retry: 1x\nevent: lonely\n\ndata: a\n\n");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).retry()).isNull();
		assertThat(events.get(0).type()).isNull();
	}

	@Test
	void unknownFieldsAreIgnored() throws IOException {
		assertThat(data(readAll("foo: bar\ndata: a\n\n"))).containsExactly("a");
	}

	@Test
	void byteOrderMarkAtTheStartIsDropped() throws IOException {
		byte[] body = "\uFEFFdata: a\n\n".getBytes(StandardCharsets.UTF_8);
		assertThat(data(readAll(new ByteArrayInputStream(body)))).containsExactly("a");
		assertThat(data(readAll(FragmentedInputStream.byteByByte(body)))).containsExactly("a");
	}

	@Test
	void anUnterminatedEventAtTheEndIsDiscarded() throws IOException {
		assertThat(data(readAll("data: a\n\ndata: b\n"))).containsExactly("a");
		assertThat(data(readAll("data: a\n\ndata: b"))).containsExactly("a");
	}

	@Test
	void lineSeparatorCharactersAreNotLineBreaks() throws IOException {
		assertThat(data(readAll("data: a\u2028b\u2029c\u0085d\n\n"))).containsExactly("a\u2028b\u2029c\u0085d");
	}

	@Test
	void everySplitOfAStreamGivesTheSameEvents() throws IOException {
		String body = "\uFEFFdata: {\"c\":\"你好😊\"}\r\n\r\n: ping\r\rdata: 两行\ndata: x\r\n\r\nevent: e\nid: 7\ndata: [DONE]\n\n";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		List<String> expected = data(readAll(new ByteArrayInputStream(bytes)));
		assertThat(expected).containsExactly("{\"c\":\"你好😊\"}", "两行\nx", "[DONE]");
		for (int a = 1; a < bytes.length; a++) {
			for (int b = a; b < bytes.length; b += 3) {
				assertThat(data(readAll(FragmentedInputStream.splitAt(bytes, a, b)))).as("split at %d and %d", a, b)
					.isEqualTo(expected);
			}
		}
		assertThat(data(readAll(FragmentedInputStream.byteByByte(bytes)))).isEqualTo(expected);
	}

	@Test
	void longLinesGrowTheBuffer() throws IOException {
		String big = "x".repeat(100_000);
		assertThat(data(readAll("data: " + big + "\n\n"))).containsExactly(big);
	}

	@Test
	void doneAndBlankAreRecognisedOnBytes() throws IOException {
		List<ServerSentEvent> events = readAll("data: [DONE]\n\ndata: \n\ndata: [DONE] \n\n");
		assertThat(events.get(0).isDone()).isTrue();
		assertThat(events.get(1).isBlank()).isTrue();
		assertThat(events.get(2).isDone()).isFalse();
	}

}
