package dev.arkchat.samples.contextchat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Keeps conversations in Ark context caches, over HTTP. Run it with
 * {@code ./mvnw -pl samples/context-chat -am spring-boot:run}; set {@code ARK_CHAT_API_KEY} and
 * {@code ARK_CHAT_CONTEXT_ENDPOINT_ID} to use your endpoint, or leave them out to get a fake Ark.
 */
@SpringBootApplication
public class ContextChatApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments, such as {@code --server.port=9090}
	 */
	public static void main(String[] args) {
		SpringApplication.run(ContextChatApplication.class, args);
	}

}
