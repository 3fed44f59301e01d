package dev.arkchat.autoconfigure;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

import javax.net.ssl.SSLParameters;

import dev.arkchat.http.ArkJdkClientHttpRequestFactory;
import dev.arkchat.http.ArkTransport;
import dev.arkchat.http.LazyHttpClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
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
 * When Boot's HTTP client support is present (the application uses {@code spring-boot-starter-restclient}), its
 * {@code spring.http.clients.*} settings apply to the JDK client (connect timeout, SSL bundle, redirects, address
 * filter) and its read timeout to blocking calls; streams are guarded by the transport's idle timeout instead. Without
 * it, the transport's defaults apply. {@code ark.chat.timeouts.*}, {@code ark.chat.proxy.*} and
 * {@code ark.chat.ssl.bundle} apply to Ark's clients only, never to the application's other clients. Every JDK client
 * is built at the first call, not at startup: its SSL context is most of what a client costs.
 */
final class ArkRequestFactories {

	private static final String BOOT_HTTP_CLIENT = "org.springframework.boot.http.client.JdkHttpClientBuilder";

	private static final String SSL_BUNDLE_PROPERTY = ArkChatProperties.PREFIX + ".ssl.bundle";

	private ArkRequestFactories() {
	}

	/**
	 * The JDK client of Ark's calls, built at its first use: Boot's HTTP client settings when Boot's HTTP client
	 * support is present, otherwise the JDK's defaults; with Ark's timeouts, proxy and SSL bundle, if set. One is
	 * shared by every Ark client, so that they share its connection pool and selector thread.
	 * @param beanFactory where Boot's settings and SSL bundles are looked up
	 * @param properties Ark's settings ({@code ark.chat.timeouts.*}, {@code ark.chat.proxy.*},
	 * {@code ark.chat.ssl.bundle}), over Boot's
	 * @return the client and the read timeout of blocking calls
	 * @throws ArkChatConfigurationException when {@code ark.chat.ssl.bundle} names no configured bundle
	 */
	static Client client(BeanFactory beanFactory, ArkChatProperties properties) {
		ArkChatProperties.Timeouts timeouts = properties.getTimeouts();
		ProxySelector proxy = properties.getProxy().toProxySelector();
		SslBundle sslBundle = sslBundle(beanFactory, properties);
		if (isBootPresent(beanFactory)) {
			return BootHttpClient.client(beanFactory, timeouts, proxy, sslBundle);
		}
		Duration connect = (timeouts.getConnect() != null) ? timeouts.getConnect()
				: ArkTransport.DEFAULT_CONNECT_TIMEOUT;
		Duration read = (timeouts.getRead() != null) ? timeouts.getRead() : ArkTransport.DEFAULT_READ_TIMEOUT;
		return new Client(new LazyHttpClient(() -> jdkClient(connect, proxy, sslBundle)), read);
	}

	/**
	 * A request factory for short probes (the health check): Boot's HTTP client settings (SSL bundle, redirects) when
	 * present and Ark's proxy and SSL bundle, with the given timeout to connect and to the response headers.
	 * @param beanFactory where Boot's settings and SSL bundles are looked up
	 * @param timeout the timeout
	 * @param properties Ark's settings (proxy, SSL bundle)
	 * @return the request factory
	 */
	static ClientHttpRequestFactory forProbes(BeanFactory beanFactory, Duration timeout,
			ArkChatProperties properties) {
		ProxySelector proxy = properties.getProxy().toProxySelector();
		SslBundle sslBundle = sslBundle(beanFactory, properties);
		Supplier<HttpClient> httpClient = isBootPresent(beanFactory)
				? new LazyHttpClient(() -> BootHttpClient.forProbes(beanFactory, timeout, proxy, sslBundle))
				: new LazyHttpClient(() -> jdkClient(timeout, proxy, sslBundle));
		return ArkJdkClientHttpRequestFactory.forWholeBodies(httpClient, timeout);
	}

