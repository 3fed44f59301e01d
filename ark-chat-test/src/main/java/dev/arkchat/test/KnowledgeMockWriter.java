package dev.arkchat.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.arkchat.http.ArkJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Writes the fake knowledge base's answers in the service's envelope {@code {"code", "data", "message",
 * "request_id"}}: search results, whole chat answers, streamed chat answers (an envelope per event, the last with
 * {@code "end": true}), and errors.
 */
final class KnowledgeMockWriter {

	private static final String ECHO_PREFIX = "Echo: ";

	private static final long CREATE_TIME = 1727333117L;

	private final KnowledgeMockSettings settings;

	private final String requestId;

	KnowledgeMockWriter(KnowledgeMockSettings settings, String requestId) {
		this.settings = settings;
		this.requestId = requestId;
	}

	/**
	 * An error envelope.
	 * @param status the HTTP status
	 * @param code the knowledge error code
	 * @param message the message
	 * @param requestId the exchange's request id
	 * @return the answer
	 */
	static ResponseDefinition error(int status, int code, String message, String requestId) {
		return json(status, errorBody(code, message, requestId), requestId);
	}

	/** The answer to a request the service would refuse: code 1000003 with the service's message template. */
	static ResponseDefinition invalid(String problem, String requestId) {
		return error(400, 1000003, "invalid request：" + problem, requestId);
	}

	private static ObjectNode errorBody(int code, String message, String requestId) {
		ObjectNode root = ArkJson.mapper().createObjectNode();
		root.put("code", code).put("message", message).put("request_id", requestId);
		return root;
	}

