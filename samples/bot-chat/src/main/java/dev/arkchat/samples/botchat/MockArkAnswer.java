package dev.arkchat.samples.botchat;

import java.time.Duration;

import dev.arkchat.bot.Reference;
import dev.arkchat.test.ArkMockServer;

/**
 * What the fake Ark answers in this sample: a few sentences with some reasoning, two web references and token usage,
 * streamed in small pieces so that the page looks like a real bot at work.
 */
final class MockArkAnswer {

	/** The answer's text. */
	static final String ANSWER = "Hello! I am a stand-in for your Ark bot, answering from ArkMockServer inside this "
			+ "sample. What you see travels exactly as a real answer would: over HTTP from a fake Ark, through "
			+ "ark-chat's BotChatOperations, and on to you as JSON or as server-sent events. Set ARK_CHAT_API_KEY and "
			+ "ARK_CHAT_BOT_ID, restart, and the same page talks to your real bot.";

	/** The answer's reasoning. */
	static final String REASONING = "The user says hello. No model is behind this endpoint, so I should say what I "
			+ "am, show that streaming works, and point to where real bots and API keys are set up.";

	/** The first reference. */
	static final Reference ARK_DOCS = webPage("Volcengine Ark documentation", "https://www.volcengine.com/docs/82379",
			"Volcengine", "How to create bots (applications) and API keys in the Ark console.");

	/** The second reference. */
	static final Reference BOOT_DOCS = webPage("Externalized Configuration :: Spring Boot",
			"https://docs.spring.io/spring-boot/reference/features/external-config.html", "Spring",
			"How Spring Boot binds environment variables such as ARK_CHAT_API_KEY to properties.");

	/** Input tokens reported. */
	static final int PROMPT_TOKENS = 42;

	/** Output tokens reported. */
	static final int COMPLETION_TOKENS = 96;

	private MockArkAnswer() {
	}

	/**
	 * Makes a fake Ark give this answer.
	 * @param ark the fake
	 * @param chunkDelay the pause between streamed pieces
	 */
	static void configure(ArkMockServer ark, Duration chunkDelay) {
		ark.botChat()
			.answer(ANSWER)
			.reasoning(REASONING)
			.reference(ARK_DOCS)
			.reference(BOOT_DOCS)
			.botUsage(PROMPT_TOKENS, COMPLETION_TOKENS)
			.chunkSize(6)
			.chunkDelay(chunkDelay);
	}

	private static Reference webPage(String title, String url, String siteName, String summary) {
		return new Reference(url, null, null, siteName, title, summary, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null);
	}

}
