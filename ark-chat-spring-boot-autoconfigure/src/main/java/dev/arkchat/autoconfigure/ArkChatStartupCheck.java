package dev.arkchat.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.arkchat.auth.ApiKeyProvider;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.StringUtils;

/**
 * Checks, once every eager bean exists, what ark-chat's lazy beans will need, so that a wrong configuration fails the
 * startup and not the first call: the SSL bundle {@code ark.chat.ssl.bundle} names, {@code ark.chat.base-url} and,
 * when one of ark-chat's clients that needs an API key is defined, an {@link ApiKeyProvider}.
 * <p>
 * A bean of its own, small and eager, so that the transport factory ({@link ArkTransports}) can be lazy like the
 * clients it serves: creating that at startup would reflect over its types and load the transport's classes, which an
 * application that has not called Ark yet does not need.
 */
final class ArkChatStartupCheck implements SmartInitializingSingleton {

	/**
	 * ark-chat's own client beans that need an {@link ApiKeyProvider}, with the client each one makes, in the order
	 * in which a missing provider is reported.
	 */
	private static final List<Map.Entry<String, String>> KEYED_CLIENT_BEANS = List.of(
			Map.entry("botChatClient", "BotChatClient"), Map.entry("legacyBotChatClient", "LegacyBotChatClient"),
			Map.entry("contextClient", "ContextClient"));

	private final ArkChatProperties properties;

	private final BeanFactory beanFactory;

	ArkChatStartupCheck(ArkChatProperties properties, BeanFactory beanFactory) {
		this.properties = properties;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (StringUtils.hasText(this.properties.getSsl().getBundle())) {
			ArkRequestFactories.check(this.beanFactory, this.properties);
		}
		if (this.beanFactory instanceof ConfigurableListableBeanFactory listable) {
			for (Map.Entry<String, String> bean : KEYED_CLIENT_BEANS) {
				if (ArkChatBeanRegistrar.isOwn(listable, bean.getKey())) {
					ArkChatCredentialsMissingException.require(listable.getBeanProvider(ApiKeyProvider.class),
							bean.getValue());
					break;
				}
			}
		}
		ArkBaseUrls.check(BotChatBeans.BASE_URL_PROPERTY, this.properties.getBaseUrl());
	}

}
