package dev.arkchat.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request the {@link ArkMockServer} received, as it came off the wire: method, path, headers and body. Immutable.
 * Its {@link #toString()} leaves out headers and body, so a recorded API key never reaches a test log.
 */
public final class RecordedRequest {

	private final String method;

	private final String url;

	private final Map<String, List<String>> headers;

	private final String body;

	/**
	 * Creates a recorded request.
	 * @param method the HTTP method, such as {@code POST}
	 * @param url the path with its query, such as {@code /api/v3/bots/chat/completions}
	 * @param headers the headers; names are looked up ignoring case
	 * @param body the body, decoded as UTF-8 (empty when there was none)
	 */
	public RecordedRequest(String method, String url, Map<String, List<String>> headers, String body) {
		this.method = method;
		this.url = url;
		TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.computeIfAbsent(name, (n) -> new ArrayList<>()).addAll(values));
		copy.replaceAll((name, values) -> List.copyOf(values));
		this.headers = Collections.unmodifiableMap(copy);
		this.body = body;
	}

	static RecordedRequest from(Request request) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (HttpHeader header : request.getHeaders().all()) {
			headers.computeIfAbsent(header.key(), (n) -> new ArrayList<>()).addAll(header.values());
		}
		byte[] body = request.getBody();
		return new RecordedRequest(request.getMethod().getName(), request.getUrl(), headers,
				(body != null) ? new String(body, StandardCharsets.UTF_8) : "");
	}

	/**
	 * The HTTP method.
	 * @return the method, such as {@code POST}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The path, without the query.
	 * @return the path, such as {@code /api/v3/bots/chat/completions}
	 */
	public String path() {
		int query = this.url.indexOf('?');
		return (query >= 0) ? this.url.substring(0, query) : this.url;
	}

	/**
	 * The path with its query, as requested.
	 * @return the URL relative to the server, such as {@code /?Action=GetApiKey&Version=2024-01-01}
	 */
	public String url() {
		return this.url;
	}

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the request did not carry it
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Every header, by name (looked up ignoring case).
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * The body as sent.
	 * @return the body, decoded as UTF-8; empty when there was none
	 */
	public String body() {
		return this.body;
	}

	/**
	 * The body parsed as JSON with ark-chat's wire mapper, to compare with an expected tree.
	 * @return the JSON tree
	 * @throws tools.jackson.core.JacksonException when the body is not JSON
	 */
	public JsonNode bodyJson() {
		return ArkJson.mapper().readTree(this.body);
	}

	@Override
	public String toString() {
		return "RecordedRequest{" + this.method + " " + path() + ", body=" + this.body.length() + " chars}";
	}

}
