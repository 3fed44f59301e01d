package dev.arkchat.autoconfigure;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import dev.arkchat.bot.BotChatClient;
import dev.arkchat.context.ContextChatTemplate;
import dev.arkchat.context.ContextClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which beans the startup checks treat as ark-chat's own ({@link ArkChatBeanRegistrar#isOwn}): those made by the
 * factory classes of {@link ArkChatBeanRegistrar}, also in the shape ahead-of-time processing generates, and not the
 * application's beans of the same names. The registrar names its factory classes: each name must be one.
 */
class ArkChatOwnBeansTests {

	@Test
	void aBeanMadeByAnArkChatFactoryClassIsOwnAlsoWhenProcessedAheadOfTime() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		// what the registrar registers: the factory class by name
		RootBeanDefinition registered = new RootBeanDefinition();
		registered.setBeanClassName(ArkChatBeanRegistrar.BOT_CHAT_BEANS);
		registered.setFactoryMethodName("botChatClient");
		beanFactory.registerBeanDefinition("botChatClient", registered);
		// what the code generated ahead of time registers: the bean class kept, an instance supplier instead
		RootBeanDefinition generated = new RootBeanDefinition(ContextChatBeans.class);
		generated.setTargetType(ContextChatTemplate.class);
		generated.setInstanceSupplier(() -> mock(ContextChatTemplate.class));
		beanFactory.registerBeanDefinition("contextChatTemplate", generated);
		assertThat(ArkChatBeanRegistrar.isOwn(beanFactory, "botChatClient")).isTrue();
		assertThat(ArkChatBeanRegistrar.isOwn(beanFactory, "contextChatTemplate")).isTrue();
	}

	@Test
	void everyFactoryClassNameIsAClassOfStaticFactoryMethods() throws Exception {
		assertThat(ArkChatBeanRegistrar.FACTORY_CLASSES).hasSize(8).doesNotHaveDuplicates();
		for (String name : ArkChatBeanRegistrar.FACTORY_CLASSES) {
			Class<?> factoryClass = Class.forName(name);
			assertThat(factoryClass.getPackage()).isEqualTo(ArkChatBeanRegistrar.class.getPackage());
			assertThat(Arrays.stream(factoryClass.getDeclaredMethods())
				.filter((method) -> Modifier.isStatic(method.getModifiers())
						&& method.getReturnType() != void.class))
				.as(name)
				.isNotEmpty();
		}
	}

	@Test
	void theBeansTheRegistrarRegistersAreOwn() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ArkChatAutoConfiguration.class))
			.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.context.endpoint-id=ep-20250101000000-abcde")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
				for (String name : List.of("arkChatTransports", "arkChatStartupCheck", "arkChatApiKeyProvider",
						"botChatClient", "botChatTemplate", "legacyBotChatClient", "contextClient",
						"contextChatTemplate", "contextSessions")) {
					assertThat(ArkChatBeanRegistrar.isOwn(beanFactory, name)).as(name).isTrue();
				}
			});
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
		assertThat(ArkChatBeanRegistrar.isOwn(beanFactory, "botChatClient")).isFalse();
		assertThat(ArkChatBeanRegistrar.isOwn(beanFactory, "contextClient")).isFalse();
		assertThat(ArkChatBeanRegistrar.isOwn(beanFactory, "legacyBotChatClient")).as("not defined").isFalse();
	}

}
