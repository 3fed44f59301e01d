package dev.arkchat.chat;

import java.util.List;

import dev.arkchat.http.WireDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads a {@link ChatDelta}, once per streamed event, without Jackson's generic record path. */
final class ChatDeltaDeserializer extends WireDeserializer<ChatDelta> {

	private @Nullable ValueDeserializer<Object> roles;

	private @Nullable ValueDeserializer<Object> toolCalls;

	ChatDeltaDeserializer() {
		super(ChatDelta.class);
	}

	@Override
	public void resolve(DeserializationContext ctxt) {
		this.roles = find(ctxt, ctxt.constructType(ChatRole.class));
		this.toolCalls = find(ctxt, ctxt.getTypeFactory().constructCollectionType(List.class, ToolCall.class));
	}

	@Override
	protected ChatDelta readProperties(JsonParser p, DeserializationContext ctxt) {
		ChatRole role = null;
		String content = null;
		String reasoningContent = null;
		List<ToolCall> toolCalls = null;
		for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "role" -> role = role(p, ctxt, resolved(this.roles));
				case "content" -> content = string(p, ctxt);
				case "reasoning_content", "reasoningContent" -> reasoningContent = string(p, ctxt);
				case "tool_calls", "toolCalls" -> toolCalls = value(p, ctxt, resolved(this.toolCalls));
				default -> unknown(p, ctxt, name);
			}
		}
		return new ChatDelta(role, content, reasoningContent, toolCalls);
	}

	/**
	 * Reads a role: the one of every answer is matched here, anything else goes through Jackson to
	 * {@link ChatRole#of}, whose refusal of an unknown role Jackson reports.
	 */
	static @Nullable ChatRole role(JsonParser p, DeserializationContext ctxt, ValueDeserializer<Object> roles) {
		if (p.currentToken() == JsonToken.VALUE_STRING && "assistant".equals(p.getString())) {
			return ChatRole.ASSISTANT;
		}
		return value(p, ctxt, roles);
	}

}
