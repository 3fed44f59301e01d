package dev.arkchat.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/** Plain HTTP calls to the fake, for what the ark-chat client would never send or would hide. */
final class RawHttp {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private RawHttp() {
	}

	static Response post(ArkMockServer ark, String path, @Nullable String authorization, String body)
			throws IOException, InterruptedException {
		HttpResponse<InputStream> response = CLIENT.send(request(ark, path, authorization, body),
				HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream in = response.body()) {
			return new Response(response, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	static HttpRequest request(ArkMockServer ark, String path, @Nullable String authorization, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(ark.baseUrl() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder.build();
	}

	static HttpClient client() {
		return CLIENT;
	}

	record Response(HttpResponse<?> response, String body) {

		int status() {
			return this.response.statusCode();
		}

		@Nullable String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

	}

}
