package dev.arkchat.http;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * Reflection hints for every type the wire mapper ({@link ArkJson#mapper()}) reads or writes, so that Ark's clients
 * work in a GraalVM native image: constructors (records' canonical ones, {@code @JsonCreator} factories), accessors and
 * fields. Registered in {@code META-INF/spring/aot.factories}; Spring's AOT processing applies it to any application
 * with ark-chat on its class path. A test scans the packages so that a new wire type without a hint fails the build.
 */
class ArkJsonRuntimeHints implements RuntimeHintsRegistrar {

	/** The wire types, by name so that package-private and nested ones can be listed too. */
	static final List<String> TYPES = List.of(
			"dev.arkchat.bot.BotChatChunk",
			"dev.arkchat.bot.BotChatCompletion",
			"dev.arkchat.bot.BotChatRequest",
			"dev.arkchat.bot.BotMetadata",
			"dev.arkchat.bot.BotMetadata$Character",
			"dev.arkchat.bot.BotMetadata$GroupChatConfig",
			"dev.arkchat.bot.BotMetadata$ModelDesc",
			"dev.arkchat.bot.BotUsage",
			"dev.arkchat.bot.BotUsage$ActionDetail",
			"dev.arkchat.bot.BotUsage$ActionUsage",
			"dev.arkchat.bot.BotUsage$ModelUsage",
			"dev.arkchat.bot.BotUsage$ToolDetail",
			"dev.arkchat.bot.Reference",
			"dev.arkchat.bot.Reference$CoverImage",
			"dev.arkchat.bot.legacy.LegacyBotChatRequest",
			"dev.arkchat.bot.legacy.LegacyBotChatResponse",
			"dev.arkchat.bot.legacy.LegacyBotChatResponse$Choice",
			"dev.arkchat.bot.legacy.LegacyBotChatResponse$Logprobs",
			"dev.arkchat.bot.legacy.LegacyBotChatResponse$Message",
			"dev.arkchat.bot.legacy.LegacyBotError",
			"dev.arkchat.bot.legacy.LegacyBotParameters",
			"dev.arkchat.chat.ChatChoice",
			"dev.arkchat.chat.ChatDelta",
			"dev.arkchat.chat.ChatMessage",
			"dev.arkchat.chat.ChatOptions",
			"dev.arkchat.chat.ChatRole",
			"dev.arkchat.chat.ChunkChoice",
			"dev.arkchat.chat.ContentPart",
			"dev.arkchat.chat.ContentPart$ImageUrl",
			"dev.arkchat.chat.ContentPart$InputAudio",
			"dev.arkchat.chat.ContentPart$VideoUrl",
			"dev.arkchat.chat.FinishReason",
			"dev.arkchat.chat.FunctionCall",
			"dev.arkchat.chat.Logprobs",
			"dev.arkchat.chat.Logprobs$TokenLogprob",
			"dev.arkchat.chat.Logprobs$TopLogprob",
			"dev.arkchat.chat.StreamOptions",
			"dev.arkchat.chat.Thinking",
			"dev.arkchat.chat.Tool",
			"dev.arkchat.chat.Tool$Function",
			"dev.arkchat.chat.ToolCall",
			"dev.arkchat.chat.Usage",
			"dev.arkchat.chat.Usage$CompletionTokensDetails",
			"dev.arkchat.chat.Usage$PromptTokensDetails",
			"dev.arkchat.context.ContextChatChunk",
			"dev.arkchat.context.ContextChatCompletion",
			"dev.arkchat.context.ContextChatRequest",
			"dev.arkchat.context.ContextCreateRequest",
			"dev.arkchat.context.ContextCreateResult",
			"dev.arkchat.context.ContextMode",
			"dev.arkchat.context.TruncationStrategy",
			"dev.arkchat.knowledge.DocInfo",
			"dev.arkchat.knowledge.DocInfo$DocMetaField",
			"dev.arkchat.knowledge.KnowledgeAnswer",
			"dev.arkchat.knowledge.KnowledgeChatChunk",
			"dev.arkchat.knowledge.KnowledgeChatCompletion",
			"dev.arkchat.knowledge.KnowledgeChatData",
			"dev.arkchat.knowledge.KnowledgeChatRequest",
			"dev.arkchat.knowledge.KnowledgeChunk",
			"dev.arkchat.knowledge.KnowledgeChunk$ChunkAttachment",
			"dev.arkchat.knowledge.KnowledgeChunk$TableChunkField",
			"dev.arkchat.knowledge.KnowledgeEnvelope",
			"dev.arkchat.knowledge.KnowledgePromptInput",
			"dev.arkchat.knowledge.KnowledgeSearchRequest",
			"dev.arkchat.knowledge.KnowledgeSearchRequest$PostProcessing",
			"dev.arkchat.knowledge.KnowledgeSearchRequest$PreProcessing",
			"dev.arkchat.knowledge.KnowledgeSearchRequest$QueryParam",
			"dev.arkchat.knowledge.KnowledgeSearchResult",
			"dev.arkchat.knowledge.KnowledgeSearchResult$Data",
			"dev.arkchat.knowledge.KnowledgeSearchResult$TokenUsage",
			"dev.arkchat.knowledge.KnowledgeTemplate$Prepared",
			"dev.arkchat.knowledge.RerankModel",
			"dev.arkchat.http.ArkTransport$ResolvedPath",
			"dev.arkchat.http.RequestIds$Stamp");

	/**
	 * The hand-written deserializers that wire types name in {@code @JsonDeserialize(using = ...)}: Jackson creates
	 * them through their (package-private) constructors.
	 */
	static final List<String> DESERIALIZERS = List.of(
			"dev.arkchat.bot.BotAnswerDeserializer$Chunk",
			"dev.arkchat.bot.BotAnswerDeserializer$Completion",
			"dev.arkchat.bot.BotUsageDeserializers$Action",
			"dev.arkchat.bot.BotUsageDeserializers$Detail",
			"dev.arkchat.bot.BotUsageDeserializers$Model",
			"dev.arkchat.bot.BotUsageDeserializers$Tool",
			"dev.arkchat.bot.BotUsageDeserializers$Usage",
			"dev.arkchat.bot.ReferenceDeserializer",
			"dev.arkchat.chat.ChatDeltaDeserializer",
			"dev.arkchat.chat.ChatMessageDeserializer",
			"dev.arkchat.chat.ChoiceDeserializer$Chunk",
			"dev.arkchat.chat.ChoiceDeserializer$Whole");

	/** What Jackson uses: constructors and factories, accessors (public or not), fields. */
	static final MemberCategory[] CATEGORIES = { MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
			MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS,
			MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String type : TYPES) {
			hints.reflection().registerType(TypeReference.of(type), CATEGORIES);
		}
		for (String deserializer : DESERIALIZERS) {
			hints.reflection()
				.registerType(TypeReference.of(deserializer), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		}
	}

}
