package dev.arkchat.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Customizes the {@link RestClient.Builder} that ark-chat's clients are built from, and only that one: the
 * application's other REST clients are not affected. Use it for what concerns Ark alone (a proxy interceptor, an extra
 * header, logging of Ark calls); use Boot's {@code RestClientCustomizer} for what concerns every client. Beans of this
 * type are applied in {@link org.springframework.core.annotation.Order order}, after Boot's customizers. The base URL
 * and the request factory are Ark's own and set afterwards: set {@code ark.chat.base-url} to change the host.
 */
@FunctionalInterface
public interface ArkChatRestClientCustomizer {

	/**
	 * Customizes the builder of Ark's clients.
	 * @param builder a builder of ark-chat's own (a clone of the application's)
	 */
	void customize(RestClient.Builder builder);

}
