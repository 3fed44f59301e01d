package dev.arkchat.autoconfigure;

import java.util.Map;

import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreErrorsBindHandler;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link BotChatOperations} bean per named bot, {@code ark.chat.bots.<name>.*}: bean
 * {@code <name>BotChatOperations}, qualified {@code <name>} so that {@code @Qualifier("<name>") BotChatOperations}
 * injects it. All share the one {@link dev.arkchat.bot.BotChatClient}. A bean of the same name defined by the
 * application wins. The names are read from the environment when the configuration is parsed (at build time for an
 * AOT-processed application); the values are read from the bound {@link ArkChatProperties}, which also validates
 * them.
 */
final class ArkChatBotsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	/** The suffix of the bean name of a named bot's operations. */
	static final String BEAN_NAME_SUFFIX = "BotChatOperations";

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		if (this.environment == null) {
			return;
		}
		// errors are reported by the binding of ArkChatProperties, with the property's name
		BindHandler ignoreErrors = new IgnoreErrorsBindHandler();
		Map<String, ArkChatProperties.Bot> bots = Binder.get(this.environment)
			.bind(ArkChatProperties.PREFIX + ".bots", Bindable.mapOf(String.class, ArkChatProperties.Bot.class),
					ignoreErrors)
			.orElse(Map.of());
		for (String name : bots.keySet()) {
			String beanName = name + BEAN_NAME_SUFFIX;
			if (!registry.containsBeanDefinition(beanName)) {
				registry.registerBeanDefinition(beanName, definition(name));
			}
		}
	}

	private static RootBeanDefinition definition(String name) {
		RootBeanDefinition definition = new RootBeanDefinition(BotChatTemplates.class);
		definition.setFactoryMethodName("named");
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
		definition.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
		definition.setTargetType(BotChatTemplate.class);
		// like the default bot's template: created when first injected or asked for
		definition.setLazyInit(true);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		return definition;
	}

}
