package dev.arkchat.chat;

import dev.arkchat.http.WireDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads a {@link ChunkChoice}, once per streamed event, without Jackson's generic record path. */
final class ChunkChoiceDeserializer extends WireDeserializer<ChunkChoice> {

	private @Nullable ValueDeserializer<Object> deltas;

	private @Nullable ValueDeserializer<Object> finishReasons;

	private @Nullable ValueDeserializer<Object> logprobs;

	ChunkChoiceDeserializer() {
		super(ChunkChoice.class);
	}

	@Override
	public void resolve(DeserializationContext ctxt) {
		this.deltas = find(ctxt, ctxt.constructType(ChatDelta.class));
		this.finishReasons = find(ctxt, ctxt.constructType(FinishReason.class));
		this.logprobs = find(ctxt, ctxt.constructType(Logprobs.class));
	}

	@Override
	protected ChunkChoice readProperties(JsonParser p, DeserializationContext ctxt) {
		int index = 0;
		ChatDelta delta = null;
		FinishReason finishReason = null;
		Logprobs logprobs = null;
		for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "index" -> index = intValue(p, ctxt);
				case "delta" -> delta = value(p, ctxt, resolved(this.deltas));
				case "finish_reason", "finishReason" -> finishReason = finishReason(p, ctxt);
				case "logprobs" -> logprobs = value(p, ctxt, resolved(this.logprobs));
				default -> unknown(p, ctxt, name);
			}
		}
		return new ChunkChoice(index, delta, finishReason, logprobs);
	}

	private @Nullable FinishReason finishReason(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() == JsonToken.VALUE_STRING) {
			return FinishReason.of(p.getString());
		}
		return value(p, ctxt, resolved(this.finishReasons));
	}

}
