package dev.arkchat.benchmarks.startup;

import java.lang.management.ManagementFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The minimal Spring Boot application of figure 6: nothing of its own, only what auto-configuration brings. Started
 * with {@code spring-boot-starter} alone on the class path (or {@code spring-boot-starter-restclient}), and with
 * {@code ark-chat-spring-boot-starter} added (and an API key and bot id set; ark-chat's endpoint beans are created
 * when first used, see {@link #botChatUser}). It prints the JVM's uptime when the context is ready, the number of
 * beans, whether ark-chat's template is among them, the uptime once the context is closed and the CPU time the main
 * thread had used when the context was ready, and exits.
 */
@SpringBootApplication
public class MinimalApplication {

	/**
	 * With {@code --bench.use-bot-chat=true}: a bean of the application that needs ark-chat's bot template (an
	 * application that chats with a bot), so that the template and its client are created at startup. Looked up by
	 * name so that this class also runs without ark-chat on the class path.
	 * @param beanFactory the bean factory
	 * @return the template
	 */
	@Bean
	@ConditionalOnBooleanProperty("bench.use-bot-chat")
	Object botChatUser(BeanFactory beanFactory) {
		return beanFactory.getBean("botChatTemplate");
	}

	/**
	 * Starts, reports and exits.
	 * @param args Spring Boot arguments
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(MinimalApplication.class, args);
		long ready = ManagementFactory.getRuntimeMXBean().getUptime();
		long mainThreadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
		boolean ark = context.containsBean("botChatTemplate");
		context.close();
		long closed = ManagementFactory.getRuntimeMXBean().getUptime();
		System.out.println("READY " + ready + " " + context.getBeanDefinitionCount() + " " + ark + " " + closed + " "
				+ mainThreadCpu);
		System.out.flush();
		System.exit(0);
	}

}
