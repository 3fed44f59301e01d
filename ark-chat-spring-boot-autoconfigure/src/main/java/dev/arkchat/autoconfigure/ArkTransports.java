package dev.arkchat.autoconfigure;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.legacy.LegacyBotChatClient;
import dev.arkchat.context.ContextClient;
import dev.arkchat.http.ArkTransport;
import dev.arkchat.knowledge.KnowledgeClient;
import dev.arkchat.observation.ArkChatObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link ArkTransport} of every Ark client the same way: from a clone of Boot's {@link RestClient.Builder}
 * (or a plain one), customized by the {@link ArkChatRestClientCustomizer} beans, with Ark's request factories
 * ({@link ArkRequestFactories}), the {@code ark.chat.timeouts.*} and {@code ark.chat.retry.*} settings, and the
 * application's {@link ObservationRegistry} and convention. A new client only asks for a transport to its host.
 * <p>
 * A lazy bean, created with the first client: what the clients will need is checked at startup by the
 * {@link ArkChatStartupCheck}, without it.
 */
final class ArkTransports {

	private final ArkChatProperties properties;

	private final ObjectProvider<RestClient.Builder> restClientBuilder;

	private final ObjectProvider<ArkChatRestClientCustomizer> customizers;

	private final ObjectProvider<ObservationRegistry> observationRegistry;

	private final ObjectProvider<ArkChatObservationConvention> observationConvention;

	private final BeanFactory beanFactory;

	private final Set<URI> hosts = new CopyOnWriteArraySet<>();

	private volatile ArkRequestFactories.@Nullable Client client;

	ArkTransports(ArkChatProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ArkChatRestClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ArkChatObservationConvention> observationConvention, BeanFactory beanFactory) {
		this.properties = properties;
		this.restClientBuilder = restClientBuilder;
		this.customizers = customizers;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.beanFactory = beanFactory;
	}

	/**
	 * The factory of the transports, a lazy bean: created with the first client. A static factory method, like every
	 * ark-chat bean, so that it can be processed ahead of time and so that Spring does not reflect over this class as
	 * a candidate configuration class at startup.
	 * @param properties the properties
	 * @param restClientBuilder the application's {@link RestClient.Builder}, if any
	 * @param customizers customize the builder of every Ark client
	 * @param observationRegistry the application's observation registry, if any
	 * @param observationConvention the application's convention, if any
	 * @param beanFactory the bean factory
	 * @return the factory of transports
	 */
	static ArkTransports arkChatTransports(ArkChatProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<ArkChatRestClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ArkChatObservationConvention> observationConvention, BeanFactory beanFactory) {
		return new ArkTransports(properties, restClientBuilder, customizers, observationRegistry,
				observationConvention, beanFactory);
	}

