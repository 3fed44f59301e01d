package dev.arkchat.chat;

import dev.arkchat.http.WireDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a choice without Jackson's generic record path: {@link ChunkChoice}, once per streamed event, and
 * {@link ChatChoice}, in every blocking answer. Both are an index, a body ({@code delta} or {@code message}), a finish
 * reason and log probabilities.
 * @param <C> the choice
 * @param <B> its body
 */
abstract sealed class ChoiceDeserializer<C, B> extends WireDeserializer<C> {

	private final String bodyName;

	private final Class<B> bodyType;

	private @Nullable ValueDeserializer<Object> bodies;

	private @Nullable ValueDeserializer<Object> finishReasons;

	private @Nullable ValueDeserializer<Object> logprobs;

	ChoiceDeserializer(Class<C> type, String bodyName, Class<B> bodyType) {
		super(type);
		this.bodyName = bodyName;
		this.bodyType = bodyType;
	}

	@Override
	public void resolve(DeserializationContext ctxt) {
		this.bodies = find(ctxt, ctxt.constructType(this.bodyType));
		this.finishReasons = find(ctxt, ctxt.constructType(FinishReason.class));
		this.logprobs = find(ctxt, ctxt.constructType(Logprobs.class));
	}

	/**
	 * Builds the choice.
	 * @param index the index
	 * @param body the delta or message
	 * @param finishReason the finish reason
	 * @param logprobs the log probabilities
	 * @return the choice
	 */
	abstract C create(int index, @Nullable B body, @Nullable FinishReason finishReason, @Nullable Logprobs logprobs);

	@Override
	protected C readProperties(JsonParser p, DeserializationContext ctxt) {
		int index = 0;
		B body = null;
		FinishReason finishReason = null;
		Logprobs logprobs = null;
		for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "index" -> index = intValue(p, ctxt);
				case "finish_reason", "finishReason" -> finishReason = finishReason(p, ctxt);
				case "logprobs" -> logprobs = value(p, ctxt, resolved(this.logprobs));
				default -> {
					if (name.equals(this.bodyName)) {
						body = value(p, ctxt, resolved(this.bodies));
					}
					else {
						unknown(p, ctxt, name);
					}
				}
			}
		}
		return create(index, body, finishReason, logprobs);
	}

	/** A string is taken as is ({@link FinishReason#of} takes any); anything else goes to Jackson. */
	private @Nullable FinishReason finishReason(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() == JsonToken.VALUE_STRING) {
			return FinishReason.of(p.getString());
		}
		return value(p, ctxt, resolved(this.finishReasons));
	}

	/** Reads a {@link ChunkChoice}. */
	static final class Chunk extends ChoiceDeserializer<ChunkChoice, ChatDelta> {

		Chunk() {
			super(ChunkChoice.class, "delta", ChatDelta.class);
		}

		@Override
		ChunkChoice create(int index, @Nullable ChatDelta delta, @Nullable FinishReason finishReason,
				@Nullable Logprobs logprobs) {
			return new ChunkChoice(index, delta, finishReason, logprobs);
		}

	}

	/** Reads a {@link ChatChoice}. */
	static final class Whole extends ChoiceDeserializer<ChatChoice, ChatMessage> {

		Whole() {
			super(ChatChoice.class, "message", ChatMessage.class);
		}

		@Override
		ChatChoice create(int index, @Nullable ChatMessage message, @Nullable FinishReason finishReason,
				@Nullable Logprobs logprobs) {
			return new ChatChoice(index, message, finishReason, logprobs);
		}

	}

}
