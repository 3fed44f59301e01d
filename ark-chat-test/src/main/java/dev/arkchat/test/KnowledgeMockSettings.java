package dev.arkchat.test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** What {@link KnowledgeStub} was configured with when a request arrived. */
record KnowledgeMockSettings(@Nullable Credentials credentials, Set<String> collections, List<Chunk> chunks,
		boolean noChunks, @Nullable Function<RecordedRequest, String> answer, @Nullable String reasoning,
		@Nullable Usage usage, int chunkSize, Duration chunkDelay, boolean doneAfterEnd, @Nullable Failure failure,
		@Nullable StreamFault streamFault) {

	/** The key pair signatures are checked with; the secret never leaves this record's holder. */
	record Credentials(String accessKeyId, String secretAccessKey) {

		@Override
		public String toString() {
			return "Credentials{accessKeyId=" + this.accessKeyId + ", secretAccessKey=******}";
		}

	}

	/** A chunk searches find. */
	record Chunk(String type, String docName, @Nullable String title, @Nullable String chunkTitle, String content,
			@Nullable String question, @Nullable String link) {
	}

	record Usage(int promptTokens, int completionTokens) {
	}

	record Failure(int status, int code, String message) {
	}

	/** Events to send before the stream stops; with a non-zero code, an error envelope follows them. */
	record StreamFault(int afterEvents, int code, @Nullable String message) {
	}

}
