package dev.arkchat.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Resolves a host property: the configured URL when there is one, checked so that a typo fails at startup naming the
 * property, otherwise the region's default.
 */
final class ArkBaseUrls {

	private ArkBaseUrls() {
	}

	/**
	 * Checks a configured base URL, if one is set, as {@link #resolve} would: at startup, before the (lazy) client
	 * that uses it exists.
	 * @param property the property's name, for the error
	 * @param configured the configured value, may be blank
	 * @throws ArkChatConfigurationException naming the property when the value is not a valid base URL
	 */
	static void check(String property, @Nullable String configured) {
		parse(property, configured);
	}

	/**
	 * The base URL to use.
	 * @param property the property's name, for the error message
	 * @param configured the configured value, if any
	 * @param regionDefault the region's host
	 * @return the configured URL (without a trailing slash), or the region's host
	 * @throws ArkChatConfigurationException when the configured value is not an absolute http(s) URL with a host
	 */
	static URI resolve(String property, @Nullable String configured, URI regionDefault) {
		URI uri = parse(property, configured);
		return (uri != null) ? uri : regionDefault;
	}

	private static @Nullable URI parse(String property, @Nullable String configured) {
		if (!StringUtils.hasText(configured)) {
			return null;
		}
		String value = configured.trim();
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw malformed(property, value, ex.getReason());
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			throw malformed(property, value, "it must start with https:// (or http://)");
		}
		if (uri.getHost() == null) {
			throw malformed(property, value, "it has no host name");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			throw malformed(property, value, "it must have no user info, query or fragment");
		}
		return value.endsWith("/") ? URI.create(value.substring(0, value.length() - 1)) : uri;
	}

	private static ArkChatConfigurationException malformed(String property, String value, String reason) {
		// a URL with user info may hold a password: never repeat it
		String shown = value.contains("@") ? "(value not shown)" : "'" + value + "'";
		return new ArkChatConfigurationException(property,
				"Property '" + property + "' is not a valid base URL (" + shown + "): " + reason + ".",
				"Set '" + property + "' to an absolute URL such as https://ark.cn-beijing.volces.com, or remove it to "
						+ "use the host of 'ark.chat.region'.");
	}

}
