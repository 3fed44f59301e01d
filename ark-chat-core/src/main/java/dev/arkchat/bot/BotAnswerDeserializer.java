package dev.arkchat.bot;

import java.util.List;

import dev.arkchat.chat.ChatChoice;
import dev.arkchat.chat.ChunkChoice;
import dev.arkchat.chat.Usage;
import dev.arkchat.http.WireDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.type.TypeFactory;

/**
 * Reads a bot's answer without Jackson's generic record path: a {@link BotChatChunk}, once per streamed event, or a
 * {@link BotChatCompletion}, the answer of a blocking call. Both carry the same fields; only their choices differ.
 * @param <A> the answer
 * @param <C> its choice
 */
abstract sealed class BotAnswerDeserializer<A, C> extends WireDeserializer<A> {

	/** What {@code "metadata": {}}, sent on every chunk, reads as. */
	private static final BotMetadata EMPTY_METADATA = new BotMetadata(null, null, null, null);

	private final Class<C> choiceType;

	private @Nullable ValueDeserializer<Object> choices;

	private @Nullable ValueDeserializer<Object> usage;

	private @Nullable ValueDeserializer<Object> botUsage;

	private @Nullable ValueDeserializer<Object> references;

	private @Nullable ValueDeserializer<Object> metadata;

	BotAnswerDeserializer(Class<A> type, Class<C> choiceType) {
		super(type);
		this.choiceType = choiceType;
	}

	@Override
	public void resolve(DeserializationContext ctxt) {
		TypeFactory types = ctxt.getTypeFactory();
		this.choices = find(ctxt, types.constructCollectionType(List.class, this.choiceType));
		this.usage = find(ctxt, ctxt.constructType(Usage.class));
		this.botUsage = find(ctxt, ctxt.constructType(BotUsage.class));
		this.references = find(ctxt, types.constructCollectionType(List.class, Reference.class));
		this.metadata = find(ctxt, ctxt.constructType(BotMetadata.class));
	}

	/**
	 * Builds the answer.
	 * @return the answer
	 */
	abstract A create(@Nullable String id, @Nullable String object, @Nullable Long created, @Nullable String model,
			@Nullable List<C> choices, @Nullable Usage usage, @Nullable BotUsage botUsage,
			@Nullable List<Reference> references, @Nullable BotMetadata metadata);

	@Override
	protected A readProperties(JsonParser p, DeserializationContext ctxt) {
		String id = null;
		String object = null;
		Long created = null;
		String model = null;
		List<C> choices = null;
		Usage usage = null;
		BotUsage botUsage = null;
		List<Reference> references = null;
		BotMetadata metadata = null;
		for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "id" -> id = string(p, ctxt);
				case "object" -> object = string(p, ctxt);
				case "created" -> created = longValue(p, ctxt);
				case "model" -> model = string(p, ctxt);
				case "choices" -> choices = value(p, ctxt, resolved(this.choices));
				case "usage" -> usage = value(p, ctxt, resolved(this.usage));
				case "bot_usage", "botUsage" -> botUsage = value(p, ctxt, resolved(this.botUsage));
				case "references" -> references = value(p, ctxt, resolved(this.references));
				case "metadata" -> metadata = metadata(p, ctxt);
				default -> unknown(p, ctxt, name);
			}
		}
		return create(id, object, created, model, choices, usage, botUsage, references, metadata);
	}

	private @Nullable BotMetadata metadata(JsonParser p, DeserializationContext ctxt) {
		if (p.currentToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.END_OBJECT) {
			return EMPTY_METADATA;
		}
		// on the first property (or not an object at all): Jackson's deserializer goes on from there
		return value(p, ctxt, resolved(this.metadata));
	}

	/** Reads a {@link BotChatChunk}. */
	static final class Chunk extends BotAnswerDeserializer<BotChatChunk, ChunkChoice> {

		Chunk() {
			super(BotChatChunk.class, ChunkChoice.class);
		}

		@Override
		BotChatChunk create(@Nullable String id, @Nullable String object, @Nullable Long created,
				@Nullable String model, @Nullable List<ChunkChoice> choices, @Nullable Usage usage,
				@Nullable BotUsage botUsage, @Nullable List<Reference> references, @Nullable BotMetadata metadata) {
			return new BotChatChunk(id, object, created, model, choices, usage, botUsage, references, metadata);
		}

	}

	/** Reads a {@link BotChatCompletion}. */
	static final class Completion extends BotAnswerDeserializer<BotChatCompletion, ChatChoice> {

		Completion() {
			super(BotChatCompletion.class, ChatChoice.class);
		}

		@Override
		BotChatCompletion create(@Nullable String id, @Nullable String object, @Nullable Long created,
				@Nullable String model, @Nullable List<ChatChoice> choices, @Nullable Usage usage,
				@Nullable BotUsage botUsage, @Nullable List<Reference> references, @Nullable BotMetadata metadata) {
			return new BotChatCompletion(id, object, created, model, choices, usage, botUsage, references, metadata);
		}

	}

}