	private static HttpClient jdkClient(Duration connectTimeout, @Nullable ProxySelector proxy,
			@Nullable SslBundle sslBundle) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NORMAL);
		if (proxy != null) {
			builder.proxy(proxy);
		}
		if (sslBundle != null) {
			builder.sslContext(sslBundle.createSslContext());
			SslOptions options = sslBundle.getOptions();
			if (options.isSpecified()) {
				SSLParameters parameters = new SSLParameters();
				if (options.getCiphers() != null) {
					parameters.setCipherSuites(options.getCiphers());
				}
				if (options.getEnabledProtocols() != null) {
					parameters.setProtocols(options.getEnabledProtocols());
				}
				builder.sslParameters(parameters);
			}
		}
		return builder.build();
	}

	/**
	 * Checks, without building a client, the settings a client is built with that can be wrong: the SSL bundle that
	 * {@code ark.chat.ssl.bundle} names must exist. (The proxy and timeouts are checked when they are bound.)
	 * @param beanFactory where the SSL bundles are looked up
	 * @param properties Ark's settings
	 * @throws ArkChatConfigurationException when the bundle is missing
	 */
	static void check(BeanFactory beanFactory, ArkChatProperties properties) {
		sslBundle(beanFactory, properties);
	}

	/** The bundle {@code ark.chat.ssl.bundle} names, or {@code null} when it is not set. */
	private static @Nullable SslBundle sslBundle(BeanFactory beanFactory, ArkChatProperties properties) {
		String name = properties.getSsl().getBundle();
		if (name == null || name.isBlank()) {
			return null;
		}
		SslBundles bundles;
		try {
			bundles = beanFactory.getBean(SslBundles.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new ArkChatConfigurationException(SSL_BUNDLE_PROPERTY,
					"ark.chat.ssl.bundle is '" + name + "', but the application has no SSL bundles (SslBundles bean).",
					"Keep Spring Boot's SslAutoConfiguration on and define the bundle under spring.ssl.bundle.*, or "
							+ "remove ark.chat.ssl.bundle.");
		}
		try {
			return bundles.getBundle(name.trim());
		}
		catch (NoSuchSslBundleException ex) {
			throw new ArkChatConfigurationException(SSL_BUNDLE_PROPERTY,
					"ark.chat.ssl.bundle is '" + name + "', which is not a configured SSL bundle (configured: "
							+ bundles.getBundleNames() + ").",
					"Define it under spring.ssl.bundle.pem." + name.trim() + " or spring.ssl.bundle.jks." + name.trim()
							+ ", or set ark.chat.ssl.bundle to one of " + bundles.getBundleNames() + ".");
		}
	}

	private static boolean isBootPresent(BeanFactory beanFactory) {
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : ArkRequestFactories.class.getClassLoader();
		return ClassUtils.isPresent(BOOT_HTTP_CLIENT, classLoader);
	}

	/** Uses Boot's HTTP client settings; only loaded when {@code spring-boot-http-client} is present. */
	private static final class BootHttpClient {

		static Client client(BeanFactory beanFactory, ArkChatProperties.Timeouts timeouts,
				@Nullable ProxySelector proxy, @Nullable SslBundle sslBundle) {
			HttpClientSettings settings = settings(beanFactory, sslBundle);
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
			return new Client(new LazyHttpClient(() -> builder(proxy).build(clientSettings)), readTimeout);
		}

		static HttpClient forProbes(BeanFactory beanFactory, Duration timeout, @Nullable ProxySelector proxy,
				@Nullable SslBundle sslBundle) {
			return builder(proxy)
				.build(settings(beanFactory, sslBundle).withConnectTimeout(timeout).withReadTimeout(null));
		}

		/** Boot's settings, with Ark's SSL bundle over Boot's when set. */
		private static HttpClientSettings settings(BeanFactory beanFactory, @Nullable SslBundle sslBundle) {
			HttpClientSettings settings = beanFactory.getBeanProvider(HttpClientSettings.class)
				.getIfAvailable(HttpClientSettings::defaults);
			return (sslBundle != null) ? settings.withSslBundle(sslBundle) : settings;
		}

		private static JdkHttpClientBuilder builder(@Nullable ProxySelector proxy) {
			JdkHttpClientBuilder builder = new JdkHttpClientBuilder();
			return (proxy != null) ? builder.withProxySelector(proxy) : builder;
		}

	}

	/**
	 * A JDK client, built at its first use, and the read timeout of blocking calls on it.
	 * @param httpClient the client
	 * @param read the read timeout of blocking calls
	 */
	record Client(LazyHttpClient httpClient, Duration read) {

		/**
		 * Sets the request factories of a transport on this client: whole answers for blocking calls, bounded by
		 * the read timeout; bodies read as they arrive for streams.
		 * @param transport the transport being built
		 */
		void apply(ArkTransport.Builder transport) {
			transport.requestFactories(forCalls(), new ArkJdkClientHttpRequestFactory(this.httpClient, null));
		}

		/**
		 * The request factory of blocking calls on this client.
		 * @return the factory
		 */
		ClientHttpRequestFactory forCalls() {
			return ArkJdkClientHttpRequestFactory.forWholeBodies(this.httpClient, this.read);
		}

	}

}
