package dev.arkchat.samples.knowledgeqa;

import java.time.Duration;

import dev.arkchat.test.ArkMockServer;

/**
 * What the fake knowledge base holds when the sample runs without credentials: a toy shop's documents — a normal
 * chunk, an FAQ chunk and an image chunk — and a model that answers from the prompt it is given.
 */
final class MockKnowledgeBase {

	/** The access key id the fake accepts, and the sample signs with. */
	static final String ACCESS_KEY = "AKLTmockknowledgeqa000000000000";

	/** The secret key that goes with it (not a secret: it only opens the in-process fake). */
	static final String SECRET_KEY = "bW9jay1rbm93bGVkZ2UtcWEtc2VjcmV0";

	/** The collection searched. */
	static final String COLLECTION = "toy_shop";

	/** The model that answers: a vision model, so that the image chunk is shown to it. */
	static final String MODEL = "Doubao-1-5-vision-pro-32k";

	/** The answer when the prompt holds the chunk about DUPLO. */
	static final String ANSWER = "推荐乐高得宝（DUPLO）系列：颗粒大、不易吞咽，适合 3 岁左右的孩子。";

	/** The answer when it does not. */
	static final String NO_ANSWER = "抱歉，参考资料中没有相关信息，请提供更详细的问题。";

	static final int PROMPT_TOKENS = 980;

	static final int COMPLETION_TOKENS = 36;

	static final String IMAGE_URL = "https://example.com/toy-shop/fire-station.png";

	private MockKnowledgeBase() {
	}

	/**
	 * Fills the fake knowledge base.
	 * @param ark the fake
	 * @param chunkDelay the pause between streamed pieces
	 */
	static void configure(ArkMockServer ark, Duration chunkDelay) {
		ark.knowledge()
			.credentials(ACCESS_KEY, SECRET_KEY)
			.collections(COLLECTION)
			.chunk("玩具选购手册.pdf", "乐高积木选购指南", "适合 3 岁的系列", "得宝（DUPLO）系列颗粒大，不易吞咽，适合 1.5 至 5 岁的孩子。")
			.faq("售后FAQ.xlsx", "玩具可以退货吗？", "未拆封的玩具支持七天无理由退货。")
			.image("玩具图册.pdf", "消防局与消防直升机套装", IMAGE_URL)
			.answer((request) -> request.bodyJson().at("/messages/0/content").asString().contains("得宝") ? ANSWER
					: NO_ANSWER)
			.usage(PROMPT_TOKENS, COMPLETION_TOKENS)
			.chunkSize(3)
			.chunkDelay(chunkDelay);
	}

}
