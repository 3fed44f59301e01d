package dev.arkchat.test;

import java.time.Instant;
import java.util.List;

/**
 * A temporary API key the fake's {@code GetApiKey} issued: accepted from then on as the Bearer key of the resources it
 * was issued for (see {@link ArkMockServer#requireApiKey(String)}). Its {@link #toString()} never shows the key.
 * @param apiKey the key, as answered in {@code Result.ApiKey}
 * @param resourceType the {@code ResourceType} asked for: {@code bot}, {@code endpoint} or {@code presetendpoint}
 * @param resourceIds the {@code ResourceIds} asked for
 * @param expiresAt when it expires, as answered in {@code Result.ExpiredTime}
 */
public record IssuedKey(String apiKey, String resourceType, List<String> resourceIds, Instant expiresAt) {

	/**
	 * Creates an issued key.
	 * @param apiKey the key
	 * @param resourceType the resource type
	 * @param resourceIds the resource ids
	 * @param expiresAt the expiry
	 */
	public IssuedKey {
		resourceIds = List.copyOf(resourceIds);
	}

	/**
	 * Whether this key may call a resource at a time: issued for it and not yet expired.
	 * @param resourceId the bot or endpoint id
	 * @param now the time of the call
	 * @return {@code true} when the key is valid for it
	 */
	public boolean authorizes(String resourceId, Instant now) {
		return this.resourceIds.contains(resourceId) && now.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "IssuedKey{apiKey=******, resourceType=" + this.resourceType + ", resourceIds=" + this.resourceIds
				+ ", expiresAt=" + this.expiresAt + "}";
	}

}
