package dev.arkchat.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatTemplate;
import dev.arkchat.context.ContextChatOperations;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint beans (clients, templates, sessions) and the transport factory they share are created when first
 * injected or asked for, so that an application pays at startup only for the endpoints it uses; their settings are
 * still checked at startup, by {@link ArkChatStartupCheck} (see {@link ArkChatConfigurationFailureTests} and the
 * auto-configuration tests of each endpoint).
 */
class ArkChatLazyBeansTests {

	private static final List<String> ENDPOINT_BEANS = List.of("arkChatTransports", "botChatClient", "botChatTemplate",
			"supportBotChatOperations", "legacyBotChatClient", "legacyBotChatTemplate", "contextClient",
			"contextChatTemplate", "contextSessions");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ArkChatAutoConfiguration.class))
		.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.bot.id=bot-20250101000000-abcde",
				"ark.chat.bots.support.id=bot-20250101000000-supp1");

	@Test
	void noEndpointBeanIsCreatedAtStartupButEachIsDefined() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			for (String name : ENDPOINT_BEANS) {
				assertThat(beans.containsBeanDefinition(name)).as("%s defined", name).isTrue();
				assertThat(beans.containsSingleton(name)).as("%s created at startup", name).isFalse();
			}
			assertThat(beans.containsSingleton(ArkChatAutoConfiguration.class.getName()))
				.as("auto-configuration instance created at startup")
				.isFalse();
			// what is created: the properties, bound and checked, the check of what the lazy beans need, and the key
			assertThat(beans.containsSingleton("ark.chat-" + ArkChatProperties.class.getName())).isTrue();
			assertThat(beans.containsSingleton("arkChatStartupCheck")).isTrue();
			assertThat(beans.containsSingleton("arkChatApiKeyProvider")).isTrue();
		});
	}

	@Test
	void theListenerScanAtStartupDoesNotIntrospectTheLazyEndpointTypes() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			for (String name : ENDPOINT_BEANS) {
				// what Spring's @EventListener scan introspects instead of the bean's type
				assertThat(AutoProxyUtils.determineTargetClass(beans, name)).as(name).isEqualTo(Object.class);
			}
			assertThat(AutoProxyUtils.determineTargetClass(beans, "arkChatStartupCheck"))
				.isEqualTo(ArkChatStartupCheck.class);
			// the beans are still found by their types, before and after they are created
			assertThat(context.getBeanNamesForType(BotChatTemplate.class)).containsExactly("botChatTemplate",
					"supportBotChatOperations");
			assertThat(context.getBeanNamesForType(ContextChatOperations.class)).containsExactly("contextChatTemplate");
			assertThat(context.getBean(BotChatTemplate.class).getDefaultBotId()).isEqualTo("bot-20250101000000-abcde");
			assertThat(context.getType("botChatTemplate")).isEqualTo(BotChatTemplate.class);
		});
	}

	@Test
	void theAreaPropertiesAreBoundAtStartupOnlyWhenSomethingIsSetUnderTheirPrefix() {
		String legacy = ArkChatLegacyBotProperties.PREFIX + "-" + ArkChatLegacyBotProperties.class.getName();
		String contextProperties = ArkChatContextProperties.PREFIX + "-" + ArkChatContextProperties.class.getName();
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			assertThat(beans.containsSingleton(legacy)).isFalse();
			assertThat(beans.containsSingleton(contextProperties)).isFalse();
			// bound when first used, with their defaults
			assertThat(context.getBean(ArkChatContextProperties.class).getMode()).isNull();
			assertThat(beans.containsSingleton(contextProperties)).isTrue();
		});
		// set through an environment variable's relaxed name: bound, and so checked, at startup
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("ARK_CHAT_CONTEXT_ENDPOINT_ID", "ep-20250101000000-abcde"))))
			.withPropertyValues("ark.chat.legacy-bot.bot-id=bot-20250101000000-legcy")
			.run((context) -> {
				ConfigurableListableBeanFactory beans = context.getBeanFactory();
				assertThat(beans.containsSingleton(legacy)).isTrue();
				assertThat(beans.containsSingleton(contextProperties)).isTrue();
				assertThat(context.getBean(ArkChatContextProperties.class).getEndpointId())
					.isEqualTo("ep-20250101000000-abcde");
			});
		this.runner.withPropertyValues("ark.chat.context.ttl=59m")
			.run((context) -> assertThat(context).getFailure().hasMessageContaining("ark.chat.context.ttl"));
	}

	@Test
	void askingForAnEndpointCreatesItsBeansOnly() {
		this.runner.run((context) -> {
			BotChatOperations operations = context.getBean(BotChatOperations.class);
			assertThat(((BotChatTemplate) operations).getDefaultBotId()).isEqualTo("bot-20250101000000-abcde");
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			assertThat(beans.containsSingleton("botChatTemplate")).isTrue();
			assertThat(beans.containsSingleton("botChatClient")).isTrue();
			assertThat(beans.containsSingleton("arkChatTransports")).isTrue();
			assertThat(beans.containsSingleton("legacyBotChatClient")).isFalse();
			assertThat(beans.containsSingleton("contextChatTemplate")).isFalse();
			assertThat(context.getBean("supportBotChatOperations", BotChatTemplate.class).getDefaultBotId())
				.isEqualTo("bot-20250101000000-supp1");
		});
	}

	@Test
	void anApplicationBeanThatInjectsAnEndpointGetsItAtStartup() {
		this.runner.withUserConfiguration(UsesContextChat.class).run((context) -> {
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			assertThat(beans.containsSingleton("contextChatTemplate")).isTrue();
			assertThat(beans.containsSingleton("contextClient")).isTrue();
			assertThat(beans.containsSingleton("botChatClient")).isFalse();
			assertThat(context.getBean(UsesContextChat.class).operations)
				.isSameAs(context.getBean(ContextChatOperations.class));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UsesContextChat {

		final ContextChatOperations operations;

		UsesContextChat(ContextChatOperations operations) {
			this.operations = operations;
		}

		@Bean
		String contextUser() {
			return "uses " + this.operations.getClass().getSimpleName();
		}

	}

}
