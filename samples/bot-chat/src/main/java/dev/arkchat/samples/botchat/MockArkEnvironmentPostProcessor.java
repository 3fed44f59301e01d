package dev.arkchat.samples.botchat;

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
 * Lets the sample run without an Ark account: when neither {@code ark.chat.api-key} nor {@code ark.chat.access-key} is
 * set, starts a fake Ark ({@link ArkMockServer}) on a free loopback port and points {@code ark.chat.*} at it (API key,
 * base URL, and a bot id unless one is set). The fake is registered as the bean {@code arkMockServer} and stopped with the application (or
 * when its startup fails). With credentials it does nothing but log where the application will call. Registered in
 * {@code META-INF/spring.factories}; runs after the configuration files are loaded.
 */
public class MockArkEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The bot id used with the fake when none is configured. */
	public static final String MOCK_BOT_ID = "bot-20250101000000-mock0";

	/** The name of the fake's bean and property source. */
	public static final String NAME = "arkMockServer";

	/** The pause between streamed pieces of the fake's answer. */
	public static final String CHUNK_DELAY_PROPERTY = "sample.mock-ark.chunk-delay";

	/** Set to {@code false} (as the {@code prod} profile does) to never fall back to the fake. */
	public static final String ENABLED_PROPERTY = "sample.mock-ark.enabled";

	private static final Duration DEFAULT_CHUNK_DELAY = Duration.ofMillis(40);

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
		if (!environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return;
		}
		String botId = environment.getProperty("ark.chat.bot.id");
		if (StringUtils.hasText(environment.getProperty("ark.chat.api-key"))
				|| StringUtils.hasText(environment.getProperty("ark.chat.access-key"))) {
			this.logger.info("Calling Ark at " + environment.getProperty("ark.chat.base-url",
					"the host of region " + environment.getProperty("ark.chat.region", "cn-beijing"))
					+ " with bot " + (StringUtils.hasText(botId) ? botId : "(none: set ark.chat.bot.id)"));
			return;
		}
		ArkMockServer ark = ArkMockServer.start();
		MockArkAnswer.configure(ark,
				environment.getProperty(CHUNK_DELAY_PROPERTY, Duration.class, DEFAULT_CHUNK_DELAY));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("ark.chat.api-key", "mock-api-key");
		properties.put("ark.chat.base-url", ark.baseUrl());
		if (!StringUtils.hasText(botId)) {
			properties.put("ark.chat.bot.id", MOCK_BOT_ID);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(NAME, properties));
		application.addInitializers((context) -> {
			DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
			beans.registerSingleton(NAME, ark);
			beans.registerDisposableBean(NAME, ark::close);
		});
		application.addListeners(new StopOnFailure(ark));
		this.logger.info("No ark.chat.api-key set: answering from a fake Ark (ArkMockServer) at " + ark.baseUrl()
				+ " as bot " + environment.getProperty("ark.chat.bot.id")
				+ ". Set ARK_CHAT_API_KEY and ARK_CHAT_BOT_ID to talk to your real bot.");
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
