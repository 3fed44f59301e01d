package dev.arkchat.test;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The Bearer check of the API-key endpoints (E1–E4, spec §7.1): any non-blank key by default, or exactly one key once
 * {@link #require(String)} was called. Shared by every endpoint of one server; thread-safe.
 */
final class ApiKeyCheck {

	private static final String BEARER = "Bearer ";

	private volatile @Nullable String requiredKey;

	void require(@Nullable String key) {
		this.requiredKey = key;
	}

	/**
	 * Checks the request's {@code Authorization} header.
	 * @param request the request
	 * @param requestId the exchange's request id
	 * @return Ark's 401 answer, or {@code null} when the key is accepted
	 */
	@Nullable ResponseDefinition refuse(Request request, String requestId) {
		String key = bearerKey(request.getHeader("Authorization"));
		String required = this.requiredKey;
		if (key == null || (required != null && !required.equals(key))) {
			return ArkErrorResponses.error(401, "AuthenticationError",
					"The API key or AK/SK in the request is missing or invalid", "", requestId, null);
		}
		return null;
	}

	private static @Nullable String bearerKey(@Nullable String authorization) {
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		String key = authorization.substring(BEARER.length()).strip();
		return key.isEmpty() ? null : key;
	}

}
