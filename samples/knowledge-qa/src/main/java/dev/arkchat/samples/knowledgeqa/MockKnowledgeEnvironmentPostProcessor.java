package dev.arkchat.samples.knowledgeqa;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.arkchat.test.ArkMockServer;
import org.apache.commons.logging.Log;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Lets the sample run without a Volcengine account: when {@code ark.chat.access-key} is not set, starts a fake Ark
 * ({@link ArkMockServer}) on a free loopback port, fills its knowledge base ({@link MockKnowledgeBase}), and points
 * {@code ark.chat.*} at it: the fake's AK/SK, the knowledge base URL, and a collection and model unless set. The fake is
 * registered as the bean {@code arkMockServer} and stopped with the application (or when its startup fails). With an
 * access key it does nothing but log where the application will call. Registered in {@code META-INF/spring.factories}.
 */
public class MockKnowledgeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The name of the fake's bean and property source. */
	public static final String NAME = "arkMockServer";

	/** The pause between streamed pieces of the fake's answer. */
	public static final String CHUNK_DELAY_PROPERTY = "sample.mock-ark.chunk-delay";

	private static final Duration DEFAULT_CHUNK_DELAY = Duration.ofMillis(40);

	private final Log logger;

	/**
	 * Creates the post-processor.
	 * @param logFactory gives a log that writes once logging is set up
	 */
	public MockKnowledgeEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(MockKnowledgeEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String collection = environment.getProperty("ark.chat.knowledge.collection-name");
		if (StringUtils.hasText(environment.getProperty("ark.chat.access-key"))) {
			this.logger.info("Asking the knowledge base at " + environment.getProperty("ark.chat.knowledge.base-url",
					"the host of region " + environment.getProperty("ark.chat.region", "cn-beijing"))
					+ ", collection " + (StringUtils.hasText(collection) ? collection
							: "(none: set ark.chat.knowledge.collection-name)"));
			return;
		}
		ArkMockServer ark = ArkMockServer.start();
		MockKnowledgeBase.configure(ark,
				environment.getProperty(CHUNK_DELAY_PROPERTY, Duration.class, DEFAULT_CHUNK_DELAY));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("ark.chat.access-key", MockKnowledgeBase.ACCESS_KEY);
		properties.put("ark.chat.secret-key", MockKnowledgeBase.SECRET_KEY);
		// with AK/SK the starter's bot client takes temporary keys, which the fake issues too
		properties.put("ark.chat.base-url", ark.baseUrl());
		properties.put("ark.chat.temporary-keys.base-url", ark.baseUrl());
		properties.put("ark.chat.knowledge.base-url", ark.baseUrl());
		if (!StringUtils.hasText(collection)) {
			properties.put("ark.chat.knowledge.collection-name", MockKnowledgeBase.COLLECTION);
		}
		if (!StringUtils.hasText(environment.getProperty("ark.chat.knowledge.model"))) {
			properties.put("ark.chat.knowledge.model", MockKnowledgeBase.MODEL);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(NAME, properties));
		application.addInitializers((context) -> {
			DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
			beans.registerSingleton(NAME, ark);
			beans.registerDisposableBean(NAME, ark::close);
		});
		application.addListeners(new StopOnFailure(ark));
		this.logger.info("No ark.chat.access-key set: answering from a fake knowledge base (ArkMockServer) at "
				+ ark.baseUrl() + ", collection " + environment.getProperty("ark.chat.knowledge.collection-name")
				+ ". Set ARK_CHAT_ACCESS_KEY, ARK_CHAT_SECRET_KEY and ARK_CHAT_KNOWLEDGE_COLLECTION_NAME to ask yours.");
	}

	/** Stops the fake when the application fails to start before its context could. */
	private static final class StopOnFailure implements ApplicationListener<ApplicationFailedEvent> {

		private final ArkMockServer ark;

		StopOnFailure(ArkMockServer ark) {
			this.ark = ark;
		}

		@Override
		public void onApplicationEvent(ApplicationFailedEvent event) {
			this.ark.close();
		}

	}

}
