package dev.arkchat.auth;

/**
 * Gives the Bearer key that a request to a resource is sent with. A console API key serves every resource
 * ({@link StaticApiKeyProvider}); temporary keys are issued per bot or endpoint.
 */
@FunctionalInterface
public interface ApiKeyProvider {

	/**
	 * The key to call a resource with. Never empty or expired.
	 * @param resourceId the bot id ({@code bot-…}) or endpoint id ({@code ep-…}) the request is for
	 * @return the API key
	 */
	String getApiKey(String resourceId);

}
