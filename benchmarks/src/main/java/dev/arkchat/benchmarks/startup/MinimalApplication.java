package dev.arkchat.benchmarks.startup;

import java.lang.management.ManagementFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The minimal Spring Boot application of figure 6: nothing of its own, only what auto-configuration brings. Started
 * with {@code spring-boot-starter} alone on the class path (or {@code spring-boot-starter-restclient}), and with
 * {@code ark-chat-spring-boot-starter} added (and an API key and bot id set, so that its beans are really created). It prints the JVM's uptime when the
 * context is ready, the number of beans and whether ark-chat's template is among them, and exits.
 */
@SpringBootApplication
public class MinimalApplication {

	/**
	 * Starts, reports and exits.
	 * @param args Spring Boot arguments
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(MinimalApplication.class, args);
		long ready = ManagementFactory.getRuntimeMXBean().getUptime();
		boolean ark = context.containsBean("botChatTemplate");
		context.close();
		long closed = ManagementFactory.getRuntimeMXBean().getUptime();
		System.out.println("READY " + ready + " " + context.getBeanDefinitionCount() + " " + ark + " " + closed);
		System.out.flush();
		System.exit(0);
	}

}
