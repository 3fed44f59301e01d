package dev.arkchat.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A {@code text/event-stream} answer: each event is {@code data: <payload>} and a blank line (spec §2.5). With a delay,
 * WireMock's chunked dribble writes the body in equal slices with a pause before each; every event is padded to the
 * same length with an SSE comment line so that each slice is exactly one event.
 */
final class EventStreamBody {

	private final List<byte[]> events = new ArrayList<>();

	/**
	 * Adds an event.
	 * @param data the event's data (JSON, or {@code [DONE]}), on one line
	 * @return this body
	 */
	EventStreamBody add(String data) {
		this.events.add(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/**
	 * Builds the answer.
	 * @param requestId the exchange's request id, sent as {@code X-Request-Id}
	 * @param delay the pause between events, zero for none
	 * @return the answer
	 */
	ResponseDefinition toResponse(String requestId, Duration delay) {
		ResponseDefinitionBuilder builder = aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream; charset=utf-8")
			.withHeader("Cache-Control", "no-cache")
			.withHeader(ArkErrorResponses.REQUEST_ID_HEADER, requestId);
		long millis = delay.toMillis();
		if (millis <= 0 || this.events.isEmpty()) {
			return builder.withBody(join(this.events)).build();
		}
		int count = this.events.size();
		int width = this.events.stream().mapToInt((event) -> event.length).max().getAsInt() + 2;
		List<byte[]> padded = new ArrayList<>(count);
		for (byte[] event : this.events) {
			byte[] slice = Arrays.copyOf(event, width);
			slice[event.length] = ':';
			Arrays.fill(slice, event.length + 1, width - 1, (byte) ' ');
			slice[width - 1] = '\n';
			padded.add(slice);
		}
		int total = (int) Math.min(Integer.MAX_VALUE, millis * count);
		return builder.withBody(join(padded)).withChunkedDribbleDelay(count, total).build();
	}

	private static byte[] join(List<byte[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
