package dev.arkchat.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bytes the loopback server sends, rendered once from the fixtures of core's tests:
 * <ul>
 * <li>the blocking answer: the web-search bot's answer ({@code bot-chat-v3-nonstream-websearch-references}) with its
 * two {@code ...} elision lines removed, as the fixture's README says;</li>
 * <li>the stream: {@value #STREAM_CHUNKS} events shaped exactly like the E1 include-usage stream fixture (same id,
 * model, field order and final {@code bot_usage} chunk): a role chunk, reasoning deltas taken from the third-party SSE
 * recording, content deltas cutting the web-search answer into 1–3 character tokens, a finish chunk, a usage chunk,
 * then {@code [DONE]};</li>
 * <li>the one-chunk stream used for the time to the first chunk: the first content chunk, then {@code [DONE]}.</li>
 * </ul>
 */
public final class Payloads {

	/** Events of the realistic stream, {@code [DONE]} excluded: what one streaming benchmark operation decodes. */
	public static final int STREAM_CHUNKS = 200;

	private static final String ID = "0217518925181918b15924cfe8caf3be8175ae89769e0203c419c";

	private static final String MODEL = "deepseek-r1-250528";

	private static final long CREATED = 1751892518L;

	private static final int REASONING_CHUNKS = 80;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Payloads INSTANCE = new Payloads();

	private final byte[] blockingBody;

	private final String blockingContent;

	private final List<byte[]> streamEvents;

	private final byte[] streamBody;

	private final byte[] firstChunkBody;

	private final String streamContent;

	private final String streamReasoning;

	private final String firstChunkContent;

	private Payloads() {
		String answer = fixture("bot-chat-v3-nonstream-websearch-references.doc.txt").lines()
			.filter((line) -> !line.trim().equals("..."))
			.collect(Collectors.joining("\n"));
		JsonNode tree = MAPPER.readTree(answer);
		this.blockingContent = tree.path("choices").path(0).path("message").path("content").asString();
		this.blockingBody = MAPPER.writeValueAsBytes(tree);

		List<String> reasoningTokens = reasoningTokens();
		List<String> contentTokens = tokens(this.blockingContent);
		int contentChunks = STREAM_CHUNKS - REASONING_CHUNKS - 3;
		List<byte[]> events = new ArrayList<>(STREAM_CHUNKS + 1);
		StringBuilder reasoning = new StringBuilder();
		StringBuilder content = new StringBuilder();
		events.add(event(chunk("{\"content\":\"\",\"role\":\"assistant\",\"reasoning_content\":\"\"}", null)));
		for (int i = 0; i < REASONING_CHUNKS; i++) {
			String token = reasoningTokens.get(i % reasoningTokens.size());
			reasoning.append(token);
			events.add(event(chunk("{\"content\":\"\",\"role\":\"assistant\",\"reasoning_content\":" + quote(token)
					+ "}", null)));
		}
		for (int i = 0; i < contentChunks; i++) {
			String token = contentTokens.get(i % contentTokens.size());
			content.append(token);
			events.add(event(chunk("{\"content\":" + quote(token) + ",\"role\":\"assistant\"}", null)));
		}
		events.add(event(chunk("{\"content\":\"\",\"role\":\"assistant\"}", "stop")));
		events.add(event("{\"id\":\"" + ID + "\",\"choices\":[],\"created\":" + CREATED + ",\"model\":\"" + MODEL
				+ "\",\"object\":\"chat.completion.chunk\",\"bot_usage\":{\"model_usage\":[{\"name\":\"" + MODEL
				+ "\",\"prompt_tokens\":35,\"completion_tokens\":175,\"total_tokens\":210}],\"action_usage\":[],"
				+ "\"action_details\":[]},\"metadata\":{}}"));
		if (events.size() != STREAM_CHUNKS) {
			throw new IllegalStateException("The stream has " + events.size() + " chunks, not " + STREAM_CHUNKS);
		}
		events.add(event("[DONE]"));
		this.streamEvents = List.copyOf(events);
		this.streamBody = concat(events);
		this.streamContent = content.toString();
		this.streamReasoning = reasoning.toString();
		this.firstChunkContent = contentTokens.get(0);
		this.firstChunkBody = concat(List.of(events.get(REASONING_CHUNKS + 1), event("[DONE]")));
	}

	/**
	 * The payloads.
	 * @return the one instance
	 */
	public static Payloads get() {
		return INSTANCE;
	}

	/**
	 * The blocking answer as sent (compact JSON, UTF-8).
	 * @return the body
	 */
	public byte[] blockingBody() {
		return this.blockingBody;
	}

	/**
	 * The text of the blocking answer's first choice.
	 * @return the content
	 */
	public String blockingContent() {
		return this.blockingContent;
	}

	/**
	 * The whole realistic stream as sent.
	 * @return the body
	 */
	public byte[] streamBody() {
		return this.streamBody;
	}

	/**
	 * The stream's events, one {@code data: ...\n\n} each, {@code [DONE]} last (for paced sending).
	 * @return the events
	 */
	public List<byte[]> streamEvents() {
		return this.streamEvents;
	}

	/**
	 * The joined content of the stream.
	 * @return the content
	 */
	public String streamContent() {
		return this.streamContent;
	}

	/**
	 * The joined reasoning of the stream.
	 * @return the reasoning
	 */
	public String streamReasoning() {
		return this.streamReasoning;
	}

	/**
	 * The one-chunk stream.
	 * @return the body
	 */
	public byte[] firstChunkBody() {
		return this.firstChunkBody;
	}

	/**
	 * The content of the one-chunk stream's chunk.
	 * @return the content
	 */
	public String firstChunkContent() {
		return this.firstChunkContent;
	}

	private static String chunk(String delta, String finishReason) {
		String choice = "{\"delta\":" + delta + ((finishReason != null) ? ",\"finish_reason\":\"" + finishReason + "\""
				: "") + ",\"index\":0}";
		return "{\"id\":\"" + ID + "\",\"choices\":[" + choice + "],\"created\":" + CREATED + ",\"model\":\"" + MODEL
				+ "\",\"object\":\"chat.completion.chunk\",\"metadata\":{}}";
	}

	private static byte[] event(String data) {
		return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	private static String quote(String text) {
		return MAPPER.writeValueAsString(text);
	}

	private static List<String> reasoningTokens() {
		String recording = fixture("ark-stream-reasoning-then-tool-calls.thirdparty.sse");
		List<String> tokens = new ArrayList<>();
		Matcher matcher = Pattern.compile("^data: (\\{.*})$", Pattern.MULTILINE).matcher(recording);
		while (matcher.find()) {
			JsonNode delta = MAPPER.readTree(matcher.group(1)).path("choices").path(0).path("delta");
			String token = delta.path("reasoning_content").asString("");
			if (!token.isEmpty()) {
				tokens.add(token);
			}
		}
		if (tokens.isEmpty()) {
			throw new IllegalStateException("No reasoning tokens in the recording");
		}
		return tokens;
	}

	/** Cuts text into tokens of 1 to 3 code points, as a tokenizer's deltas look. */
	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		int[] cps = text.codePoints().toArray();
		int i = 0;
		int size = 1;
		while (i < cps.length) {
			int n = Math.min(size, cps.length - i);
			tokens.add(new String(cps, i, n));
			i += n;
			size = (size % 3) + 1;
		}
		return tokens;
	}

	private static byte[] concat(List<byte[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static String fixture(String name) {
		try (InputStream in = Payloads.class.getResourceAsStream("/fixtures/" + name)) {
			if (in == null) {
				throw new IllegalStateException("Missing fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
