package dev.arkchat;

import java.net.URI;

/**
 * Where Ark runs: the default hosts of each endpoint family in a region. Every host can still be overridden one by
 * one; a region only derives the defaults.
 */
public enum ArkRegion {

	/** Volcengine, Beijing: the region of the official endpoint table. */
	CN_BEIJING("https://ark.cn-beijing.volces.com", "https://api-knowledgebase.mlp.cn-beijing.volces.com",
			"https://open.volcengineapi.com", "cn-beijing", "cn-north-1"),

	/** Volcengine, Shanghai. */
	CN_SHANGHAI("https://ark.cn-shanghai.volces.com", "https://api-knowledgebase.mlp.cn-shanghai.volces.com",
			"https://open.volcengineapi.com", "cn-beijing", "cn-shanghai"),

	/** BytePlus, the international twin of the same APIs, Johor (ap-southeast). */
	AP_SOUTHEAST("https://ark.ap-southeast.bytepluses.com",
			"https://api-knowledgebase.mlp.ap-southeast-1.bytepluses.com", "https://open.byteplusapi.com",
			"ap-southeast-1", "ap-southeast-1");

	// parsed when asked for, which is when a client is built: the enum is initialized with the properties at every
	// startup, and nine URIs parsed there would be work for nothing
	private final String arkBaseUrl;

	private final String knowledgeBaseUrl;

	private final String openApiBaseUrl;

	private final String openApiSigningRegion;

	private final String knowledgeSigningRegion;

	ArkRegion(String ark, String knowledge, String openApi, String openApiSigningRegion,
			String knowledgeSigningRegion) {
		this.arkBaseUrl = ark;
		this.knowledgeBaseUrl = knowledge;
		this.openApiBaseUrl = openApi;
		this.openApiSigningRegion = openApiSigningRegion;
		this.knowledgeSigningRegion = knowledgeSigningRegion;
	}

	/**
	 * The Ark data-plane host: bot chat v3 and v2, context cache.
	 * @return the base URL
	 */
	public URI arkBaseUrl() {
		return URI.create(this.arkBaseUrl);
	}

	/**
	 * The knowledge-base host: search and knowledge chat.
	 * @return the base URL
	 */
	public URI knowledgeBaseUrl() {
		return URI.create(this.knowledgeBaseUrl);
	}

	/**
	 * The OpenAPI host that issues temporary API keys ({@code GetApiKey}).
	 * @return the base URL
	 */
	public URI openApiBaseUrl() {
		return URI.create(this.openApiBaseUrl);
	}

	/**
	 * The region that OpenAPI requests are signed for.
	 * @return the signing region
	 */
	public String openApiSigningRegion() {
		return this.openApiSigningRegion;
	}

	/**
	 * The region that knowledge-base requests are signed for (the official samples sign {@code cn-north-1} for the
	 * Beijing host).
	 * @return the signing region
	 */
	public String knowledgeSigningRegion() {
		return this.knowledgeSigningRegion;
	}

}