	/**
	 * A transport to a host.
	 * @param baseUrl the host
	 * @param interceptors interceptors the endpoint needs (such as request signing), applied after the customizers
	 * @return the transport
	 */
	ArkTransport create(URI baseUrl, List<ClientHttpRequestInterceptor> interceptors) {
		this.hosts.add(baseUrl);
		// the RestClient.Builder (Boot's, with the application's customizers) is taken at the client's first call
		ArkTransport.Builder transport = ArkTransport.builder().restClientBuilder(() -> {
			RestClient.Builder builder = transportBuilder();
			interceptors.forEach(builder::requestInterceptor);
			return builder;
		})
			.baseUrl(baseUrl)
			.retry(this.properties.getRetry().toSettings())
			.streamIdleTimeout(this.properties.getTimeouts().getStreamIdle())
			.includeContent(this.properties.getObservation().isIncludeContent())
			.observationRegistry(this.observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
			.observationConvention(this.observationConvention.getIfAvailable());
		client().apply(transport);
		return transport.build();
	}

	/**
	 * A transport to a host.
	 * @param baseUrl the host
	 * @return the transport
	 */
	ArkTransport create(URI baseUrl) {
		return create(baseUrl, List.of());
	}

	/**
	 * The hosts of the transports created so far: every client's host, which the health check probes.
	 * @return the base URLs, in creation order
	 */
	Set<URI> hosts() {
		return Collections.unmodifiableSet(this.hosts);
	}

	/**
	 * The hosts of every Ark client of the application: the clients are lazy beans, so those not created yet are
	 * created first.
	 * @return the hosts
	 */
	Set<URI> hostsOfAllClients() {
		for (Class<?> type : List.of(BotChatClient.class, LegacyBotChatClient.class, ContextClient.class,
				KnowledgeClient.class)) {
			this.beanFactory.getBeanProvider(type).forEach((client) -> {
			});
		}
		return hosts();
	}

	/**
	 * The builder a transport starts from. Boot's own {@link RestClient.Builder} bean builds a request factory for
	 * every builder it hands out (with the JDK client: a new {@code HttpClient}, its SSL context and selector thread,
	 * most of what the starter cost an application's startup, and a JVM that created one takes longer to exit), which
	 * a transport replaces with its own at once. When the application's builder is Boot's, a transport therefore
	 * starts from a plain builder with Boot's {@code RestClientCustomizer} beans applied, which is the rest of what
	 * Boot's builder carries (message converters, {@code http.client.requests} observation); a builder the
	 * application defined itself is used as before.
	 */
	private RestClient.Builder transportBuilder() {
		if (BootRestClientBuilder.isBootsOwn(this.beanFactory)) {
			RestClient.Builder builder = RestClient.builder();
			BootRestClientBuilder.customize(builder, this.beanFactory);
			this.customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder;
		}
		return restClientBuilder();
	}

	/**
	 * A builder for Ark's blocking calls that are not made through a transport (the GetApiKey client): what a
	 * transport starts from, on Ark's request factory with its timeouts, proxy and SSL bundle.
	 * @return the builder
	 */
	RestClient.Builder restClientBuilderForCalls() {
		return transportBuilder().requestFactory(client().forCalls());
	}

	/** The JDK client every Ark call shares, with its settings resolved (and checked) once. */
	private ArkRequestFactories.Client client() {
		ArkRequestFactories.Client client = this.client;
		if (client == null) {
			synchronized (this.hosts) {
				client = this.client;
				if (client == null) {
					client = ArkRequestFactories.client(this.beanFactory, this.properties);
					this.client = client;
				}
			}
		}
		return client;
	}

	/**
	 * A fresh clone of the application's builder with the Ark customizers applied, for clients that are not built on
	 * a transport and set their own request factory (the health probe).
	 * @return the builder
	 */
	RestClient.Builder restClientBuilder() {
		RestClient.Builder builder = this.restClientBuilder.getIfAvailable(RestClient::builder).clone();
		this.customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	/** Boot's {@code spring-boot-restclient}, referenced only where it is present. */
	private static final class BootRestClientBuilder {

		private static final String AUTO_CONFIGURATION = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration";

		private static final String CUSTOMIZER = "org.springframework.boot.restclient.RestClientCustomizer";

		static boolean isBootsOwn(BeanFactory beanFactory) {
			if (!(beanFactory instanceof ConfigurableListableBeanFactory listable)
					|| !ClassUtils.isPresent(CUSTOMIZER, listable.getBeanClassLoader())) {
				return false;
			}
			String[] names = listable.getBeanNamesForType(RestClient.Builder.class, true, false);
			if (names.length != 1 || !listable.containsBeanDefinition(names[0])) {
				return false;
			}
			BeanDefinition definition = listable.getBeanDefinition(names[0]);
			MethodMetadata factoryMethod = (definition instanceof AnnotatedBeanDefinition annotated)
					? annotated.getFactoryMethodMetadata() : null;
			return factoryMethod != null && AUTO_CONFIGURATION.equals(factoryMethod.getDeclaringClassName());
		}

		static void customize(RestClient.Builder builder, BeanFactory beanFactory) {
			beanFactory.getBeanProvider(org.springframework.boot.restclient.RestClientCustomizer.class)
				.orderedStream()
				.forEach((customizer) -> customizer.customize(builder));
		}

	}

}
