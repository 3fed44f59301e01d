package dev.arkchat.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Request;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.auth.VolcengineSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The knowledge base's V4 signature check (spec §7.2, service {@code air}): the form of {@code Authorization}, the
 * date and the body hash always; the signature itself, recomputed with ark-chat's {@link VolcengineSigner} at the
 * request's {@code X-Date}, when the fake knows the key pair. Never reveals the expected signature.
 */
final class KnowledgeSignatureCheck {

	static final String SERVICE = "air";

	private static final Pattern AUTHORIZATION = Pattern.compile(
			"HMAC-SHA256 Credential=([^/\\s]+)/(\\d{8})/([^/\\s]+)/([^/\\s]+)/request, SignedHeaders=([a-z0-9;\\-]+), "
					+ "Signature=([0-9a-f]{64})");

	private static final DateTimeFormatter X_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	/** Headers the signer adds itself from the request and the credentials, never taken from the request as is. */
	private static final Set<String> DERIVED = Set.of("host", "x-date", "x-content-sha256", "x-security-token");

	private KnowledgeSignatureCheck() {
	}

	/**
	 * Checks a request's signature.
	 * @param request the request
	 * @param credentials the key pair to check the signature with, or {@code null} to check its form only
	 * @return why the request is refused, or {@code null} when it is accepted
	 */
	static @Nullable String refuse(Request request, KnowledgeMockSettings.@Nullable Credentials credentials) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || authorization.isBlank()) {
			return "the request is not signed (no Authorization header)";
		}
		Matcher m = AUTHORIZATION.matcher(authorization.trim());
		if (!m.matches()) {
			return "Authorization is not an HMAC-SHA256 V4 signature";
		}
		String accessKeyId = m.group(1);
		String day = m.group(2);
		String region = m.group(3);
		String service = m.group(4);
		List<String> signedHeaders = List.of(m.group(5).split(";"));
		if (!SERVICE.equals(service)) {
			return "the signature is for service '" + service + "', not '" + SERVICE + "'";
		}
		if (!signedHeaders.contains("host") || !signedHeaders.contains("x-date")) {
			return "the signature must sign host and x-date";
		}
		String xDate = request.getHeader("X-Date");
		LocalDateTime at;
		try {
			at = LocalDateTime.parse((xDate != null) ? xDate : "", X_DATE);
		}
		catch (DateTimeParseException ex) {
			return "X-Date is missing or not yyyyMMdd'T'HHmmss'Z'";
		}
		if (!xDate.startsWith(day)) {
			return "the credential scope's date is not the day of X-Date";
		}
		byte[] body = (request.getBody() != null) ? request.getBody() : new byte[0];
		String bodyHash = request.getHeader("X-Content-Sha256");
		if (bodyHash != null && !bodyHash.equalsIgnoreCase(sha256Hex(body))) {
			return "X-Content-Sha256 is not the hash of the body";
		}
		if (credentials == null) {
			return null;
		}
		if (!credentials.accessKeyId().equals(accessKeyId)) {
			return "unknown access key id";
		}
		String host = request.getHeader("Host");
		if (host == null) {
			return "the request has no Host header";
		}
		HttpHeaders headers = new HttpHeaders();
		for (String name : signedHeaders) {
			if (!DERIVED.contains(name)) {
				String value = request.getHeader(name);
				if (value == null) {
					return "signed header " + name + " is missing";
				}
				headers.set(name, value);
			}
		}
		String token = signedHeaders.contains("x-security-token") ? request.getHeader("X-Security-Token") : null;
		VolcengineSigner signer = VolcengineSigner
			.builder(new VolcengineCredentials(accessKeyId, credentials.secretAccessKey(), token))
			.service(SERVICE)
			.region(region)
			.clock(Clock.fixed(at.toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
			.build();
		String expected = signer.sign(HttpMethod.valueOf(request.getMethod().getName().toUpperCase(Locale.ROOT)),
				URI.create("http://" + host + request.getUrl()), headers, body).authorization();
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				authorization.trim().getBytes(StandardCharsets.US_ASCII))) {
			return "the signature does not match";
		}
		return null;
	}

	private static String sha256Hex(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
