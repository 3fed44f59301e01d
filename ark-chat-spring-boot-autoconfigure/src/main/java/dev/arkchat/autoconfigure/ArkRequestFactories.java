package dev.arkchat.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;

import dev.arkchat.http.ArkJdkClientHttpRequestFactory;
import dev.arkchat.http.ArkTransport;
import dev.arkchat.http.LazyHttpClient;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.util.ClassUtils;

/**
 * Chooses the request factories of Ark's clients: always core's {@link ArkJdkClientHttpRequestFactory} on a JDK
 * {@link HttpClient}, whatever factory the application chose for its other clients
 * ({@code spring.http.clients.imperative.factory}, or Apache HttpClient found on the class path). Ark needs it because:
 * <ul>
 * <li>closing a stream before its end must abort the exchange at once. The JDK client cancels it; Apache HttpClient
 * and {@code HttpURLConnection} (the "simple" factory) drain the rest of the body on close to reuse the connection, so
 * an abandoned answer would block the caller until the bot finished, and be paid for in full;</li>
 * <li>its read timeout bounds the wait for the response headers only: Spring's {@code JdkClientHttpRequestFactory}
 * applies it as a timer over the whole response, which would cut a healthy long stream;</li>
 * <li>the JDK client has no cap on connections per host (Apache's pool allows 5 per route by default), so many
 * concurrent streams are not queued behind each other.</li>
 * </ul>
 * When Boot's HTTP client support is present, its {@code spring.http.clients.*} settings apply to the JDK client
 * (connect timeout, SSL bundle, redirects) and its read timeout to blocking calls; streams are guarded by the
 * transport's idle timeout instead. Without it, the transport's defaults apply.
 */
final class ArkRequestFactories {

	private static final String BOOT_HTTP_CLIENT = "org.springframework.boot.http.client.JdkHttpClientBuilder";

	private ArkRequestFactories() {
	}

	/**
	 * Sets the request factories of a transport from Boot's HTTP client settings, when Boot's HTTP client support is
	 * present; otherwise leaves the transport's own JDK defaults.
	 * @param transport the transport being built
	 * @param beanFactory where Boot's settings are looked up
	 */
	static void apply(ArkTransport.Builder transport, BeanFactory beanFactory, ArkChatProperties.Timeouts timeouts) {
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : ArkRequestFactories.class.getClassLoader();
		if (ClassUtils.isPresent(BOOT_HTTP_CLIENT, classLoader)) {
			BootHttpClient.apply(transport, beanFactory, timeouts);
		}
		else {
			if (timeouts.getConnect() != null) {
				transport.connectTimeout(timeouts.getConnect());
			}
			if (timeouts.getRead() != null) {
				transport.readTimeout(timeouts.getRead());
			}
		}
	}

	/** Uses Boot's HTTP client settings; only loaded when {@code spring-boot-http-client} is present. */
	private static final class BootHttpClient {

		static void apply(ArkTransport.Builder transport, BeanFactory beanFactory, ArkChatProperties.Timeouts timeouts) {
			HttpClientSettings settings = beanFactory.getBeanProvider(HttpClientSettings.class)
				.getIfAvailable(HttpClientSettings::defaults);
			if (timeouts.getConnect() != null) {
				settings = settings.withConnectTimeout(timeouts.getConnect());
			}
			if (timeouts.getRead() != null) {
				settings = settings.withReadTimeout(timeouts.getRead());
			}
			if (settings.connectTimeout() == null) {
				settings = settings.withConnectTimeout(ArkTransport.DEFAULT_CONNECT_TIMEOUT);
			}
			Duration readTimeout = (settings.readTimeout() != null) ? settings.readTimeout()
					: ArkTransport.DEFAULT_READ_TIMEOUT;
			// the JDK client applies no read timeout of its own: the factories do, to headers only
			HttpClientSettings clientSettings = settings.withReadTimeout(null);
			// built at the first call, not at startup (its SSL context is most of a client's startup cost)
			LazyHttpClient httpClient = new LazyHttpClient(() -> new JdkHttpClientBuilder().build(clientSettings));
			transport.requestFactories(new ArkJdkClientHttpRequestFactory(httpClient, readTimeout),
					new ArkJdkClientHttpRequestFactory(httpClient, null));
		}

	}

}
