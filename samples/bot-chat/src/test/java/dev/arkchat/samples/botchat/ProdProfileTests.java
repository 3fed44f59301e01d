package dev.arkchat.samples.botchat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile never falls back to the fake Ark: without credentials in the environment the application
 * refuses to start and names what to set.
 */
class ProdProfileTests {

	@Test
	void withoutCredentialsTheProdProfileRefusesToStart() {
		SpringApplication application = new SpringApplication(BotChatApplication.class);
		assertThatThrownBy(() -> application.run("--spring.profiles.active=prod", "--server.port=0",
				"--spring.main.banner-mode=off"))
			.hasStackTraceContaining("ARK_CHAT_API_KEY");
	}

}
