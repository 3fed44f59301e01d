package dev.arkchat.autoconfigure;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.StaticApiKeyProvider;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatTemplate;
import dev.arkchat.bot.legacy.LegacyBotChatClient;
import dev.arkchat.bot.legacy.LegacyBotChatOperations;
import dev.arkchat.bot.legacy.LegacyBotChatTemplate;
import dev.arkchat.context.ContextChatOperations;
import dev.arkchat.context.ContextChatTemplate;
import dev.arkchat.context.ContextClient;
import dev.arkchat.context.ContextSessions;
import dev.arkchat.knowledge.KnowledgeClient;
import dev.arkchat.knowledge.KnowledgeOperations;
import dev.arkchat.knowledge.KnowledgePromptTemplate;
import dev.arkchat.knowledge.KnowledgeTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionMessage.Style;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreErrorsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.cache.CacheManager;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Registers the beans of {@link ArkChatAutoConfiguration}: the transport factory, the credentials
 * ({@link ArkChatCredentialBeans}), bot chat v3 with one {@link BotChatOperations} per named bot
 * ({@link BotChatBeans}), the legacy bot chat v2 ({@link LegacyBotChatBeans}), context-cached chat
 * ({@link ContextChatBeans}) and the knowledge base ({@link KnowledgeBeans}).
 * <p>
 * Each bean backs off as {@code @ConditionalOnMissingBean} would: when the application defines a bean of its type
 * (or one of that name), it is not registered. The areas follow their {@code enabled} properties, and the credential
 * beans the properties that are set, as {@code @ConditionalOnProperty} would. Every decision is recorded in Boot's
 * condition evaluation report under {@code ArkChatAutoConfiguration#<bean>}, so that {@code --debug} shows why a bean
 * is or is not there.
 * <p>
 * Why not {@code @Bean} methods with conditions: a minimal application pays for every configuration class, condition
 * and factory method that Spring processes, a few milliseconds each. Here one class-level condition decides for all,
 * the type of every bean is declared (so no factory method is reflected over to predict it), and the factory methods
 * are static methods of small classes, so that the beans can still be processed ahead of time. The lazy endpoint beans
 * are also kept out of Spring's scan for {@code @EventListener} methods, which would load their types and every class
 * their methods name at startup (see {@code Registrations#definition}). Named bots are read
 * from the environment when the configuration is parsed (at build time for an AOT-processed application); the values
 * are read from the bound {@link ArkChatProperties}, which also checks them.
 */
final class ArkChatBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanClassLoaderAware {

	/** The suffix of the bean name of a named bot's operations. */
	static final String BEAN_NAME_SUFFIX = "BotChatOperations";

	/** The classes whose static methods make ark-chat's beans: a bean made by one of them is ark-chat's own. */
	static final List<String> FACTORY_CLASSES = List.of(ArkTransports.class.getName(),
			ArkChatCredentialBeans.class.getName(), BotChatBeans.class.getName(), LegacyBotChatBeans.class.getName(),
			ContextChatBeans.class.getName(), KnowledgeBeans.class.getName());

	private static final String SOURCE = ArkChatAutoConfiguration.class.getName() + "#";

	// by name: an application may leave an area's classes out, and the sessions need Spring's cache abstraction
	private static final String LEGACY_BOT_CLIENT = "dev.arkchat.bot.legacy.LegacyBotChatClient";

	private static final String CONTEXT_CLIENT = "dev.arkchat.context.ContextClient";

	private static final String KNOWLEDGE_CLIENT = "dev.arkchat.knowledge.KnowledgeClient";

	private static final String CACHE = "org.springframework.cache.Cache";

	private @Nullable Environment environment;

	private @Nullable ClassLoader classLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		Environment environment = this.environment;
		Assert.state(environment != null, "No Environment");
		Assert.state(registry instanceof ConfigurableListableBeanFactory,
				() -> "ark-chat's beans need a ConfigurableListableBeanFactory, not " + registry.getClass().getName());
		Registrations beans = new Registrations(registry, (ConfigurableListableBeanFactory) registry,
				this.classLoader);
		if (beans.missing("arkChatTransports", ArkTransports.class)) {
			// eager: it checks at startup what the lazy endpoint beans will need
			RootBeanDefinition transports = new RootBeanDefinition(ArkTransports.class);
			transports.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
			beans.register("arkChatTransports", transports);
		}
		registerCredentials(beans, environment);
		registerBotChat(beans, environment);
		if (beans.enabled(environment, ArkChatLegacyBotProperties.PREFIX, "legacyBotChatClient")
				&& beans.onClassPath("legacyBotChatClient", LEGACY_BOT_CLIENT)) {
			beans.registerProperties(ArkChatLegacyBotProperties.class, ArkChatLegacyBotProperties.PREFIX, environment);
			beans.registerIfMissing("legacyBotChatClient", LegacyBotChatClient.class, LegacyBotChatBeans.class,
					LegacyBotChatClient.class, true);
			beans.registerIfMissing("legacyBotChatTemplate", LegacyBotChatOperations.class, LegacyBotChatBeans.class,
					LegacyBotChatTemplate.class, true);
		}
		if (beans.enabled(environment, ArkChatContextProperties.PREFIX, "contextClient")
				&& beans.onClassPath("contextClient", CONTEXT_CLIENT)) {
			registerContext(beans, environment);
		}
		if (beans.enabled(environment, ArkChatKnowledgeProperties.PREFIX, "knowledgeClient")
				&& beans.onClassPath("knowledgeClient", KNOWLEDGE_CLIENT)
				&& hasKnowledgeCredentials(beans, environment)) {
			beans.registerProperties(ArkChatKnowledgeProperties.class, ArkChatKnowledgeProperties.PREFIX, environment);
			beans.registerIfMissing("knowledgeClient", KnowledgeClient.class, KnowledgeBeans.class,
					KnowledgeClient.class, false);
			beans.registerIfMissing("knowledgePromptTemplate", KnowledgePromptTemplate.class, KnowledgeBeans.class,
					KnowledgePromptTemplate.class, false);
			beans.registerIfMissing("knowledgeTemplate", KnowledgeOperations.class, KnowledgeBeans.class,
					KnowledgeTemplate.class, false);
		}
	}

	/** The credential beans are eager: a wrong set of credential properties fails the startup. */
	private static void registerCredentials(Registrations beans, Environment environment) {
		boolean apiKey = ArkChatCredentialBeans.hasApiKey(environment);
		beans.record("arkChatApiKeyProvider", property(apiKey, ArkChatCredentialsCheck.API_KEY));
		if (apiKey) {
			beans.registerIfMissing("arkChatApiKeyProvider", ApiKeyProvider.class, ArkChatCredentialBeans.class,
					StaticApiKeyProvider.class, false);
		}
		String accessKeyPair = ArkChatCredentialBeans.accessKeyPairProperty(environment);
		beans.record("arkChatVolcengineCredentials", property(accessKeyPair != null,
				(accessKeyPair != null) ? accessKeyPair : ArkChatCredentialsCheck.ACCESS_KEY));
		if (accessKeyPair != null) {
			beans.registerIfMissing("arkChatVolcengineCredentials", VolcengineCredentials.class,
					ArkChatCredentialBeans.class, VolcengineCredentials.class, false);
		}
		if (beans.present("arkChatApiKeyRefreshExecutor", VolcengineCredentials.class)
				&& beans.missing("arkChatApiKeyRefreshExecutor", ApiKeyProvider.class)) {
			beans.registerIfMissing("arkChatApiKeyRefreshExecutor", ArkApiKeyRefreshExecutor.class,
					ArkChatCredentialBeans.class, ArkApiKeyRefreshExecutor.class, false);
			beans.registerIfMissing("arkChatTemporaryApiKeyProvider", ApiKeyProvider.class,
					ArkChatCredentialBeans.class, TemporaryApiKeyProvider.class, false);
		}
	}

	/** The bot chat beans are lazy: created when first injected or asked for (their settings are checked at startup). */
	private static void registerBotChat(Registrations beans, Environment environment) {
		beans.registerIfMissing("botChatClient", BotChatClient.class, BotChatBeans.class, BotChatClient.class, true);
		RootBeanDefinition template = beans.registerIfMissing("botChatTemplate", BotChatOperations.class,
				BotChatBeans.class, BotChatTemplate.class, true);
		if (template != null) {
			// so that plain injection still finds it when named bots add more
			template.setPrimary(true);
		}
		// errors are reported by the binding of ArkChatProperties, with the property's name
		BindHandler ignoreErrors = new IgnoreErrorsBindHandler();
		Map<String, ArkChatProperties.Bot> bots = Binder.get(environment)
			.bind(ArkChatProperties.PREFIX + ".bots", Bindable.mapOf(String.class, ArkChatProperties.Bot.class),
					ignoreErrors)
			.orElse(Map.of());
		for (String name : bots.keySet()) {
			String beanName = name + BEAN_NAME_SUFFIX;
			if (beans.nameFree(beanName)) {
				RootBeanDefinition definition = Registrations.definition(BotChatBeans.class, "named",
						BotChatTemplate.class, true);
				definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
				definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
				beans.register(beanName, definition);
			}
		}
	}

	/** The context beans are lazy, but for the check of the sessions' cache. */
	private static void registerContext(Registrations beans, Environment environment) {
		beans.registerProperties(ArkChatContextProperties.class, ArkChatContextProperties.PREFIX, environment);
		beans.registerIfMissing("contextClient", ContextClient.class, ContextChatBeans.class, ContextClient.class,
				true);
		beans.registerIfMissing("contextChatTemplate", ContextChatOperations.class, ContextChatBeans.class,
				ContextChatTemplate.class, true);
		if (!beans.onClassPath("contextSessions", CACHE)) {
			return;
		}
		beans.registerIfMissing("contextSessions", ContextSessions.class, ContextChatBeans.class,
				ContextSessions.class, true);
		if (beans.present("arkChatContextSessionCacheCheck", CacheManager.class)) {
			beans.register("arkChatContextSessionCacheCheck", Registrations.definition(ContextChatBeans.class,
					"arkChatContextSessionCacheCheck", SmartInitializingSingleton.class, false));
		}
	}

	/** The knowledge base accepts only V4 signatures: a {@link VolcengineCredentials} bean, or the pair set. */
	private static boolean hasKnowledgeCredentials(Registrations beans, Environment environment) {
		if (ArkChatCredentialBeans.hasAccessKeyPair(environment)) {
			beans.record("knowledgeClient", ConditionOutcome.match(ConditionMessage.forCondition("Knowledge credentials")
				.found("properties")
				.items(ArkChatCredentialsCheck.ACCESS_KEY, ArkChatCredentialsCheck.SECRET_KEY)));
			return true;
		}
		return beans.present("knowledgeClient", VolcengineCredentials.class);
	}

	private static ConditionOutcome property(boolean set, String property) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnProperty.class,
				"(" + property + ")");
		return set ? ConditionOutcome.match(message.because("is set"))
				: ConditionOutcome.noMatch(message.didNotFind("property").items(property));
	}

	/** Registers bean definitions and records in the condition report why each one is or is not there. */
	private static final class Registrations {

		private final BeanDefinitionRegistry registry;

		private final ConfigurableListableBeanFactory beanFactory;

		private final ConditionEvaluationReport report;

		private final @Nullable ClassLoader classLoader;

		Registrations(BeanDefinitionRegistry registry, ConfigurableListableBeanFactory beanFactory,
				@Nullable ClassLoader classLoader) {
			this.registry = registry;
			this.beanFactory = beanFactory;
			this.classLoader = classLoader;
			this.report = ConditionEvaluationReport.get(beanFactory);
		}

		/** Whether a class is there, as {@code @ConditionalOnClass} decides, recorded for a bean. */
		boolean onClassPath(String beanName, String className) {
			boolean present = ClassUtils.isPresent(className, this.classLoader);
			ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnClass.class);
			record(beanName, present ? ConditionOutcome.match(message.found("required class").items(Style.QUOTE,
					List.of(className))) : ConditionOutcome.noMatch(message.didNotFind("required class")
						.items(Style.QUOTE, List.of(className))));
			return present;
		}

		/**
		 * Whether {@code <prefix>.enabled} is not {@code false}, recorded for the area's first bean.
		 */
		boolean enabled(Environment environment, String prefix, String beanName) {
			String property = prefix + ".enabled";
			boolean enabled = environment.getProperty(property, Boolean.class, true);
			ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnBooleanProperty.class,
					"(" + property + "=true)");
			record(beanName, enabled ? ConditionOutcome.match(message.because("matched"))
					: ConditionOutcome.noMatch(message.because("found different value in property '" + property
							+ "'")));
			return enabled;
		}

		/** Registers a bean when no bean of its type nor of its name exists, and returns it if it did. */
		@Nullable RootBeanDefinition registerIfMissing(String beanName, Class<?> missingType, Class<?> factoryClass,
				Class<?> beanType, boolean lazy) {
			if (!missing(beanName, missingType) || !nameFree(beanName)) {
				return null;
			}
			RootBeanDefinition definition = definition(factoryClass, beanName, beanType, lazy);
			register(beanName, definition);
			return definition;
		}

		void register(String beanName, RootBeanDefinition definition) {
			this.registry.registerBeanDefinition(beanName, definition);
		}

		/**
		 * Registers a {@code @ConfigurationProperties} bean under the name {@code @EnableConfigurationProperties}
		 * gives it. When nothing is set under its prefix it is lazy: bound when first used, since its defaults need
		 * no check at startup, and kept out of the listener scan like the endpoint beans.
		 */
		void registerProperties(Class<?> type, String prefix, Environment environment) {
			String beanName = prefix + "-" + type.getName();
			if (this.registry.containsBeanDefinition(beanName)) {
				return;
			}
			RootBeanDefinition definition = new RootBeanDefinition(type);
			if (!anyPropertyUnder(environment, prefix)) {
				definition.setLazyInit(true);
				definition.setAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE, Object.class);
			}
			this.registry.registerBeanDefinition(beanName, definition);
		}

		/** Whether a property source has, or may have, a property under the prefix. */
		private static boolean anyPropertyUnder(Environment environment, String prefix) {
			ConfigurationPropertyName name = ConfigurationPropertyName.of(prefix);
			for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
				if (source.containsDescendantOf(name) != ConfigurationPropertyState.ABSENT) {
					return true;
				}
			}
			return false;
		}

		boolean nameFree(String beanName) {
			if (this.registry.containsBeanDefinition(beanName)) {
				record(beanName, ConditionOutcome.noMatch(ConditionMessage.forCondition(ConditionalOnMissingBean.class,
						"(names: " + beanName + ")").found("bean").items(Style.QUOTE, List.of(beanName))));
				return false;
			}
			return true;
		}

		/** Whether no bean of the type exists, as {@code @ConditionalOnMissingBean} decides. */
		boolean missing(String beanName, Class<?> type) {
			return !found(beanName, type, ConditionalOnMissingBean.class);
		}

		/** Whether a bean of the type exists, as {@code @ConditionalOnBean} decides. */
		boolean present(String beanName, Class<?> type) {
			return found(beanName, type, ConditionalOnBean.class);
		}

		/** Whether a bean of the type exists, recorded as the outcome of the condition for the bean. */
		private boolean found(String beanName, Class<?> type, Class<? extends Annotation> condition) {
			List<String> found = candidates(type);
			ConditionMessage.Builder message = ConditionMessage.forCondition(condition,
					"(types: " + type.getName() + "; SearchStrategy: all)");
			ConditionMessage outcome = found.isEmpty() ? message.didNotFind("any beans").atAll()
					: message.found("bean", "beans").items(Style.QUOTE, found);
			boolean match = found.isEmpty() == (condition == ConditionalOnMissingBean.class);
			record(beanName, new ConditionOutcome(match, outcome));
			return !found.isEmpty();
		}

		/** The beans of a type here or in an ancestor, but those that are no default autowiring candidates. */
		private List<String> candidates(Class<?> type) {
			List<String> candidates = new ArrayList<>();
			for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(this.beanFactory, type, true,
					false)) {
				if (!this.beanFactory.containsBeanDefinition(name)
						|| isDefaultCandidate(this.beanFactory.getBeanDefinition(name))) {
					candidates.add(name);
				}
			}
			return candidates;
		}

		private static boolean isDefaultCandidate(BeanDefinition definition) {
			return definition.isAutowireCandidate() && (!(definition instanceof AbstractBeanDefinition abstractDefinition)
					|| abstractDefinition.isDefaultCandidate());
		}

		void record(String beanName, ConditionOutcome outcome) {
			this.report.recordConditionEvaluation(SOURCE + beanName, new Decision(outcome), outcome);
		}

		/** A bean made by a static method of the same name, with its type declared so that none is predicted. */
		static RootBeanDefinition definition(Class<?> factoryClass, String factoryMethod, Class<?> beanType,
				boolean lazy) {
			RootBeanDefinition definition = new RootBeanDefinition(factoryClass);
			definition.setFactoryMethodName(factoryMethod);
			definition.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
			definition.setTargetType(beanType);
			definition.setLazyInit(lazy);
			if (lazy) {
				// Spring scans the type of every bean definition for @EventListener methods once the singletons
				// exist, and reflecting over an endpoint type loads every class its methods name: most of what the
				// lazy beans cost a startup. ark-chat's types declare no listener, and the original target class is
				// what that scan (its only reader) introspects, so it is told to look at Object. A proxy created for
				// the bean later sets the real class.
				definition.setAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE, Object.class);
			}
			return definition;
		}

	}

	/**
	 * A decision of this registrar as Boot's condition evaluation report shows it: the outcome it was made with.
	 * @param outcome the outcome
	 */
	private record Decision(ConditionOutcome outcome) implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return this.outcome.isMatch();
		}

	}

}
