package dev.arkchat.auth;

/**
 * One API key, created in the Ark console, for every resource. Its {@code toString()} never shows the key.
 */
public final class StaticApiKeyProvider implements ApiKeyProvider {

	private final String apiKey;

	/**
	 * Creates a provider.
	 * @param apiKey the console API key
	 * @throws IllegalArgumentException when the key is blank
	 */
	public StaticApiKeyProvider(String apiKey) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey must not be blank");
		}
		this.apiKey = apiKey.trim();
	}

	@Override
	public String getApiKey(String resourceId) {
		return this.apiKey;
	}

	@Override
	public String toString() {
		return "StaticApiKeyProvider{apiKey=******}";
	}

}
