package dev.arkchat.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor: what the bytes themselves cost. The JDK {@link HttpClient} with its defaults, a request body serialized
 * once, events split at blank lines with no other SSE rule, the {@code data: } prefix skipped, and each event parsed
 * with Jackson 3's tree API ({@link JsonMapper#readTree(byte[], int, int)}); after {@code [DONE]} the body is read to
 * its end so that the connection is reused. No error handling beyond the status, no model types, no retries, no
 * observation.
 */
final class FloorContender implements Contender {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final HttpRequest streamRequest;

	private final HttpRequest blockingRequest;

	FloorContender(String baseUrl) {
		URI uri = URI.create(baseUrl + LoopbackServer.PATH);
		this.streamRequest = request(uri, true);
		this.blockingRequest = request(uri, false);
	}

	private static HttpRequest request(URI uri, boolean stream) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", BOT_ID);
		body.put("messages", List.of(Map.of("role", "system", "content", SYSTEM), Map.of("role", "user", "content", USER)));
		body.put("stream", stream);
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.header("Accept", stream ? "text/event-stream" : "application/json")
			.header("Authorization", "Bearer " + API_KEY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)))
			.build();
	}

	@Override
	public int stream(Consumer<String> content) {
		HttpResponse<InputStream> response = send(this.streamRequest, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream in = response.body()) {
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode());
			}
			byte[] buf = new byte[16384];
			int start = 0;
			int limit = 0;
			int scan = 0;
			int chunks = 0;
			while (true) {
				int end = -1;
				for (int i = Math.max(scan, start + 1); i < limit; i++) {
					if (buf[i] == '\n' && buf[i - 1] == '\n') {
						end = i - 1;
						break;
					}
				}
				if (end < 0) {
					if (start > 0) {
						System.arraycopy(buf, start, buf, 0, limit - start);
						limit -= start;
						start = 0;
					}
					if (limit == buf.length) {
						buf = Arrays.copyOf(buf, buf.length * 2);
					}
					scan = limit;
					int n = in.read(buf, limit, buf.length - limit);
					if (n < 0) {
						throw new IllegalStateException("The stream ended without [DONE]");
					}
					limit += n;
					continue;
				}
				int data = start + 6; // "data: "
				int length = end - data;
				start = end + 2;
				scan = start;
				if (length == 6 && buf[data] == '[' && buf[data + 1] == 'D') {
					// read to the end of the body, so that the connection goes back to the pool
					while (in.read(buf, 0, buf.length) >= 0) {
						// nothing follows [DONE] but the end of the chunked body
					}
					return chunks;
				}
				JsonNode chunk = MAPPER.readTree(buf, data, length);
				content.accept(chunk.path("choices").path(0).path("delta").path("content").asString(""));
				chunks++;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String chat() {
		HttpResponse<byte[]> response = send(this.blockingRequest, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
		JsonNode answer = MAPPER.readTree(response.body());
		return answer.path("choices").path(0).path("message").path("content").asString();
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.http.send(request, handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
	}

}
