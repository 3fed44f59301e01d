package dev.arkchat.samples.contextchat;

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
 * Lets the sample run without an Ark account: when {@code ark.chat.api-key} is not set, starts a fake Ark
 * ({@link ArkMockServer}, whose contexts behave like Ark's) on a free loopback port and points {@code ark.chat.*} at it
 * (API key, base URL, and an endpoint id unless one is set). The fake is registered as the bean {@code arkMockServer}
 * and stopped with the application (or when its startup fails). With an API key it does nothing but log where the
 * application will call. Registered in {@code META-INF/spring.factories}; runs after the configuration files are
 * loaded.
 */
public class MockArkEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The endpoint id used with the fake when none is configured. */
	public static final String MOCK_ENDPOINT_ID = "ep-20250101000000-mock0";

	/** The name of the fake's bean and property source. */
	public static final String NAME = "arkMockServer";

	private static final String ENDPOINT_PROPERTY = "ark.chat.context.endpoint-id";

	private final Log logger;

	/**
	 * Creates the post-processor.
	 * @param logFactory gives a log that writes once logging is set up
	 */
	public MockArkEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(MockArkEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String endpointId = environment.getProperty(ENDPOINT_PROPERTY);
		if (StringUtils.hasText(environment.getProperty("ark.chat.api-key"))) {
			this.logger.info("Calling Ark at " + environment.getProperty("ark.chat.base-url",
					"the host of region " + environment.getProperty("ark.chat.region", "cn-beijing"))
					+ " with endpoint "
					+ (StringUtils.hasText(endpointId) ? endpointId : "(none: set " + ENDPOINT_PROPERTY + ")"));
			return;
		}
		ArkMockServer ark = ArkMockServer.start();
		MockArkAnswer.configure(ark);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("ark.chat.api-key", "mock-api-key");
		properties.put("ark.chat.base-url", ark.baseUrl());
		if (!StringUtils.hasText(endpointId)) {
			properties.put(ENDPOINT_PROPERTY, MOCK_ENDPOINT_ID);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(NAME, properties));
		application.addInitializers((context) -> {
			DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
			beans.registerSingleton(NAME, ark);
			beans.registerDisposableBean(NAME, ark::close);
		});
		application.addListeners(new StopOnFailure(ark));
		this.logger.info("No ark.chat.api-key set: answering from a fake Ark (ArkMockServer) at " + ark.baseUrl()
				+ " as endpoint " + environment.getProperty(ENDPOINT_PROPERTY)
				+ ". Set ARK_CHAT_API_KEY and ARK_CHAT_CONTEXT_ENDPOINT_ID to use your real endpoint.");
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
