package dev.arkchat.samples.knowledgeqa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Answers questions from an Ark knowledge base over HTTP. Run it with
 * {@code ./mvnw -pl samples/knowledge-qa -am spring-boot:run}; set {@code ARK_CHAT_ACCESS_KEY},
 * {@code ARK_CHAT_SECRET_KEY} and {@code ARK_CHAT_KNOWLEDGE_COLLECTION_NAME} to ask your collection, or leave them out
 * to get a fake knowledge base.
 */
@SpringBootApplication
public class KnowledgeQaApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments, such as {@code --server.port=9090}
	 */
	public static void main(String[] args) {
		SpringApplication.run(KnowledgeQaApplication.class, args);
	}

}
