package dev.arkchat.benchmarks;

/** Checks, before anything is measured, that a client really decodes what the server sent. */
final class Verify {

	private Verify() {
	}

	static void stream(Contender contender, String expectedContent, int expectedChunks) {
		StringBuilder content = new StringBuilder();
		int chunks = contender.stream(content::append);
		if (chunks != expectedChunks || !content.toString().equals(expectedContent)) {
			throw new IllegalStateException(contender.getClass().getSimpleName() + " decoded " + chunks
					+ " chunks, expected " + expectedChunks + "; content matches: "
					+ content.toString().equals(expectedContent));
		}
	}

	static void chat(Contender contender) {
		String content = contender.chat();
		if (!Payloads.get().blockingContent().equals(content)) {
			throw new IllegalStateException(contender.getClass().getSimpleName() + " decoded a wrong answer: " + content);
		}
	}

}
