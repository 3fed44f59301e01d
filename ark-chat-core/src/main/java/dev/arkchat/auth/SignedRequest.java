package dev.arkchat.auth;

import org.springframework.http.HttpHeaders;

/**
 * The outcome of signing one request with {@link VolcengineSigner}: the headers to send and every intermediate value
 * of the V4 algorithm, so that a signature can be checked step by step against a published example or a server.
 * Its {@code toString()} leaves out the signature and the {@code Authorization} value.
 * @param canonicalRequest method, canonical URI, query, headers, signed header names and body hash, joined by
 * {@code \n}
 * @param stringToSign {@code HMAC-SHA256}, the date, the credential scope and the hash of the canonical request
 * @param credentialScope {@code yyyyMMdd/region/service/request}
 * @param signedHeaders the lowercase names of the signed headers, sorted and joined by {@code ;}
 * @param signature the hex HMAC-SHA256 of the string to sign
 * @param headers the headers to add to the request: {@code X-Date}, {@code X-Content-Sha256},
 * {@code X-Security-Token} (temporary credentials only) and {@code Authorization}
 */
public record SignedRequest(String canonicalRequest, String stringToSign, String credentialScope,
		String signedHeaders, String signature, HttpHeaders headers) {

	/**
	 * Creates the outcome; the headers are kept read-only.
	 * @param canonicalRequest the canonical request
	 * @param stringToSign the string to sign
	 * @param credentialScope the credential scope
	 * @param signedHeaders the signed header names
	 * @param signature the signature
	 * @param headers the headers to add
	 */
	public SignedRequest {
		headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * The {@code Authorization} header value.
	 * @return {@code HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}
	 */
	public String authorization() {
		String value = this.headers.getFirst(HttpHeaders.AUTHORIZATION);
		return (value != null) ? value : "";
	}

	@Override
	public String toString() {
		return "SignedRequest{credentialScope=" + this.credentialScope + ", signedHeaders=" + this.signedHeaders
				+ ", signature=******}";
	}

}
