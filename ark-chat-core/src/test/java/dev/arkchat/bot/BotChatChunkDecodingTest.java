package dev.arkchat.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.arkchat.Fixtures;
import dev.arkchat.chat.ChatDelta;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.chat.ChunkChoice;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.ToolCall;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-written deserializers of the per-event types ({@link BotChatChunk}, {@link ChunkChoice},
 * {@link ChatDelta}) decode exactly what Jackson's generic record deserialization decodes: the same values for every
 * real event of the fixtures and for the odd shapes (nulls, missing fields, coercible scalars, unknown nested
 * fields, metadata), and a {@link JacksonException} wherever the generic path throws one.
 */
class BotChatChunkDecodingTest {

	private static final JsonMapper GENERIC = GenericDecoding.mapper(BotChatChunk.class, ChunkChoice.class,
			ChatDelta.class);

	static Stream<String> events() {
		List<String> events = new ArrayList<>();
		Fixtures.raw("ark-stream-reasoning-then-tool-calls.thirdparty.sse")
			.lines()
			.filter((line) -> line.startsWith("data: {"))
			.map((line) -> line.substring(6))
			.forEach(events::add);
		Fixtures.withoutElisions("bot-chat-v3-stream-include-usage.doc.txt")
			.lines()
			.filter((line) -> line.startsWith("{"))
			.forEach(events::add);
		events.addAll(List.of("{}", "{\"choices\":null}", "{\"choices\":[]}",
				"{\"choices\":[{\"index\":null,\"delta\":null,\"finish_reason\":null,\"logprobs\":null}]}",
				"{\"choices\":[{\"delta\":{}}]}", "{\"choices\":[null]}",
				"{\"choices\":[{\"delta\":{\"role\":\"ASSISTANT\",\"content\":5,\"reasoning_content\":true}}]}",
				"{\"choices\":[{\"delta\":{\"role\":\"tool\",\"tool_calls\":null}}]}",
				"{\"created\":\"1751892518\",\"choices\":[{\"index\":\"2\",\"finish_reason\":\"\"}]}",
				"{\"created\":null,\"id\":null,\"model\":null,\"object\":null,\"usage\":null,\"bot_usage\":null,"
						+ "\"references\":null,\"metadata\":null}",
				"{\"x\":{\"a\":[1,{\"b\":2}]},\"choices\":[{\"delta\":{\"y\":[{}],\"content\":\"a\"},\"z\":null}],\"w\":[]}",
				"{\"metadata\":{}}", "{\"metadata\":{\"user_info\":\"{\\\"city\\\":\\\"杭州\\\"}\","
						+ "\"target_character_name\":\"小明\",\"unknown\":[1]}}",
				"{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"x\"},\"finish_reason\":\"length\","
						+ "\"logprobs\":{\"content\":[{\"token\":\"x\",\"bytes\":[120],\"logprob\":-0.5,"
						+ "\"top_logprobs\":[{\"token\":\"y\",\"bytes\":null,\"logprob\":-1.5}]}]}}],"
						+ "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3,"
						+ "\"prompt_tokens_details\":{\"cached_tokens\":1}}}",
				"{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
						+ "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\"}},{\"index\":0,"
						+ "\"function\":{\"arguments\":\"1}\"}}]}}]}",
				"{\"references\":[{\"url\":\"https://example.com\",\"title\":\"t\"}],\"choices\":[]}",
				// malformed: both must fail with a JacksonException
				"{\"choices\":[{\"delta\":{\"role\":\"\"}}]}", "{\"choices\":\"x\"}", "{\"choices\":[{\"delta\":\"x\"}]}",
				"{\"choices\":[{\"finish_reason\":5}]}", "{\"created\":{}}", "{\"id\":{\"a\":1}}", "[1]", "\"text\"",
				"{\"choices\":[{\"index\":{}}]}", "{\"choices\":[{\"delta\":{\"content\":[\"a\",\"b\"]}}]}"));
		return events.stream();
	}

	@ParameterizedTest
	@MethodSource("events")
	void decodesWhatJacksonsGenericPathDecodes(String json) {
		GenericDecoding.assertDecodesAlike(GENERIC, json, BotChatChunk.class);
	}

	@Test
	void theGenericPathReallyIsTheGenericOne() {
		// camelCase names are accepted only by the hand-written deserializers: the mix-ins did take them away
		String camel = "{\"choices\":[{\"finishReason\":\"stop\",\"delta\":{\"reasoningContent\":\"r\"}}]}";
		assertThat(GENERIC.readValue(camel, BotChatChunk.class).choices().get(0).finishReason()).isNull();
		ChunkChoice choice = ArkJson.mapper().readValue(camel, BotChatChunk.class).choices().get(0);
		assertThat(choice.finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(choice.delta().reasoningContent()).isEqualTo("r");
	}

	@Test
	void aChunkWrittenByAnApplicationsOwnMapperReadsBack() {
		// an application may relay chunks with its own mapper (camelCase): reading them back gives the same chunk
		JsonMapper plain = JsonMapper.builder().build();
		BotChatChunk chunk = new BotChatChunk("id-1", "chat.completion.chunk", 1751892518L, "m",
				List.of(new ChunkChoice(0, new ChatDelta(ChatRole.ASSISTANT, "a", "b",
						List.of(ToolCall.function("c1", "f", "{}"))), FinishReason.TOOL_CALLS, null)),
				null, null, null, new BotMetadata(null, null, "x", null));
		assertThat(plain.readValue(plain.writeValueAsString(chunk), BotChatChunk.class)).isEqualTo(chunk);
	}

	@Test
	void emptyMetadataIsAnEmptyRecordAndChoicesDefaultToEmpty() {
		BotChatChunk chunk = ArkJson.mapper().readValue("{\"metadata\":{},\"id\":\"a\"}", BotChatChunk.class);
		assertThat(chunk.metadata()).isEqualTo(new BotMetadata(null, null, null, null));
		assertThat(chunk.choices()).isEmpty();
		assertThat(chunk.id()).isEqualTo("a");
	}

	@Test
	void unknownPropertiesFailWhereTheMapperAsksForIt() {
		JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		assertThatThrownBy(() -> strict.readValue("{\"choices\":[{\"delta\":{\"surprise\":1}}]}", BotChatChunk.class))
			.isInstanceOf(JacksonException.class)
			.hasMessageContaining("surprise");
	}

}
