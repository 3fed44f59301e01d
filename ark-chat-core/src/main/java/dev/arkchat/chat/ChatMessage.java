package dev.arkchat.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One message of a conversation. Its content is either text or, for multimodal user messages, a list of
 * {@link ContentPart}s; on the wire both are {@code content}. Immutable.
 */
@JsonDeserialize(using = ChatMessageDeserializer.class)
public final class ChatMessage {

	private final ChatRole role;

	private final @Nullable String content;

	private final @Nullable List<ContentPart> contentParts;

	private final @Nullable String reasoningContent;

	private final @Nullable List<ToolCall> toolCalls;

	private final @Nullable String toolCallId;

	private final @Nullable String name;

	private ChatMessage(ChatRole role, @Nullable String content, @Nullable List<ContentPart> contentParts,
			@Nullable String reasoningContent, @Nullable List<ToolCall> toolCalls, @Nullable String toolCallId,
			@Nullable String name) {
		this.role = Objects.requireNonNull(role, "role must not be null");
		this.content = content;
		this.contentParts = (contentParts != null) ? List.copyOf(contentParts) : null;
		this.reasoningContent = reasoningContent;
		this.toolCalls = (toolCalls != null) ? List.copyOf(toolCalls) : null;
		this.toolCallId = toolCallId;
		this.name = name;
	}

	@JsonCreator
	static ChatMessage fromJson(@JsonProperty("role") ChatRole role, @JsonProperty("content") @Nullable JsonNode content,
			@JsonProperty("reasoning_content") @Nullable String reasoningContent,
			@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
			@JsonProperty("tool_call_id") @Nullable String toolCallId, @JsonProperty("name") @Nullable String name) {
		return fromWire(role, null, content, reasoningContent, toolCalls, toolCallId, name);
	}

	/**
	 * A message read from the wire, its content given as text when it was a JSON string, else as the JSON value.
	 */
	static ChatMessage fromWire(ChatRole role, @Nullable String text, @Nullable JsonNode content,
			@Nullable String reasoningContent, @Nullable List<ToolCall> toolCalls, @Nullable String toolCallId,
			@Nullable String name) {
		String contentText = text;
		List<ContentPart> parts = null;
		if (content != null && content.isArray()) {
			parts = new ArrayList<>();
			for (JsonNode part : content) {
				parts.add(ArkJson.mapper().treeToValue(part, ContentPart.class));
			}
		}
		else if (content != null && !content.isNull()) {
			contentText = content.asString();
		}
		return new ChatMessage(role, contentText, parts, reasoningContent, toolCalls, toolCallId, name);
	}

	/**
	 * A system message.
	 * @param content the instructions
	 * @return the message
	 */
	public static ChatMessage system(String content) {
		return new ChatMessage(ChatRole.SYSTEM, content, null, null, null, null, null);
	}

	/**
	 * A user message with text.
	 * @param content the text
	 * @return the message
	 */
	public static ChatMessage user(String content) {
		return new ChatMessage(ChatRole.USER, content, null, null, null, null, null);
	}

	/**
	 * A multimodal user message.
	 * @param parts text, image, video or audio parts
	 * @return the message
	 */
	public static ChatMessage user(List<ContentPart> parts) {
		return new ChatMessage(ChatRole.USER, null, parts, null, null, null, null);
	}

	/**
	 * A multimodal user message.
	 * @param parts text, image, video or audio parts
	 * @return the message
	 */
	public static ChatMessage user(ContentPart... parts) {
		return user(List.of(parts));
	}

	/**
	 * An earlier answer of the assistant, for a conversation's history.
	 * @param content the answer
	 * @return the message
	 */
	public static ChatMessage assistant(String content) {
		return new ChatMessage(ChatRole.ASSISTANT, content, null, null, null, null, null);
	}

	/**
	 * An assistant message asking for tool calls, for a conversation's history.
	 * @param content text that came with the calls, if any
	 * @param toolCalls the calls
	 * @return the message
	 */
	public static ChatMessage assistant(@Nullable String content, List<ToolCall> toolCalls) {
		return new ChatMessage(ChatRole.ASSISTANT, content, null, null, toolCalls, null, null);
	}

	/**
	 * The result of a tool call.
	 * @param toolCallId the id of the call this answers
	 * @param content the result
	 * @return the message
	 */
	public static ChatMessage tool(String toolCallId, String content) {
		return new ChatMessage(ChatRole.TOOL, content, null, null, null, toolCallId, null);
	}

	/**
	 * A message with every field, as the merged completion of a stream builds it.
	 * @param role the role
	 * @param content the text
	 * @param reasoningContent the reasoning, if any
	 * @param toolCalls the tool calls, if any
	 * @return the message
	 */
	public static ChatMessage of(ChatRole role, @Nullable String content, @Nullable String reasoningContent,
			@Nullable List<ToolCall> toolCalls) {
		return new ChatMessage(role, content, null, reasoningContent, toolCalls, null, null);
	}

	/**
	 * Who wrote the message.
	 * @return the role
	 */
	@JsonProperty("role")
	public ChatRole role() {
		return this.role;
	}

	/**
	 * The text content.
	 * @return the text, or {@code null} for a multimodal message or one with only tool calls
	 */
	@JsonIgnore
	public @Nullable String content() {
		return this.content;
	}

	/**
	 * The parts of a multimodal message.
	 * @return the parts, or {@code null} for a text message
	 */
	@JsonIgnore
	public @Nullable List<ContentPart> contentParts() {
		return this.contentParts;
	}

	@JsonProperty("content")
	@Nullable Object jsonContent() {
		return (this.contentParts != null) ? this.contentParts : this.content;
	}

	/**
	 * The chain of thought of a reasoning model, separate from the answer.
	 * @return the reasoning, or {@code null}
	 */
	@JsonProperty("reasoning_content")
	public @Nullable String reasoningContent() {
		return this.reasoningContent;
	}

	/**
	 * The tool calls the assistant asks for.
	 * @return the calls, or {@code null}
	 */
	@JsonProperty("tool_calls")
	public @Nullable List<ToolCall> toolCalls() {
		return this.toolCalls;
	}

	/**
	 * The id of the call a tool message answers.
	 * @return the id, or {@code null}
	 */
	@JsonProperty("tool_call_id")
	public @Nullable String toolCallId() {
		return this.toolCallId;
	}

	/**
	 * An optional name of the author.
	 * @return the name, or {@code null}
	 */
	@JsonProperty("name")
	public @Nullable String name() {
		return this.name;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof ChatMessage that && this.role == that.role
				&& Objects.equals(this.content, that.content) && Objects.equals(this.contentParts, that.contentParts)
				&& Objects.equals(this.reasoningContent, that.reasoningContent)
				&& Objects.equals(this.toolCalls, that.toolCalls) && Objects.equals(this.toolCallId, that.toolCallId)
				&& Objects.equals(this.name, that.name));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.role, this.content, this.contentParts, this.toolCalls, this.toolCallId);
	}

	@Override
	public String toString() {
		return "ChatMessage{role=" + this.role.value() + ", content="
				+ ((this.contentParts != null) ? this.contentParts : this.content) + "}";
	}

}
