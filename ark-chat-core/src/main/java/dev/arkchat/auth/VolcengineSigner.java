package dev.arkchat.auth;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Signs requests with Volcengine's V4 signature (HMAC-SHA256), as the OpenAPI ({@code GetApiKey}) and the knowledge
 * base require. Add it to a {@code RestClient} as an interceptor, last, so that it sees the request exactly as it will
 * be sent; it adds {@code X-Date}, {@code X-Content-Sha256}, {@code X-Security-Token} (temporary credentials) and
 * {@code Authorization}.
 * <p>
 * Signed are {@code host} (without a {@code :80} or {@code :443} port), {@code content-type}, {@code content-md5} and
 * every {@code x-*} header the request carries, sorted by name. The canonical URI and query are re-encoded by the
 * rules of {@link SigningEncoding}. The service and region name the credential scope; the clock gives
 * {@code X-Date}. Thread-safe.
 */
public final class VolcengineSigner implements ClientHttpRequestInterceptor {

	/** The signing algorithm's name, first word of {@code Authorization}. */
	public static final String ALGORITHM = "HMAC-SHA256";

	/** The signed request time, {@code yyyyMMdd'T'HHmmss'Z'} in UTC. */
	public static final String X_DATE = "X-Date";

	/** The hex SHA-256 of the body. */
	public static final String X_CONTENT_SHA256 = "X-Content-Sha256";

	/** The session token of temporary credentials. */
	public static final String X_SECURITY_TOKEN = "X-Security-Token";

	private static final DateTimeFormatter X_DATE_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final HexFormat HEX = HexFormat.of();

	private final VolcengineCredentials credentials;

	private final String service;

	private final String region;

	private final Clock clock;

	private VolcengineSigner(Builder builder) {
		this.credentials = builder.credentials;
		this.service = builder.service;
		this.region = builder.region;
		this.clock = builder.clock;
	}

	/**
	 * A builder for a signer with the given credentials.
	 * @param credentials the access key pair
	 * @return the builder
	 */
	public static Builder builder(VolcengineCredentials credentials) {
		return new Builder(credentials);
	}

	/**
	 * The service named in the credential scope, such as {@code ark} or {@code air}.
	 * @return the service
	 */
	public String getService() {
		return this.service;
	}

	/**
	 * The region named in the credential scope, such as {@code cn-beijing}.
	 * @return the region
	 */
	public String getRegion() {
		return this.region;
	}

	/**
	 * Signs a request as of the signer's clock, without sending anything.
	 * @param method the HTTP method
	 * @param uri the absolute URI, as it will be sent
	 * @param headers the request's headers (read, not changed)
	 * @param body the request's body, empty when there is none
	 * @return the headers to add, with every intermediate value
	 */
	public SignedRequest sign(HttpMethod method, URI uri, HttpHeaders headers, byte[] body) {
		String xDate = X_DATE_FORMAT.format(this.clock.instant());
		String date = xDate.substring(0, 8);
		String bodyHash = HEX.formatHex(sha256(body));

		Map<String, String> signed = new TreeMap<>();
		headers.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.equals("content-type") || lower.equals("content-md5") || lower.startsWith("x-")) {
				signed.put(lower, canonicalValue(values));
			}
		});
		signed.put("host", host(uri));
		signed.put("x-date", xDate);
		signed.put("x-content-sha256", bodyHash);
		if (this.credentials.sessionToken() != null) {
			signed.put("x-security-token", this.credentials.sessionToken());
		}

		StringBuilder canonicalHeaders = new StringBuilder(256);
		signed.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
		String signedHeaders = String.join(";", signed.keySet());
		String canonicalRequest = method.name() + '\n' + SigningEncoding.canonicalUri(uri.getRawPath()) + '\n'
				+ SigningEncoding.canonicalQuery(uri.getRawQuery()) + '\n' + canonicalHeaders + '\n' + signedHeaders
				+ '\n' + bodyHash;

		String credentialScope = date + '/' + this.region + '/' + this.service + "/request";
		String stringToSign = ALGORITHM + '\n' + xDate + '\n' + credentialScope + '\n'
				+ HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
		byte[] key = hmac(this.credentials.secretAccessKey().getBytes(StandardCharsets.UTF_8), date);
		key = hmac(key, this.region);
		key = hmac(key, this.service);
		key = hmac(key, "request");
		String signature = HEX.formatHex(hmac(key, stringToSign));

		HttpHeaders added = new HttpHeaders();
		added.set(X_DATE, xDate);
		added.set(X_CONTENT_SHA256, bodyHash);
		if (this.credentials.sessionToken() != null) {
			added.set(X_SECURITY_TOKEN, this.credentials.sessionToken());
		}
		added.set(HttpHeaders.AUTHORIZATION, ALGORITHM + " Credential=" + this.credentials.accessKeyId() + '/'
				+ credentialScope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
		return new SignedRequest(canonicalRequest, stringToSign, credentialScope, signedHeaders, signature, added);
	}

	/**
	 * Signs the request and adds the signature headers, replacing any earlier ones (a retried request is signed
	 * again, with a new date).
	 * @param request the request
	 * @param body its body
	 * @param execution the rest of the chain
	 * @return the response
	 * @throws IOException when the exchange fails
	 */
	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpHeaders headers = request.getHeaders();
		headers.remove(X_DATE);
		headers.remove(X_CONTENT_SHA256);
		headers.remove(HttpHeaders.AUTHORIZATION);
		SignedRequest signed = sign(request.getMethod(), request.getURI(), headers, body);
		signed.headers().forEach(headers::put);
		return execution.execute(request, body);
	}

	/**
	 * The host as signed: the URI's host, with its port unless that is 80 or 443.
	 * @param uri the request URI
	 * @return the host
	 */
	static String host(URI uri) {
		String host = uri.getHost();
		if (host == null) {
			throw new IllegalArgumentException("Cannot sign a request without a host: " + uri);
		}
		int port = uri.getPort();
		return (port < 0 || port == 80 || port == 443) ? host : host + ':' + port;
	}

	private static String canonicalValue(List<String> values) {
		if (values.size() == 1) {
			return values.get(0).trim();
		}
		StringBuilder sb = new StringBuilder();
		for (String value : values) {
			if (sb.length() > 0) {
				sb.append(',');
			}
			sb.append(value.trim());
		}
		return sb.toString();
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "VolcengineSigner{service=" + this.service + ", region=" + this.region + ", credentials="
				+ this.credentials + "}";
	}

	/** Builds a {@link VolcengineSigner}. */
	public static final class Builder {

		private final VolcengineCredentials credentials;

		private String service = "ark";

		private String region = "cn-beijing";

		private Clock clock = Clock.systemUTC();

		private Builder(VolcengineCredentials credentials) {
			this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
		}

		/**
		 * Sets the service of the credential scope; {@code ark} (the OpenAPI's GetApiKey) by default, {@code air}
		 * for the knowledge base.
		 * @param service the service
		 * @return this builder
		 */
		public Builder service(String service) {
			this.service = requireText(service, "service");
			return this;
		}

		/**
		 * Sets the region of the credential scope; {@code cn-beijing} by default.
		 * @param region the region, such as {@code cn-north-1} or {@code ap-southeast-1}
		 * @return this builder
		 */
		public Builder region(String region) {
			this.region = requireText(region, "region");
			return this;
		}

		/**
		 * Sets the clock that gives {@code X-Date}.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Builds the signer.
		 * @return the signer
		 */
		public VolcengineSigner build() {
			return new VolcengineSigner(this);
		}

		private static String requireText(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be blank");
			}
			return value.trim();
		}

	}

}
