package dev.arkchat.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A key as {@code GetApiKey} issued it. Its {@code toString()} never shows the key.
 * @param apiKey the key ({@code Result.ApiKey})
 * @param expiresAt when it stops working ({@code Result.ExpiredTime})
 * @param requestId the OpenAPI request id of the call that issued it, if any
 */
record IssuedApiKey(String apiKey, Instant expiresAt, @Nullable String requestId) {

	@Override
	public String toString() {
		return "IssuedApiKey{apiKey=******, expiresAt=" + this.expiresAt + ", requestId=" + this.requestId + "}";
	}

}
