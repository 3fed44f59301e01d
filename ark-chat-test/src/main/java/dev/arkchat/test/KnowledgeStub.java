package dev.arkchat.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Configures how the fake answers the knowledge base: {@code POST /api/knowledge/collection/search_knowledge} and
 * {@code POST /api/knowledge/chat/completions}. Every method returns this stub; settings last until
 * {@link ArkMockServer#reset()}. Thread-safe.
 * <p>
 * <b>Signature.</b> Every request must carry a Volcengine V4 signature for service {@code air}: an
 * {@code Authorization: HMAC-SHA256 Credential=…/yyyyMMdd/<region>/air/request, SignedHeaders=…, Signature=…}
 * header that signs {@code host} and {@code x-date}, an {@code X-Date} of the scope's day, and an
 * {@code X-Content-Sha256} equal to the body's hash. After {@link #credentials(String, String)}, the signature itself is
 * recomputed with that key pair at the request's {@code X-Date} (in the region its scope names) and must match; the
 * access key id must be the configured one. A failure is answered like the service does:
 * {@code 401 {"code":1000001,"message":"unauthorized",…}}.
 * <p>
 * <b>Search.</b> Without configuration a search finds one chunk quoting its query; {@link #chunk}, {@link #faq} and
 * {@link #image} set the chunks found instead (in that order, at most {@code limit} of them, scores decreasing). An
 * image chunk's attachment has its link only when the request asks for {@code get_attachment_link}. After
 * {@link #collections(String...)}, other collections answer {@code 400 {"code":1000005,…}}. A request without a
 * collection or a query answers {@code 400 {"code":1000003,"message":"invalid request：…"}}.
 * <p>
 * <b>Chat.</b> Without configuration the answer is {@code "Echo: "} followed by the text of the last user message; the
 * usage (estimated at one token per four code points, or set by {@link #usage(int, int)}) is sent as the JSON string the
 * service sends, only when the request asks for {@code return_token_usage}. Streamed, each event is a whole envelope
 * with a piece of the reasoning or answer, and the last one has {@code "end": true} and the usage; with
 * {@link #doneAfterEnd(boolean)} a {@code data: [DONE]} follows.
 */
public final class KnowledgeStub {

	/** Code points per streamed piece unless {@link #chunkSize(int)} says otherwise. */
	public static final int DEFAULT_CHUNK_SIZE = 4;

	private @Nullable String accessKey;

	private @Nullable String secretKey;

	private final Set<String> collections = new LinkedHashSet<>();

	private final List<KnowledgeMockSettings.Chunk> chunks = new ArrayList<>();

	private boolean noChunks;

	private @Nullable Function<RecordedRequest, String> answer;

	private @Nullable String reasoning;

	private KnowledgeMockSettings.@Nullable Usage usage;

	private int chunkSize = DEFAULT_CHUNK_SIZE;

	private Duration chunkDelay = Duration.ZERO;

	private boolean doneAfterEnd;

	private KnowledgeMockSettings.@Nullable Failure failure;

	private KnowledgeMockSettings.@Nullable StreamFault streamFault;

	KnowledgeStub() {
	}

	/**
	 * Checks signatures against an access key pair: the request's access key id must be this one and its signature
	 * must be the one this secret gives. Without it, only the signature's form is checked.
	 * @param accessKeyId the access key id
	 * @param secretAccessKey the secret access key
	 * @return this stub
	 */
	public synchronized KnowledgeStub credentials(String accessKeyId, String secretAccessKey) {
		this.accessKey = requireText(accessKeyId, "accessKeyId");
		this.secretKey = requireText(secretAccessKey, "secretAccessKey");
		return this;
	}

	/**
	 * Lets only these collections exist (by name or resource id); a search of another one answers
	 * {@code 1000005}. Without it, every collection exists.
	 * @param namesOrResourceIds the collections
	 * @return this stub
	 */
	public synchronized KnowledgeStub collections(String... namesOrResourceIds) {
		for (String name : namesOrResourceIds) {
			this.collections.add(requireText(name, "collection"));
		}
		return this;
	}

	/**
	 * Adds a text chunk to what searches find.
	 * @param docName the document's name ({@code doc_info.doc_name})
	 * @param title the document's title ({@code doc_info.title}), or {@code null}
	 * @param chunkTitle the chunk's title, or {@code null}
	 * @param content the chunk's text
	 * @return this stub
	 */
	public synchronized KnowledgeStub chunk(String docName, @Nullable String title, @Nullable String chunkTitle,
			String content) {
		this.noChunks = false;
		this.chunks.add(new KnowledgeMockSettings.Chunk("text", requireText(docName, "docName"), title, chunkTitle,
				Objects.requireNonNull(content, "content must not be null"), null, null));
		return this;
	}

	/**
	 * Adds an FAQ chunk (a question and its answer) to what searches find.
	 * @param docName the document's name
	 * @param question the question ({@code original_question})
	 * @param answer the answer (the chunk's {@code content})
	 * @return this stub
	 */
	public synchronized KnowledgeStub faq(String docName, String question, String answer) {
		this.noChunks = false;
		this.chunks.add(new KnowledgeMockSettings.Chunk("faq", requireText(docName, "docName"), null, null,
				Objects.requireNonNull(answer, "answer must not be null"), requireText(question, "question"), null));
		return this;
	}

	/**
	 * Adds an image chunk to what searches find: its attachment links to the image when the search asks for links.
	 * @param docName the document's name
	 * @param content the text around the image
	 * @param link the image's URL
	 * @return this stub
	 */
	public synchronized KnowledgeStub image(String docName, String content, String link) {
		this.noChunks = false;
		this.chunks.add(new KnowledgeMockSettings.Chunk("image", requireText(docName, "docName"), null, null,
				Objects.requireNonNull(content, "content must not be null"), null, requireText(link, "link")));
		return this;
	}

	/**
	 * Makes searches find nothing.
	 * @return this stub
	 */
	public synchronized KnowledgeStub noChunks() {
		this.chunks.clear();
		this.noChunks = true;
		return this;
	}

	/**
	 * Sets the chat's answer.
	 * @param answer the text
	 * @return this stub
	 */
	public synchronized KnowledgeStub answer(String answer) {
		Objects.requireNonNull(answer, "answer must not be null");
		this.answer = (request) -> answer;
		return this;
	}

	/**
	 * Computes the chat's answer from each request (its messages hold the prompt and the question).
	 * @param answer gives the text for a received request
	 * @return this stub
	 */
	public synchronized KnowledgeStub answer(Function<RecordedRequest, String> answer) {
		this.answer = Objects.requireNonNull(answer, "answer must not be null");
		return this;
	}

	/**
	 * Sets the reasoning of a reasoning model ({@code reasoning_content}); streamed before the answer.
	 * @param reasoning the reasoning
	 * @return this stub
	 */
	public synchronized KnowledgeStub reasoning(String reasoning) {
		this.reasoning = Objects.requireNonNull(reasoning, "reasoning must not be null");
		return this;
	}

	/**
	 * Sets the token counts reported when the request asks for {@code return_token_usage}.
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 * @return this stub
	 * @throws IllegalArgumentException when a count is negative
	 */
	public synchronized KnowledgeStub usage(int promptTokens, int completionTokens) {
		if (promptTokens < 0 || completionTokens < 0) {
			throw new IllegalArgumentException("token counts must not be negative, were promptTokens=" + promptTokens
					+ ", completionTokens=" + completionTokens);
		}
		this.usage = new KnowledgeMockSettings.Usage(promptTokens, completionTokens);
		return this;
	}

	/**
	 * Sets how many code points each streamed piece holds.
	 * @param codePoints the piece size, at least 1
	 * @return this stub
	 */
	public synchronized KnowledgeStub chunkSize(int codePoints) {
		if (codePoints < 1) {
			throw new IllegalArgumentException("chunkSize must be at least 1 code point, was " + codePoints);
		}
		this.chunkSize = codePoints;
		return this;
	}

	/**
	 * Pauses between streamed events (and before the first), as a real model does.
	 * @param delay the pause, zero or more
	 * @return this stub
	 */
	public synchronized KnowledgeStub chunkDelay(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("chunkDelay must not be negative, was " + delay);
		}
		this.chunkDelay = delay;
		return this;
	}

	/**
	 * Sends {@code data: [DONE]} after the event with {@code "end": true}, as the chat page says the stream ends.
	 * @param done whether to
	 * @return this stub
	 */
	public synchronized KnowledgeStub doneAfterEnd(boolean done) {
		this.doneAfterEnd = done;
		return this;
	}

	/**
	 * Answers every knowledge call (search and chat, after the signature check) with an error envelope
	 * {@code {"code", "message", "request_id"}}. A status of 200 simulates an error carried by a successful answer.
	 * @param status the HTTP status, 200 or 400 to 599
	 * @param code the knowledge error code, such as {@code 1000029}
	 * @param message the message
	 * @return this stub
	 */
	public synchronized KnowledgeStub fail(int status, int code, String message) {
		if (status != 200 && (status < 400 || status > 599)) {
			throw new IllegalArgumentException("status must be 200 or an error status in [400, 599], was " + status);
		}
		if (code == 0) {
			throw new IllegalArgumentException("code must not be 0, which means success");
		}
		this.failure = new KnowledgeMockSettings.Failure(status, code,
				Objects.requireNonNull(message, "message must not be null"));
		return this;
	}

	/**
	 * Makes streamed chats stop after {@code events} events, without {@code "end": true} or {@code [DONE]}, as a
	 * connection cut by a proxy.
	 * @param events how many events to send
	 * @return this stub
	 */
	public synchronized KnowledgeStub truncateAfter(int events) {
		this.streamFault = new KnowledgeMockSettings.StreamFault(requireEvents(events), 0, null);
		return this;
	}

	/**
	 * Makes streamed chats send an error envelope after {@code afterEvents} events, then end.
	 * @param afterEvents how many events to send before it
	 * @param code the error code
	 * @param message the message
	 * @return this stub
	 */
	public synchronized KnowledgeStub errorMidStream(int afterEvents, int code, String message) {
		this.streamFault = new KnowledgeMockSettings.StreamFault(requireEvents(afterEvents), code,
				Objects.requireNonNull(message, "message must not be null"));
		return this;
	}

	synchronized void reset() {
		this.accessKey = null;
		this.secretKey = null;
		this.collections.clear();
		this.chunks.clear();
		this.noChunks = false;
		this.answer = null;
		this.reasoning = null;
		this.usage = null;
		this.chunkSize = DEFAULT_CHUNK_SIZE;
		this.chunkDelay = Duration.ZERO;
		this.doneAfterEnd = false;
		this.failure = null;
		this.streamFault = null;
	}

	synchronized KnowledgeMockSettings snapshot() {
		KnowledgeMockSettings.Credentials credentials = (this.accessKey != null && this.secretKey != null)
				? new KnowledgeMockSettings.Credentials(this.accessKey, this.secretKey) : null;
		return new KnowledgeMockSettings(credentials, Set.copyOf(this.collections), List.copyOf(this.chunks),
				this.noChunks,
				this.answer, this.reasoning, this.usage, this.chunkSize, this.chunkDelay, this.doneAfterEnd,
				this.failure, this.streamFault);
	}

	private static int requireEvents(int events) {
		if (events < 0) {
			throw new IllegalArgumentException("events must not be negative, was " + events);
		}
		return events;
	}

	private static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

	@Override
	public synchronized String toString() {
		return "KnowledgeStub{chunks=" + this.chunks.size() + ", credentials="
				+ ((this.accessKey != null) ? "set" : "any") + ", failure="
				+ ((this.failure != null) ? this.failure.code() : "none") + "}";
	}

}
