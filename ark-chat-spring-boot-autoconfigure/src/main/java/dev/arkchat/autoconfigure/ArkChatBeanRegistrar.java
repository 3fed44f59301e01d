package dev.arkchat.autoconfigure;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.util.ClassUtils;

/**
 * Registers the beans of {@link ArkChatAutoConfiguration}: the {@code ark.chat.*} properties and the
 * {@link ArkChatStartupCheck} ({@link ArkChatStartupBeans}), the transport factory ({@link ArkTransports}), the
 * credentials ({@link ArkChatCredentialBeans}, {@link ArkChatTemporaryKeyBeans}), bot chat v3 with one
 * {@link BotChatOperations} per named bot ({@link BotChatBeans}), the legacy bot chat v2 ({@link LegacyBotChatBeans}),
 * context-cached chat ({@link ContextChatBeans}) and the knowledge base ({@link KnowledgeBeans}).
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
 * are static methods of small classes, so that the beans can still be processed ahead of time (and so that Spring does
 * not reflect over a bean's class as a candidate configuration class). A definition names its factory class rather
 * than holding it, so that a lazy bean that is never created loads no class of its own; the conditions are answered
 * from one prediction of every bean's type. Only the properties, the check and the credentials are created at startup
 * (with the knowledge base, whose settings its client checks). The lazy beans are also kept out of Spring's scan for
 * {@code @EventListener} methods, which would load their types and every class their methods name at startup (see
 * {@code Registrations#definition}). Named bots are read from the environment when the configuration is parsed (at
 * build time for an AOT-processed application); the values are read from the bound {@link ArkChatProperties}, which
 * also checks them.
 */
final class ArkChatBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanClassLoaderAware {

	/** The suffix of the bean name of a named bot's operations. */
	static final String BEAN_NAME_SUFFIX = "BotChatOperations";

	// the factory classes by name: a definition names its class, which is loaded when the bean is created, so that a
	// lazy bean that is never created costs no class loading (a test checks that each name is a class)
	private static final String PACKAGE = "dev.arkchat.autoconfigure.";

	static final String STARTUP_BEANS = PACKAGE + "ArkChatStartupBeans";

	static final String TRANSPORTS = PACKAGE + "ArkTransports";

	static final String CREDENTIAL_BEANS = PACKAGE + "ArkChatCredentialBeans";

	static final String TEMPORARY_KEY_BEANS = PACKAGE + "ArkChatTemporaryKeyBeans";

	static final String BOT_CHAT_BEANS = PACKAGE + "BotChatBeans";

	static final String LEGACY_BOT_CHAT_BEANS = PACKAGE + "LegacyBotChatBeans";

	static final String CONTEXT_CHAT_BEANS = PACKAGE + "ContextChatBeans";

	static final String KNOWLEDGE_BEANS = PACKAGE + "KnowledgeBeans";

