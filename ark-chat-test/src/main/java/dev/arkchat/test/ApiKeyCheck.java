package dev.arkchat.test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The Bearer check of the API-key endpoints (E1–E4, spec §7.1): any non-blank key by default; once
 * {@link #require(String)} was called, exactly that key, or a temporary key the fake's {@code GetApiKey} issued for
 * the called resource and not yet expired. Shared by every endpoint of one server; thread-safe.
 * <p>
 * A reset forgets the required key and the list of keys issued since the last reset, but keys issued before stay
 * valid until they expire, as they would on Ark: an application context cached across tests keeps its keys.
 */
final class ApiKeyCheck {

	private static final String BEARER = "Bearer ";

	private volatile @Nullable String requiredKey;

	/** Issued since the last reset. */
	private final List<IssuedKey> issued = new CopyOnWriteArrayList<>();

	/** Issued since the server started, until they expire. */
	private final List<IssuedKey> valid = new CopyOnWriteArrayList<>();

	void require(@Nullable String key) {
		this.requiredKey = key;
	}

	/**
	 * Remembers a key issued by {@code GetApiKey}.
	 * @param key the key
	 */
	void issue(IssuedKey key) {
		Instant now = Instant.now();
		this.valid.removeIf((old) -> !now.isBefore(old.expiresAt()));
		this.valid.add(key);
		this.issued.add(key);
	}

	/**
	 * The keys issued since the last reset, oldest first.
	 * @return the keys
	 */
	List<IssuedKey> issued() {
		return List.copyOf(this.issued);
	}

	/** Accepts any key again and forgets which keys were issued since the last reset (they stay valid). */
	void reset() {
		this.requiredKey = null;
		this.issued.clear();
	}

	/**
	 * Checks the request's {@code Authorization} header.
	 * @param request the request
	 * @param requestId the exchange's request id
	 * @param resourceId the bot or endpoint called, or {@code null} when the request names none
	 * @return Ark's 401 answer, or {@code null} when the key is accepted
	 */
	@Nullable ResponseDefinition refuse(Request request, String requestId, @Nullable String resourceId) {
		String key = bearerKey(request.getHeader("Authorization"));
		if (key == null || !accepts(key, resourceId)) {
			return ArkErrorResponses.error(401, "AuthenticationError",
					"The API key or AK/SK in the request is missing or invalid", "", requestId, null);
		}
		return null;
	}

	private boolean accepts(String key, @Nullable String resourceId) {
		String required = this.requiredKey;
		if (required == null || required.equals(key)) {
			return true;
		}
		if (resourceId == null) {
			return false;
		}
		Instant now = Instant.now();
		for (IssuedKey issuedKey : this.valid) {
			if (issuedKey.apiKey().equals(key) && issuedKey.authorizes(resourceId, now)) {
				return true;
			}
		}
		return false;
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
