package dev.arkchat.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * Creates the request factory of Ark's clients: always the JDK {@code HttpClient}, whatever factory the application
 * chose for its other clients ({@code spring.http.clients.imperative.factory}, or Apache HttpClient found on the
 * class path). Ark needs it because:
 * <ul>
 * <li>closing a stream before its end must abort the exchange at once. The JDK client cancels it; Apache HttpClient
 * and {@code HttpURLConnection} (the "simple" factory) drain the rest of the body on close to reuse the connection, so
 * an abandoned answer would block the caller until the bot finished, and be paid for in full;</li>
 * <li>the JDK client has no cap on connections per host (Apache's pool allows 5 per route by default), so many
 * concurrent streams are not queued behind each other.</li>
 * </ul>
 * Boot's {@code spring.http.clients.*} settings still apply (connect timeout, SSL bundle, redirects), except the read
 * timeout: Spring applies it to the JDK client as a timer over the whole response, which would cut a healthy long
 * stream. When the application's own factory builder is a JDK one, it is reused with its customizations.
 */
final class ArkRequestFactory {

	private static final String BOOT_HTTP_CLIENT = "org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder";

	private ArkRequestFactory() {
	}

	/**
	 * Creates a request factory for Ark.
	 * @param beanFactory where Boot's HTTP client settings are looked up, when Boot's HTTP client support is present
	 * @return a new JDK {@code HttpClient} request factory
	 */
	static ClientHttpRequestFactory create(BeanFactory beanFactory) {
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : ArkRequestFactory.class.getClassLoader();
		if (ClassUtils.isPresent(BOOT_HTTP_CLIENT, classLoader)) {
			return BootHttpClient.create(beanFactory);
		}
		return new JdkClientHttpRequestFactory();
	}

	/** Uses Boot's HTTP client settings; only loaded when {@code spring-boot-http-client} is present. */
	private static final class BootHttpClient {

		static ClientHttpRequestFactory create(BeanFactory beanFactory) {
			HttpClientSettings settings = beanFactory.getBeanProvider(HttpClientSettings.class)
				.getIfAvailable(HttpClientSettings::defaults);
			ClientHttpRequestFactoryBuilder<?> applicationBuilder = beanFactory
				.getBeanProvider(ClientHttpRequestFactoryBuilder.class)
				.getIfUnique();
			JdkClientHttpRequestFactoryBuilder builder = (applicationBuilder instanceof JdkClientHttpRequestFactoryBuilder jdk)
					? jdk : ClientHttpRequestFactoryBuilder.jdk();
			return builder.build(settings.withReadTimeout(null));
		}

	}

}
