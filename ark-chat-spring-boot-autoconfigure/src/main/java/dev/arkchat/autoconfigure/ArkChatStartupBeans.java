package dev.arkchat.autoconfigure;

import org.springframework.beans.factory.BeanFactory;

/**
 * The beans that {@link ArkChatBeanRegistrar} registers for every application and that are created at startup: the
 * {@code ark.chat.*} properties, bound and checked by Boot as {@code @EnableConfigurationProperties} would, and the
 * {@link ArkChatStartupCheck}.
 * <p>
 * Made by static factory methods, like every ark-chat bean, so that they can be processed ahead of time, and so that
 * Spring does not introspect their classes as candidate configuration classes (a bean definition with a plain bean
 * class gets every method of its class reflected over for {@code @Bean} annotations: about a millisecond for the
 * properties). This class holds nothing else, so that creating them reflects over no other type.
 */
final class ArkChatStartupBeans {

	private ArkChatStartupBeans() {
	}

	/**
	 * The {@code ark.chat.*} properties, which Boot binds once created.
	 * @return unbound properties
	 */
	static ArkChatProperties arkChatProperties() {
		return new ArkChatProperties();
	}

	/**
	 * The check of what the lazy beans will need.
	 * @param properties the bound properties
	 * @param beanFactory the bean factory
	 * @return the check
	 */
	static ArkChatStartupCheck arkChatStartupCheck(ArkChatProperties properties, BeanFactory beanFactory) {
		return new ArkChatStartupCheck(properties, beanFactory);
	}

}