	/** The classes whose static methods make ark-chat's beans: a bean made by one of them is ark-chat's own. */
	static final List<String> FACTORY_CLASSES = List.of(STARTUP_BEANS, TRANSPORTS, CREDENTIAL_BEANS,
			TEMPORARY_KEY_BEANS, BOT_CHAT_BEANS, LEGACY_BOT_CHAT_BEANS, CONTEXT_CHAT_BEANS, KNOWLEDGE_BEANS);

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
		if (environment == null) {
			throw new IllegalStateException("No Environment");
		}
		if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
			throw new IllegalStateException(
					"ark-chat's beans need a ConfigurableListableBeanFactory, not " + registry.getClass().getName());
		}
		Registrations beans = new Registrations(registry, beanFactory, this.classLoader);
		beans.registerProperties(STARTUP_BEANS, "arkChatProperties", ArkChatProperties.class, ArkChatProperties.PREFIX,
				environment);
		if (beans.nameFree("arkChatStartupCheck")) {
			beans.register("arkChatStartupCheck",
					Registrations.definition(STARTUP_BEANS, "arkChatStartupCheck", ArkChatStartupCheck.class, false));
		}
		beans.registerIfMissing("arkChatTransports", ArkTransports.class, TRANSPORTS, ArkTransports.class, true);
		registerCredentials(beans, environment);
		registerBotChat(beans, environment);
		if (beans.enabled(environment, ArkChatLegacyBotProperties.PREFIX, "legacyBotChatClient")
				&& beans.onClassPath("legacyBotChatClient", LEGACY_BOT_CLIENT)) {
			beans.registerProperties(LEGACY_BOT_CHAT_BEANS, "legacyBotProperties", ArkChatLegacyBotProperties.class,
					ArkChatLegacyBotProperties.PREFIX, environment);
			beans.registerIfMissing("legacyBotChatClient", LegacyBotChatClient.class, LEGACY_BOT_CHAT_BEANS,
					LegacyBotChatClient.class, true);
			beans.registerIfMissing("legacyBotChatTemplate", LegacyBotChatOperations.class, LEGACY_BOT_CHAT_BEANS,
					LegacyBotChatTemplate.class, true);
		}
		if (beans.enabled(environment, ArkChatContextProperties.PREFIX, "contextClient")
				&& beans.onClassPath("contextClient", CONTEXT_CLIENT)) {
			registerContext(beans, environment);
		}
		// the credentials first: without them the client's class is not even looked for
		if (beans.enabled(environment, ArkChatKnowledgeProperties.PREFIX, "knowledgeClient")
				&& hasKnowledgeCredentials(beans, environment)
				&& beans.onClassPath("knowledgeClient", KNOWLEDGE_CLIENT)) {
			beans.registerProperties(KNOWLEDGE_BEANS, "knowledgeProperties", ArkChatKnowledgeProperties.class,
					ArkChatKnowledgeProperties.PREFIX, environment);
			beans.registerIfMissing("knowledgeClient", KnowledgeClient.class, KNOWLEDGE_BEANS, KnowledgeClient.class,
					false);
			beans.registerIfMissing("knowledgePromptTemplate", KnowledgePromptTemplate.class, KNOWLEDGE_BEANS,
					KnowledgePromptTemplate.class, false);
			beans.registerIfMissing("knowledgeTemplate", KnowledgeOperations.class, KNOWLEDGE_BEANS,
					KnowledgeTemplate.class, false);
		}
	}

	/**
	 * Whether a bean is one of ark-chat's (and not the application's under the same name): made by one of the
	 * factory classes, which an ahead-of-time processed definition keeps too.
	 * @param beanFactory the bean factory
	 * @param name the bean's name
	 * @return whether it is ark-chat's
	 */
	static boolean isOwn(ConfigurableListableBeanFactory beanFactory, String name) {
		if (!beanFactory.containsBeanDefinition(name)) {
			return false;
		}
		String beanClassName = beanFactory.getBeanDefinition(name).getBeanClassName();
		return beanClassName != null && FACTORY_CLASSES.contains(beanClassName);
	}

	/** The credential beans are eager: a wrong set of credential properties fails the startup. */
	private static void registerCredentials(Registrations beans, Environment environment) {
		boolean apiKey = ArkChatCredentialsCheck.hasApiKey(environment);
		beans.record("arkChatApiKeyProvider", property(apiKey, ArkChatCredentialsCheck.API_KEY));
		if (apiKey) {
			beans.registerIfMissing("arkChatApiKeyProvider", ApiKeyProvider.class, CREDENTIAL_BEANS,
					StaticApiKeyProvider.class, false);
		}
		String accessKeyPair = ArkChatCredentialsCheck.accessKeyPairProperty(environment);
		beans.record("arkChatVolcengineCredentials", property(accessKeyPair != null,
				(accessKeyPair != null) ? accessKeyPair : ArkChatCredentialsCheck.ACCESS_KEY));
		if (accessKeyPair != null) {
			beans.registerIfMissing("arkChatVolcengineCredentials", VolcengineCredentials.class, CREDENTIAL_BEANS,
					VolcengineCredentials.class, false);
		}
		if (beans.present("arkChatApiKeyRefreshExecutor", VolcengineCredentials.class)
				&& beans.missing("arkChatApiKeyRefreshExecutor", ApiKeyProvider.class)) {
			beans.registerIfMissing("arkChatApiKeyRefreshExecutor", ArkApiKeyRefreshExecutor.class,
					TEMPORARY_KEY_BEANS, ArkApiKeyRefreshExecutor.class, false);
			beans.registerIfMissing("arkChatTemporaryApiKeyProvider", ApiKeyProvider.class, TEMPORARY_KEY_BEANS,
					TemporaryApiKeyProvider.class, false);
		}
	}

	/** The bot chat beans are lazy: created when first injected or asked for (their settings are checked at startup). */
	private static void registerBotChat(Registrations beans, Environment environment) {
		beans.registerIfMissing("botChatClient", BotChatClient.class, BOT_CHAT_BEANS, BotChatClient.class, true);
		RootBeanDefinition template = beans.registerIfMissing("botChatTemplate", BotChatOperations.class,
				BOT_CHAT_BEANS, BotChatTemplate.class, true);
		if (template != null) {
			// so that plain injection still finds it when named bots add more
			template.setPrimary(true);
		}
		String prefix = ArkChatProperties.PREFIX + ".bots";
		if (!beans.configured(environment, prefix)) {
			return;
		}
		// errors are reported by the binding of ArkChatProperties, with the property's name
		BindHandler ignoreErrors = new IgnoreErrorsBindHandler();
		Map<String, ArkChatProperties.Bot> bots = Binder.get(environment)
			.bind(prefix, Bindable.mapOf(String.class, ArkChatProperties.Bot.class), ignoreErrors)
			.orElse(Map.of());
		for (String name : bots.keySet()) {
			String beanName = name + BEAN_NAME_SUFFIX;
			if (beans.nameFree(beanName)) {
				RootBeanDefinition definition = Registrations.definition(BOT_CHAT_BEANS, "named",
						BotChatTemplate.class, true);
				definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
				definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
				beans.register(beanName, definition);
			}
		}
	}

	/** The context beans are lazy, but for the check of the sessions' cache. */
	private static void registerContext(Registrations beans, Environment environment) {
		beans.registerProperties(CONTEXT_CHAT_BEANS, "contextProperties", ArkChatContextProperties.class,
				ArkChatContextProperties.PREFIX, environment);
		beans.registerIfMissing("contextClient", ContextClient.class, CONTEXT_CHAT_BEANS, ContextClient.class, true);
		beans.registerIfMissing("contextChatTemplate", ContextChatOperations.class, CONTEXT_CHAT_BEANS,
				ContextChatTemplate.class, true);
		if (!beans.onClassPath("contextSessions", CACHE)) {
			return;
		}
		beans.registerIfMissing("contextSessions", ContextSessions.class, CONTEXT_CHAT_BEANS, ContextSessions.class,
				true);
		if (beans.present("arkChatContextSessionCacheCheck", CacheManager.class)) {
			beans.register("arkChatContextSessionCacheCheck", Registrations.definition(CONTEXT_CHAT_BEANS,
					"arkChatContextSessionCacheCheck", SmartInitializingSingleton.class, false));
		}
	}

	/** The knowledge base accepts only V4 signatures: a {@link VolcengineCredentials} bean, or the pair set. */
	private static boolean hasKnowledgeCredentials(Registrations beans, Environment environment) {
		if (ArkChatCredentialsCheck.hasAccessKeyPair(environment)) {
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

		/** The type of every bean that is a default autowiring candidate, predicted once: see {@link #types()}. */
		private @Nullable Map<String, Class<?>> types;

		/** Whether anything is set under a prefix, by prefix. */
		private final Map<String, Boolean> configured = new HashMap<>();

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
		 * Whether {@code <prefix>.enabled} is not {@code false}, recorded for the area's first bean. Not looked up
		 * when nothing is set under the prefix: a lookup of a property that is not set goes through every property
		 * source twice.
		 */
		boolean enabled(Environment environment, String prefix, String beanName) {
			String property = prefix + ".enabled";
			boolean enabled = !configured(environment, prefix)
					|| environment.getProperty(property, Boolean.class, true);
			ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnBooleanProperty.class,
					"(" + property + "=true)");
			record(beanName, enabled ? ConditionOutcome.match(message.because("matched"))
					: ConditionOutcome.noMatch(message.because("found different value in property '" + property
							+ "'")));
			return enabled;
		}

		/** Registers a bean when no bean of its type nor of its name exists, and returns it if it did. */
		@Nullable RootBeanDefinition registerIfMissing(String beanName, Class<?> missingType, String factoryClass,
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
			Map<String, Class<?>> types = this.types;
			Class<?> type = definition.getTargetType();
			if (types != null && type != null) {
				types.put(beanName, type);
			}
		}

		/**
		 * Registers a {@code @ConfigurationProperties} bean under the name {@code @EnableConfigurationProperties}
		 * gives it (unless a bean of that name exists, as there), made by a factory method, which Boot binds as a
		 * JavaBean. When nothing is set under its prefix it is lazy: bound when first used, since its defaults need
		 * no check at startup, and kept out of the listener scan like the endpoint beans.
		 */
		void registerProperties(String factoryClass, String factoryMethod, Class<?> type, String prefix,
				Environment environment) {
			String beanName = prefix + "-" + type.getName();
			if (this.registry.containsBeanDefinition(beanName)) {
				return;
			}
			register(beanName, definition(factoryClass, factoryMethod, type, !configured(environment, prefix)));
		}

		/** Whether a property source has, or may have, a property under the prefix; asked once per prefix. */
		boolean configured(Environment environment, String prefix) {
			Boolean configured = this.configured.get(prefix);
			if (configured == null) {
				configured = false;
				ConfigurationPropertyName name = ConfigurationPropertyName.of(prefix);
				for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
					if (source.containsDescendantOf(name) != ConfigurationPropertyState.ABSENT) {
						configured = true;
						break;
					}
				}
				this.configured.put(prefix, configured);
			}
			return configured;
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
			List<String> found = new ArrayList<>();
			for (Map.Entry<String, Class<?>> bean : types().entrySet()) {
				if (type.isAssignableFrom(bean.getValue())) {
					found.add(bean.getKey());
				}
			}
			ConditionMessage.Builder message = ConditionMessage.forCondition(condition,
					"(types: " + type.getName() + "; SearchStrategy: all)");
			ConditionMessage outcome = found.isEmpty() ? message.didNotFind("any beans").atAll()
					: message.found("bean", "beans").items(Style.QUOTE, found);
			boolean match = found.isEmpty() == (condition == ConditionalOnMissingBean.class);
			record(beanName, new ConditionOutcome(match, outcome));
			return !found.isEmpty();
		}

		/**
		 * The beans here and in the ancestors, but those that are no default autowiring candidates, with the type
		 * each one is predicted to have (without creating it, as {@code @ConditionalOnMissingBean} does), and the
		 * beans registered here since. Each condition asked the bean factory for the names of its type, which
		 * predicted or matched every bean's type again: a dozen passes over every definition at startup. Here it is
		 * one pass, and each condition a test of the types.
		 */
		private Map<String, Class<?>> types() {
			Map<String, Class<?>> types = this.types;
			if (types == null) {
				types = new LinkedHashMap<>();
				for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(this.beanFactory, Object.class,
						true, false)) {
					if (this.beanFactory.containsBeanDefinition(name)
							&& !isDefaultCandidate(this.beanFactory.getBeanDefinition(name))) {
						continue;
					}
					Class<?> type = this.beanFactory.getType(name, false);
					if (type != null) {
						types.put(name, type);
					}
				}
				this.types = types;
			}
			return types;
		}

		private static boolean isDefaultCandidate(BeanDefinition definition) {
			return definition.isAutowireCandidate() && (!(definition instanceof AbstractBeanDefinition abstractDefinition)
					|| abstractDefinition.isDefaultCandidate());
		}

		void record(String beanName, ConditionOutcome outcome) {
			this.report.recordConditionEvaluation(SOURCE + beanName, new Decision(outcome), outcome);
		}

		/**
		 * A bean made by a static method of a factory class, with its type declared so that none is predicted. The
		 * class is named, not given: it is loaded when the bean is created.
		 */
		static RootBeanDefinition definition(String factoryClass, String factoryMethod, Class<?> beanType,
				boolean lazy) {
			RootBeanDefinition definition = new RootBeanDefinition();
			definition.setBeanClassName(factoryClass);
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
