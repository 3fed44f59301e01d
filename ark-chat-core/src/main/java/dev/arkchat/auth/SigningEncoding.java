package dev.arkchat.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The percent-encoding rules of the V4 canonical request: only {@code A-Z a-z 0-9 - _ . ~} stay as they are, every
 * other UTF-8 byte becomes {@code %XX} with upper-case hex (a space is {@code %20}, never {@code +}). The path keeps
 * its {@code /} separators. Input is the raw (already encoded) path and query of a {@link java.net.URI}: each part is
 * decoded first and encoded again, so that any valid encoding of the same value signs the same; a {@code +} in a raw
 * query is a literal plus (RFC 3986), as Spring's URI templates send it ({@code %2B}).
 */
final class SigningEncoding {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private static final Comparator<String[]> BY_NAME_THEN_VALUE = Comparator.<String[], String>comparing((p) -> p[0])
		.thenComparing((p) -> p[1]);

	private SigningEncoding() {
	}

	/**
	 * The canonical URI: the path with each segment re-encoded, {@code /} when empty.
	 * @param rawPath the raw path, or {@code null}
	 * @return the canonical URI
	 */
	static String canonicalUri(@Nullable String rawPath) {
		if (rawPath == null || rawPath.isEmpty()) {
			return "/";
		}
		StringBuilder sb = new StringBuilder(rawPath.length() + 16);
		int start = 0;
		while (true) {
			int slash = rawPath.indexOf('/', start);
			int end = (slash < 0) ? rawPath.length() : slash;
			encode(decode(rawPath.substring(start, end)), sb);
			if (slash < 0) {
				break;
			}
			sb.append('/');
			start = slash + 1;
		}
		return sb.toString();
	}

	/**
	 * The canonical query: parameters re-encoded, sorted by name then value, {@code name=value} joined by
	 * {@code &}; a parameter without {@code =} has an empty value.
	 * @param rawQuery the raw query, or {@code null}
	 * @return the canonical query, empty when there is none
	 */
	static String canonicalQuery(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<String[]> params = new ArrayList<>();
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = (eq < 0) ? pair : pair.substring(0, eq);
			String value = (eq < 0) ? "" : pair.substring(eq + 1);
			params.add(new String[] { encode(decode(name)), encode(decode(value)) });
		}
		params.sort(BY_NAME_THEN_VALUE);
		StringBuilder sb = new StringBuilder(rawQuery.length() + 16);
		for (String[] param : params) {
			if (sb.length() > 0) {
				sb.append('&');
			}
			sb.append(param[0]).append('=').append(param[1]);
		}
		return sb.toString();
	}

	/**
	 * Encodes a value, keeping only the unreserved characters.
	 * @param value the decoded value
	 * @return the encoded value
	 */
	static String encode(String value) {
		StringBuilder sb = new StringBuilder(value.length() + 8);
		encode(value, sb);
		return sb.toString();
	}

	private static void encode(String value, StringBuilder sb) {
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			if (isUnreserved(b)) {
				sb.append((char) b);
			}
			else {
				sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
			}
		}
	}

	private static boolean isUnreserved(byte b) {
		return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_'
				|| b == '.' || b == '~';
	}

	/**
	 * Decodes {@code %XX} escapes as UTF-8; a {@code %} that starts no valid escape stays literal.
	 * @param raw the raw text
	 * @return the decoded text
	 */
	static String decode(String raw) {
		if (raw.indexOf('%') < 0) {
			return raw;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
		int i = 0;
		while (i < raw.length()) {
			char c = raw.charAt(i);
			if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
				out.write((hex(raw.charAt(i + 1)) << 4) | hex(raw.charAt(i + 2)));
				i += 3;
			}
			else {
				int end = i + 1;
				while (end < raw.length() && raw.charAt(end) != '%') {
					end++;
				}
				out.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end;
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static int hex(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		return -1;
	}

}
