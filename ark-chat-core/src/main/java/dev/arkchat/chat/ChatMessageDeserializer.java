package dev.arkchat.chat;

import java.util.List;

import dev.arkchat.http.WireDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link ChatMessage} (the answer of every blocking call) without Jackson's generic creator path: a text
 * content is taken as the string it is, where the creator takes any JSON value and would build a tree node for it
 * first. Names are the wire's only, as the message's {@code @JsonProperty} names are for every mapper.
 */
final class ChatMessageDeserializer extends WireDeserializer<ChatMessage> {

	private @Nullable ValueDeserializer<Object> roles;

	private @Nullable ValueDeserializer<Object> nodes;

	private @Nullable ValueDeserializer<Object> toolCalls;

	ChatMessageDeserializer() {
		super(ChatMessage.class);
	}

	@Override
	public void resolve(DeserializationContext ctxt) {
		this.roles = find(ctxt, ctxt.constructType(ChatRole.class));
		this.nodes = find(ctxt, ctxt.constructType(JsonNode.class));
		this.toolCalls = find(ctxt, ctxt.getTypeFactory().constructCollectionType(List.class, ToolCall.class));
	}

	@Override
	protected ChatMessage readProperties(JsonParser p, DeserializationContext ctxt) {
		ChatRole role = null;
		String text = null;
		JsonNode content = null;
		String reasoningContent = null;
		List<ToolCall> toolCalls = null;
		String toolCallId = null;
		String name = null;
		for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
			String property = p.currentName();
			p.nextToken();
			switch (property) {
				case "role" -> role = ChatDeltaDeserializer.role(p, ctxt, resolved(this.roles));
				case "content" -> {
					boolean isText = p.currentToken() == JsonToken.VALUE_STRING;
					text = isText ? p.getString() : null;
					content = isText ? null : value(p, ctxt, resolved(this.nodes));
				}
				case "reasoning_content" -> reasoningContent = string(p, ctxt);
				case "tool_calls" -> toolCalls = value(p, ctxt, resolved(this.toolCalls));
				case "tool_call_id" -> toolCallId = string(p, ctxt);
				case "name" -> name = string(p, ctxt);
				default -> unknown(p, ctxt, property);
			}
		}
		return ChatMessage.fromWire(role, text, content, reasoningContent, toolCalls, toolCallId, name);
	}

}
