package dev.arkchat.autoconfigure;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;

import dev.arkchat.http.ArkJdkClientHttpRequestFactory;
import dev.arkchat.http.ArkTransport;
import dev.arkchat.http.LazyHttpClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
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
 * (connect timeout, SSL bundle, redirects, address filter) and its read timeout to blocking calls; streams are guarded
 * by the transport's idle timeout instead. Without it, the transport's defaults apply. {@code ark.chat.timeouts.*} and
 * {@code ark.chat.proxy.*} apply to Ark's clients only, never to the application's other clients.
 */
final class ArkRequestFactories {

	private static final String BOOT_HTTP_CLIENT = "org.springframework.boot.http.client.JdkHttpClientBuilder";

	private ArkRequestFactories() {
	}

	/**
	 * Sets the request factories of a transport from Boot's HTTP client settings when Boot's HTTP client support is
	 * present, otherwise from the transport's own JDK defaults; with Ark's timeouts and proxy, if set.
	 * @param transport the transport being built
	 * @param beanFactory where Boot's settings are looked up
	 * @param timeouts Ark's timeouts ({@code ark.chat.timeouts.*}), over Boot's
	 * @param proxy Ark's proxy ({@code ark.chat.proxy.*}), if set
	 */
	static void apply(ArkTransport.Builder transport, BeanFactory beanFactory, ArkChatProperties.Timeouts timeouts,
			@Nullable ProxySelector proxy) {
		if (isBootPresent(beanFactory)) {
			BootHttpClient.apply(transport, beanFactory, timeouts, proxy);
			return;
		}
		Duration connect = (timeouts.getConnect() != null) ? timeouts.getConnect()
				: ArkTransport.DEFAULT_CONNECT_TIMEOUT;
		Duration read = (timeouts.getRead() != null) ? timeouts.getRead() : ArkTransport.DEFAULT_READ_TIMEOUT;
		if (proxy == null) {
			transport.connectTimeout(connect).readTimeout(read);
			return;
		}
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(connect)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.proxy(proxy)
			.build();
		transport.requestFactories(new ArkJdkClientHttpRequestFactory(httpClient, read),
				new ArkJdkClientHttpRequestFactory(httpClient, null));
	}

	/**
	 * A request factory for short probes (the health check): Boot's HTTP client settings (SSL bundle, redirects) when
	 * present and Ark's proxy, with the given timeout to connect and to the response headers.
	 * @param beanFactory where Boot's settings are looked up
	 * @param timeout the timeout
	 * @param proxy Ark's proxy, if set
	 * @return the request factory
	 */
	static ClientHttpRequestFactory forProbes(BeanFactory beanFactory, Duration timeout,
			@Nullable ProxySelector proxy) {
		HttpClient httpClient;
		if (isBootPresent(beanFactory)) {
			httpClient = BootHttpClient.forProbes(beanFactory, timeout, proxy);
		}
		else {
			HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
			if (proxy != null) {
				builder.proxy(proxy);
			}
			httpClient = builder.build();
		}
		return new ArkJdkClientHttpRequestFactory(httpClient, timeout);
	}

	private static boolean isBootPresent(BeanFactory beanFactory) {
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : ArkRequestFactories.class.getClassLoader();
		return ClassUtils.isPresent(BOOT_HTTP_CLIENT, classLoader);
	}

	/** Uses Boot's HTTP client settings; only loaded when {@code spring-boot-http-client} is present. */
	private static final class BootHttpClient {

		static void apply(ArkTransport.Builder transport, BeanFactory beanFactory, ArkChatProperties.Timeouts timeouts,
				@Nullable ProxySelector proxy) {
			HttpClientSettings settings = settings(beanFactory);
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
			LazyHttpClient httpClient = new LazyHttpClient(() -> builder(proxy).build(clientSettings));
			transport.requestFactories(new ArkJdkClientHttpRequestFactory(httpClient, readTimeout),
					new ArkJdkClientHttpRequestFactory(httpClient, null));
		}

		static HttpClient forProbes(BeanFactory beanFactory, Duration timeout, @Nullable ProxySelector proxy) {
			return builder(proxy).build(settings(beanFactory).withConnectTimeout(timeout).withReadTimeout(null));
		}

		private static HttpClientSettings settings(BeanFactory beanFactory) {
			return beanFactory.getBeanProvider(HttpClientSettings.class).getIfAvailable(HttpClientSettings::defaults);
		}

		private static JdkHttpClientBuilder builder(@Nullable ProxySelector proxy) {
			JdkHttpClientBuilder builder = new JdkHttpClientBuilder();
			return (proxy != null) ? builder.withProxySelector(proxy) : builder;
		}

	}

}
