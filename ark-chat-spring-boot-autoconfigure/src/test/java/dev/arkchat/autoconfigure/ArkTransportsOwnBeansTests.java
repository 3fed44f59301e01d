package dev.arkchat.autoconfigure;

import dev.arkchat.bot.BotChatClient;
import dev.arkchat.context.ContextChatTemplate;
import dev.arkchat.context.ContextClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which beans the startup checks treat as ark-chat's own ({@link ArkTransports#isOwn}): those made by the factory
 * classes of {@link ArkChatBeanRegistrar}, also in the shape ahead-of-time processing generates, and not the
 * application's beans of the same names.
 */
class ArkTransportsOwnBeansTests {

	@Test
	void aBeanMadeByAnArkChatFactoryClassIsOwnAlsoWhenProcessedAheadOfTime() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		// what the registrar registers
		beanFactory.registerBeanDefinition("botChatClient", new RootBeanDefinition(BotChatBeans.class));
		// what the code generated ahead of time registers: the bean class kept, an instance supplier instead
		RootBeanDefinition generated = new RootBeanDefinition(ContextChatBeans.class);
		generated.setTargetType(ContextChatTemplate.class);
		generated.setInstanceSupplier(() -> mock(ContextChatTemplate.class));
		beanFactory.registerBeanDefinition("contextChatTemplate", generated);
		assertThat(ArkTransports.isOwn(beanFactory, "botChatClient")).isTrue();
		assertThat(ArkTransports.isOwn(beanFactory, "contextChatTemplate")).isTrue();
	}

	@Test
	void theApplicationsBeansUnderTheSameNamesAreNot() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		// an instance supplier, as withBean or registerBean gives
		RootBeanDefinition supplied = new RootBeanDefinition(BotChatClient.class);
		supplied.setInstanceSupplier(() -> mock(BotChatClient.class));
		beanFactory.registerBeanDefinition("botChatClient", supplied);
		// a @Bean method of a configuration class in ark-chat's own package
		RootBeanDefinition factoryMethod = new RootBeanDefinition();
		factoryMethod.setFactoryBeanName("applicationConfiguration");
		factoryMethod.setFactoryMethodName("contextClient");
		factoryMethod.setTargetType(ContextClient.class);
		beanFactory.registerBeanDefinition("contextClient", factoryMethod);
		assertThat(ArkTransports.isOwn(beanFactory, "botChatClient")).isFalse();
		assertThat(ArkTransports.isOwn(beanFactory, "contextClient")).isFalse();
		assertThat(ArkTransports.isOwn(beanFactory, "legacyBotChatClient")).as("not defined").isFalse();
	}

}
