package dev.arkchat.auth;

/**
 * What a temporary API key is issued for ({@code ResourceType} of {@code GetApiKey}), told from the resource id's
 * prefix: {@code bot-…} is a bot, {@code ep-m-…} a preset endpoint, {@code ep-…} an endpoint.
 */
public enum ApiKeyResourceType {

	/** A bot (智能体), id {@code bot-…}. */
	BOT("bot", "bot-"),

	/** A preset inference endpoint, id {@code ep-m-…}. */
	PRESET_ENDPOINT("presetendpoint", "ep-m-"),

	/** An inference endpoint, id {@code ep-…}. */
	ENDPOINT("endpoint", "ep-");

	private final String wireValue;

	private final String prefix;

	ApiKeyResourceType(String wireValue, String prefix) {
		this.wireValue = wireValue;
		this.prefix = prefix;
	}

	/**
	 * The value sent as {@code ResourceType}.
	 * @return {@code bot}, {@code presetendpoint} or {@code endpoint}
	 */
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The type of a resource, from its id.
	 * @param resourceId a bot or endpoint id
	 * @return the type
	 * @throws IllegalArgumentException when the id has none of the known prefixes, naming the id and the prefixes
	 */
	public static ApiKeyResourceType of(String resourceId) {
		if (resourceId == null || resourceId.isBlank()) {
			throw new IllegalArgumentException("resourceId must not be blank: a temporary API key is issued for a bot "
					+ "(bot-…), a preset endpoint (ep-m-…) or an endpoint (ep-…)");
		}
		// ep-m- before ep-: the longer prefix wins
		for (ApiKeyResourceType type : new ApiKeyResourceType[] { BOT, PRESET_ENDPOINT, ENDPOINT }) {
			if (resourceId.startsWith(type.prefix)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Cannot issue a temporary API key for '" + resourceId
				+ "': the resource id must start with bot- (a bot), ep-m- (a preset endpoint) or ep- (an endpoint)");
	}

}
