package dev.arkchat.samples.botchat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Chats with an Ark bot over HTTP. Run it with {@code ./mvnw -pl samples/bot-chat -am spring-boot:run}; set
 * {@code ARK_CHAT_API_KEY} and {@code ARK_CHAT_BOT_ID} to talk to your bot, or leave them out to get a fake Ark.
 */
@SpringBootApplication
public class BotChatApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments, such as {@code --server.port=9090}
	 */
	public static void main(String[] args) {
		SpringApplication.run(BotChatApplication.class, args);
	}

}
