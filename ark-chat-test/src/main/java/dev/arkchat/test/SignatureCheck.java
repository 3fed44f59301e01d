package dev.arkchat.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.auth.VolcengineSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Checks the Volcengine V4 signature of an OpenAPI request (spec §7.2) as the OpenAPI gateway does: an
 * {@code Authorization} of the form {@code HMAC-SHA256 Credential=AK/date/region/service/request, SignedHeaders=…,
 * Signature=…} and an {@code X-Date} on the credential's day are always required. Once credentials are
 * {@link #require(VolcengineCredentials) required}, the access key must be theirs and the signature is recomputed with
 * core's {@link VolcengineSigner} at the request's own {@code X-Date}, over the headers the request says it signed;
 * until then any well-formed signature is accepted. Thread-safe.
 */
final class SignatureCheck {

	private static final String ALGORITHM = VolcengineSigner.ALGORITHM + " ";

	private static final DateTimeFormatter X_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

	private volatile @Nullable VolcengineCredentials required;

	void require(@Nullable VolcengineCredentials credentials) {
		this.required = credentials;
	}

	/**
	 * Checks a request.
	 * @param request the request
	 * @return the error to answer, or {@code null} when the signature is accepted
	 */
	OpenApiResponses.@Nullable Error refuse(Request request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || authorization.isBlank()) {
			return new OpenApiResponses.Error(401, "MissingAuthenticationToken", 100003,
					"Request is missing Authentication Token.");
		}
		Authorization parsed = Authorization.parse(authorization);
		if (parsed == null) {
			return new OpenApiResponses.Error(401, "MissingSignature", 100005, "The request is missing signature.");
		}
		String[] scope = parsed.credential().split("/");
		if (scope.length != 5 || !"request".equals(scope[4]) || scope[0].isBlank()) {
			return new OpenApiResponses.Error(400, "MissingRequestInfo", 100004,
					"The request is missing Credential information.");
		}
		Instant signedAt = signedAt(request.getHeader(VolcengineSigner.X_DATE));
		if (signedAt == null || !request.getHeader(VolcengineSigner.X_DATE).startsWith(scope[1])) {
			return new OpenApiResponses.Error(400, "InvalidTimestamp", 100006,
					"The signature of the request is expired.");
		}
		VolcengineCredentials credentials = this.required;
		if (credentials == null) {
			return null;
		}
		if (!credentials.accessKeyId().equals(scope[0])) {
			return new OpenApiResponses.Error(401, "InvalidAccessKey", 100009,
					"The accesskey included in the request is invalid.");
		}
		String expected = recompute(request, parsed, credentials, scope[2], scope[3], signedAt);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				parsed.signature().getBytes(StandardCharsets.US_ASCII))) {
			return new OpenApiResponses.Error(401, "SignatureDoesNotMatch", 100010,
					"The request signature we calculated does not match the signature you provided. Check your "
							+ "Secret Access Key and signing method.");
		}
		return null;
	}

	/** Signs the request again as the client should have, over the headers it says it signed. */
	private static String recompute(Request request, Authorization authorization, VolcengineCredentials credentials,
			String region, String service, Instant signedAt) {
		HttpHeaders headers = new HttpHeaders();
		for (String name : authorization.signedHeaders().split(";")) {
			if (name.equals("host")) {
				continue;
			}
			HttpHeader header = request.header(name);
			if (header.isPresent()) {
				headers.addAll(name, header.values());
			}
		}
		String host = request.getHeader("Host");
		if (host == null) {
			host = request.getHost() + ":" + request.getPort();
		}
		URI uri = URI.create("http://" + host + request.getUrl());
		VolcengineSigner signer = VolcengineSigner.builder(credentials)
			.region(region)
			.service(service)
			.clock(Clock.fixed(signedAt, ZoneOffset.UTC))
			.build();
		byte[] body = request.getBody();
		return signer.sign(HttpMethod.valueOf(request.getMethod().getName()), uri, headers,
				(body != null) ? body : new byte[0])
			.signature();
	}

	private static @Nullable Instant signedAt(@Nullable String xDate) {
		if (xDate == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(xDate.trim(), X_DATE).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The three parts of a V4 {@code Authorization} value. */
	private record Authorization(String credential, String signedHeaders, String signature) {

		static @Nullable Authorization parse(String value) {
			if (!value.startsWith(ALGORITHM)) {
				return null;
			}
			String credential = null;
			String signedHeaders = null;
			String signature = null;
			for (String part : value.substring(ALGORITHM.length()).split(",")) {
				String item = part.trim();
				if (item.startsWith("Credential=")) {
					credential = item.substring("Credential=".length());
				}
				else if (item.startsWith("SignedHeaders=")) {
					signedHeaders = item.substring("SignedHeaders=".length());
				}
				else if (item.startsWith("Signature=")) {
					signature = item.substring("Signature=".length());
				}
			}
			if (credential == null || signedHeaders == null || signature == null || signature.isBlank()) {
				return null;
			}
			return new Authorization(credential, signedHeaders, signature);
		}

		@Override
		public String toString() {
			return "Authorization{signedHeaders=" + this.signedHeaders + "}";
		}

	}

}