	private static ResponseDefinition json(int status, JsonNode body, String requestId) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withHeader(ArkErrorResponses.REQUEST_ID_HEADER, requestId)
			.withBody(ArkJson.mapper().writeValueAsBytes(body))
			.build();
	}

	private ObjectNode envelope() {
		ObjectNode root = ArkJson.mapper().createObjectNode();
		root.put("code", 0);
		root.putObject("data");
		root.put("message", "success");
		root.put("request_id", this.requestId);
		return root;
	}

	ResponseDefinition search(JsonNode request) {
		String query = request.path("query").asString();
		int limit = request.path("limit").asInt(10);
		boolean links = request.path("post_processing").path("get_attachment_link").asBoolean(false);
		List<KnowledgeMockSettings.Chunk> chunks = new ArrayList<>(this.settings.chunks());
		if (chunks.isEmpty() && !this.settings.noChunks()) {
			chunks.add(new KnowledgeMockSettings.Chunk("text", "ark-chat-mock.md", "ArkMockServer", "Mock chunk",
					"Mock reference for: " + query, null, null));
		}
		ObjectNode root = envelope();
		ObjectNode data = (ObjectNode) root.get("data");
		data.put("collection_name",
				request.has("name") ? request.path("name").asString() : request.path("resource_id").asString());
		ArrayNode results = ArkJson.mapper().createArrayNode();
		for (int i = 0; i < chunks.size() && i < limit; i++) {
			results.add(chunk(chunks.get(i), i, links));
		}
		data.put("count", results.size());
		JsonNode pre = request.path("pre_processing");
		if (pre.path("rewrite").asBoolean(false)) {
			data.put("rewrite_query", query);
		}
		if (pre.path("return_token_usage").asBoolean(false)) {
			ObjectNode usage = data.putObject("token_usage");
			int tokens = CodePoints.tokens(query);
			usage.putObject("embedding_token_usage")
				.put("prompt_tokens", tokens)
				.put("completion_tokens", 0)
				.put("total_tokens", tokens);
			usage.put("rerank_token_usage", 0);
		}
		data.set("result_list", results);
		return json(200, root, this.requestId);
	}

	private static ObjectNode chunk(KnowledgeMockSettings.Chunk chunk, int index, boolean links) {
		String docId = "_sys_auto_gen_doc_id-mock-" + Math.abs(chunk.docName().hashCode());
		ObjectNode node = ArkJson.mapper().createObjectNode();
		node.put("id", docId + "-" + index);
		node.put("content", chunk.content());
		node.put("score", Math.max(0.1, 0.9 - 0.1 * index));
		node.put("point_id", docId + "-" + index);
		if (chunk.chunkTitle() != null) {
			node.put("chunk_title", chunk.chunkTitle());
		}
		node.put("chunk_id", index);
		if (chunk.question() != null) {
			node.put("original_question", chunk.question());
		}
		node.put("chunk_type", chunk.type());
		if (chunk.link() != null) {
			ObjectNode attachment = node.putArray("chunk_attachment").addObject();
			attachment.put("uuid", docId + "-image-" + index).put("caption", "").put("type", "image");
			attachment.put("link", links ? chunk.link() : "");
		}
		ObjectNode doc = node.putObject("doc_info");
		doc.put("doc_id", docId).put("doc_name", chunk.docName()).put("create_time", CREATE_TIME);
		int dot = chunk.docName().lastIndexOf('.');
		doc.put("doc_type", (dot >= 0) ? chunk.docName().substring(dot + 1) : "txt");
		ArrayNode meta = ArkJson.mapper().createArrayNode();
		meta.addObject().put("field_name", "doc_id").put("field_type", "string").put("field_value", docId);
		doc.put("doc_meta", meta.toString());
		doc.put("source", "tos_fe");
		if (chunk.title() != null) {
			doc.put("title", chunk.title());
		}
		node.put("recall_position", index + 1);
		return node;
	}

	/** The answer's text for a chat request. */
	String answer(RecordedRequest recorded, JsonNode request) {
		if (this.settings.answer() != null) {
			return Objects.requireNonNullElse(this.settings.answer().apply(recorded), "");
		}
		return ECHO_PREFIX + lastUserText(request);
	}

	ResponseDefinition completion(String answer, JsonNode request) {
		ObjectNode root = envelope();
		ObjectNode data = (ObjectNode) root.get("data");
		data.put("generated_answer", answer);
		if (this.settings.reasoning() != null) {
			data.put("reasoning_content", this.settings.reasoning());
		}
		if (request.path("return_token_usage").asBoolean(false)) {
			data.put("usage", usage(answer, request));
		}
		return json(200, root, this.requestId);
	}

	ResponseDefinition stream(String answer, JsonNode request) {
		List<ObjectNode> events = new ArrayList<>();
		int size = this.settings.chunkSize();
		if (this.settings.reasoning() != null) {
			for (String piece : CodePoints.split(this.settings.reasoning(), size)) {
				ObjectNode event = envelope();
				((ObjectNode) event.get("data")).put("generated_answer", "").put("reasoning_content", piece);
				events.add(event);
			}
		}
		for (String piece : CodePoints.split(answer, size)) {
			ObjectNode event = envelope();
			((ObjectNode) event.get("data")).put("generated_answer", piece);
			events.add(event);
		}
		ObjectNode last = envelope();
		ObjectNode data = (ObjectNode) last.get("data");
		data.put("generated_answer", "");
		if (request.path("return_token_usage").asBoolean(false)) {
			data.put("usage", usage(answer, request));
		}
		data.put("end", true);
		events.add(last);
		EventStreamBody body = new EventStreamBody();
		KnowledgeMockSettings.StreamFault fault = this.settings.streamFault();
		int sent = (fault != null) ? Math.min(fault.afterEvents(), events.size()) : events.size();
		for (int i = 0; i < sent; i++) {
			body.add(ArkJson.mapper().writeValueAsString(events.get(i)));
		}
		if (fault != null && fault.code() != 0) {
			body.add(ArkJson.mapper().writeValueAsString(
					errorBody(fault.code(), Objects.requireNonNullElse(fault.message(), ""), this.requestId)));
		}
		else if (fault == null && this.settings.doneAfterEnd()) {
			body.add("[DONE]");
		}
		return body.toResponse(this.requestId, this.settings.chunkDelay());
	}

	/** The usage as the service sends it: a JSON string ending with a line break. */
	private String usage(String answer, JsonNode request) {
		KnowledgeMockSettings.Usage usage = this.settings.usage();
		int prompt;
		int completion;
		if (usage != null) {
			prompt = usage.promptTokens();
			completion = usage.completionTokens();
		}
		else {
			prompt = 0;
			for (JsonNode message : request.path("messages")) {
				prompt += CodePoints.tokens(text(message.path("content")));
			}
			prompt = Math.max(1, prompt);
			completion = Math.max(1, CodePoints.tokens(answer)
					+ ((this.settings.reasoning() != null) ? CodePoints.tokens(this.settings.reasoning()) : 0));
		}
		return "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
				+ (prompt + completion) + "}\n";
	}

	private static String lastUserText(JsonNode request) {
		JsonNode messages = request.path("messages");
		for (int i = messages.size() - 1; i >= 0; i--) {
			JsonNode message = messages.get(i);
			if ("user".equals(message.path("role").asString(""))) {
				return text(message.path("content"));
			}
		}
		return "";
	}

	private static String text(JsonNode content) {
		if (content.isString()) {
			return content.asString();
		}
		StringBuilder sb = new StringBuilder();
		for (JsonNode part : content) {
			if (part.path("text").isString()) {
				sb.append(part.path("text").asString());
			}
		}
		return sb.toString();
	}

}
