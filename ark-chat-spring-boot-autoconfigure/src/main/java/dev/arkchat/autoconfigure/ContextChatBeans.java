package dev.arkchat.autoconfigure;

import java.net.URI;

import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.context.ContextChatOperations;
import dev.arkchat.context.ContextChatTemplate;
import dev.arkchat.context.ContextClient;
import dev.arkchat.context.ContextMode;
import dev.arkchat.context.ContextSessions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * The context-cached chat beans that {@link ArkChatBeanRegistrar} registers from {@code ark.chat.context.*}: the
 * {@link ContextClient}, the {@link ContextChatOperations} applications inject (a {@link ContextChatTemplate} with the
 * configured endpoint, mode, time to live, truncation and session prompt), and its {@link ContextSessions}.
 * <p>
 * No endpoint id is required: without {@code ark.chat.context.endpoint-id} the beans start, and each request names its
 * endpoint. The sessions keep the map from conversation to context in the cache {@code ark.chat.context.session
 * .cache-name} of the application's {@link CacheManager} when there is one (so that instances sharing Redis, say,
 * continue each other's conversations), otherwise in memory. The client shares the transport settings of every Ark
 * client ({@code ark.chat.timeouts.*}, {@code ark.chat.retry.*}, observation) and calls {@code ark.chat.base-url} (or
 * the region's host) unless {@code ark.chat.context.base-url} says otherwise. The factory methods are static, so that
 * the beans can be processed ahead of time.
 */
final class ContextChatBeans {

	/** The property that overrides the Ark host for context calls. */
	static final String BASE_URL_PROPERTY = ArkChatContextProperties.PREFIX + ".base-url";

	private static final Log logger = LogFactory.getLog(ContextChatBeans.class);

	private ContextChatBeans() {
	}

	/**
	 * The {@code ark.chat.context.*} properties, which Boot binds once created.
	 * @return unbound properties
	 */
	static ArkChatContextProperties contextProperties() {
		return new ArkChatContextProperties();
	}

	/**
	 * The context cache endpoint client.
	 * @param properties the root properties (host, region)
	 * @param contextProperties the context properties
	 * @param apiKeys the credentials; none fails the startup
	 * @param transports builds the transport
	 * @return the client
	 */
	static ContextClient contextClient(ArkChatProperties properties, ArkChatContextProperties contextProperties,
			ObjectProvider<ApiKeyProvider> apiKeys, ArkTransports transports) {
		ApiKeyProvider keys = ArkChatCredentialsMissingException.require(apiKeys, "ContextClient");
		URI baseUrl = ArkBaseUrls.resolve(BASE_URL_PROPERTY, contextProperties.getBaseUrl(),
				BotChatBeans.arkHost(properties));
		return new ContextClient(transports.create(baseUrl), keys);
	}

	/**
	 * What applications inject for context-cached chat, with the configured defaults.
	 * @param client the endpoint client
	 * @param properties the context properties
	 * @param cacheManagers the application's cache manager, if any, for the sessions
	 * @return the template
	 */
	static ContextChatTemplate contextChatTemplate(ContextClient client, ArkChatContextProperties properties,
			ObjectProvider<CacheManager> cacheManagers) {
		ContextMode mode = ContextDefaults.mode(properties);
		ContextChatTemplate.Builder builder = ContextChatTemplate.builder(client)
			.endpointId(properties.getEndpointId())
			.mode(mode)
			.ttl(ContextDefaults.ttl(properties))
			.truncationStrategy(ContextDefaults.truncation(properties, mode))
			.sessionInitialMessages(ContextDefaults.sessionMessages(properties))
			.sessionCache(sessionCache(cacheManagers, properties));
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new ArkChatConfigurationException(ArkChatContextProperties.PREFIX, ex.getMessage(),
					"Correct the '" + ArkChatContextProperties.PREFIX + ".*' property the message names.");
		}
	}

	private static @Nullable Cache sessionCache(ObjectProvider<CacheManager> cacheManagers,
			ArkChatContextProperties properties) {
		String cacheName = ContextDefaults.cacheName(properties);
		CacheManager cacheManager = cacheManagers.getIfUnique();
		if (cacheManager == null) {
			if (cacheManagers.stream().findAny().isPresent()) {
				logger.warn("Several CacheManager beans and none is primary: ContextSessions keep conversations in "
						+ "memory. Mark one @Primary, or define a ContextSessions bean, to share them.");
			}
			return null;
		}
		Cache cache = cacheManager.getCache(cacheName);
		if (cache == null) {
			String property = ContextDefaults.CACHE_NAME_PROPERTY;
			throw new ArkChatConfigurationException(property,
					"The application's CacheManager (" + cacheManager.getClass().getName() + ") has no cache named '"
							+ cacheName + "' (property '" + property + "'), and does not create caches on demand.",
					"Add '" + cacheName + "' to the caches it creates (with Spring Boot: spring.cache.cache-names), "
							+ "or set '" + property + "' to one of " + cacheManager.getCacheNames() + ".");
		}
		return cache;
	}

	/**
	 * Conversations kept in session contexts: the same object as {@link ContextChatOperations#sessions()}, so
	 * that both serialise the calls of a conversation with one lock.
	 * @param operations the operations whose defaults the contexts take
	 * @return the sessions
	 */
	static ContextSessions contextSessions(ContextChatOperations operations) {
		return operations.sessions();
	}

	/**
	 * Checks at startup that the application's cache manager has the sessions' cache: the context beans are
	 * created when first used, and a missing cache must fail the startup, not the first conversation.
	 * @param cacheManagers the application's cache managers
	 * @param properties the context properties
	 * @param beanFactory tells whether the context template is ark-chat's
	 * @return the check
	 */
	static SmartInitializingSingleton arkChatContextSessionCacheCheck(ObjectProvider<CacheManager> cacheManagers,
			ObjectProvider<ArkChatContextProperties> properties, ConfigurableListableBeanFactory beanFactory) {
		return () -> {
			if (ArkChatBeanRegistrar.isOwn(beanFactory, "contextChatTemplate")) {
				sessionCache(cacheManagers, properties.getObject());
			}
		};
	}

}
