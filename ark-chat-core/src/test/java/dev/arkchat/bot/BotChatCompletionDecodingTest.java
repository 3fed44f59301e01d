package dev.arkchat.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arkchat.Fixtures;
import dev.arkchat.chat.ChatChoice;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.chat.ContentPart;
import dev.arkchat.chat.FinishReason;
import dev.arkchat.chat.ToolCall;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-written deserializers of a blocking bot answer ({@link BotChatCompletion}, {@link ChatChoice},
 * {@link ChatMessage}, {@link BotUsage} and its parts, {@link Reference}) decode exactly what Jackson's generic path
 * decodes: the same values for the real answers of the fixtures and for odd shapes (nulls, absent fields, coercible
 * scalars, unknown fields, content parts), and the same {@link JacksonException} wherever the generic path throws one.
 */
class BotChatCompletionDecodingTest {

	private static final JsonMapper GENERIC = GenericDecoding.mapper(BotChatCompletion.class, ChatChoice.class,
			ChatMessage.class, BotUsage.class, BotUsage.ModelUsage.class, BotUsage.ActionUsage.class,
			BotUsage.ActionDetail.class, BotUsage.ToolDetail.class, Reference.class);

	static Stream<String> answers() {
		List<String> answers = new ArrayList<>();
		answers.add(Fixtures.withoutElisions("bot-chat-v3-nonstream-websearch-references.doc.txt"));
		answers.add(Fixtures.raw("bot-chat-v3-nonstream-multiturn.doc.json"));
		answers.add(Fixtures.raw("bot-chat-v3-nonstream-groupchat.doc.json"));
		answers.addAll(List.of("{}", "{\"choices\":null}", "{\"choices\":[]}",
				"{\"id\":null,\"object\":null,\"created\":null,\"model\":null,\"usage\":null,\"bot_usage\":null,"
						+ "\"references\":null,\"metadata\":null}",
				"{\"created\":\"1744102143\",\"choices\":[{\"index\":\"1\",\"finish_reason\":\"length\","
						+ "\"message\":{\"role\":\"assistant\",\"content\":\"a\"}}]}",
				// messages: every role, content as text, null, parts, other JSON; tool calls
				"{\"choices\":[{\"message\":{\"role\":\"ASSISTANT\",\"content\":null,\"reasoning_content\":\"r\","
						+ "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
						+ "\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}",
				"{\"choices\":[{\"message\":{\"role\":\"tool\",\"content\":\"42\",\"tool_call_id\":\"c1\","
						+ "\"name\":\"f\"}}]}",
				"{\"choices\":[{\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},"
						+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}]}}]}",
				"{\"choices\":[{\"message\":{\"role\":\"system\",\"content\":5}}]}",
				"{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":{\"a\":1}}}]}",
				"{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":true,\"x\":[1,{}]},\"y\":null}]}",
				"{\"choices\":[{\"message\":{\"role\":\"assistant\"},\"finish_reason\":null,\"logprobs\":null,"
						+ "\"index\":null}]}",
				"{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"x\"},\"logprobs\":{\"content\":"
						+ "[{\"token\":\"x\",\"bytes\":[120],\"logprob\":-0.5,\"top_logprobs\":[]}]}}]}",
				"{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"reasoning_content\":null,"
						+ "\"tool_calls\":null,\"tool_call_id\":null,\"name\":null}}]}",
				"{\"choices\":[{\"message\":null}]}", "{\"choices\":[{}]}",
				// usage in both forms, as numbers and as strings, with nulls and unknown fields
				"{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3},\"bot_usage\":"
						+ "{\"model_usage\":[{\"name\":\"m\",\"prompt_tokens\":1,\"completion_tokens\":2,"
						+ "\"total_tokens\":3,\"extra\":1},{\"prompt_tokens\":null,\"total_tokens\":\"9\"},{}],"
						+ "\"action_usage\":[{\"name\":\"content_plugin\",\"search_count\":\"2\",\"prompt_tokens\":"
						+ "\"10\",\"completion_tokens\":null,\"total_tokens\":12},{\"action_name\":\"a\","
						+ "\"count\":1}],\"action_details\":[{\"name\":\"a\",\"count\":null,\"tool_details\":[{"
						+ "\"name\":\"search\",\"input\":null,\"output\":{\"a\":[1,2]},\"created_at\":1744102143000,"
						+ "\"completed_at\":\"1744102143001\",\"more\":{}},{}]},{\"tool_details\":null}],"
						+ "\"x\":[]}}",
				"{\"bot_usage\":{\"model_usage\":null,\"action_usage\":null,\"action_details\":null}}",
				"{\"bot_usage\":{}}", "{\"bot_usage\":{\"model_usage\":[null]}}",
				// references: web, knowledge, cover image, numbers where strings are expected, nulls
				"{\"references\":[{\"url\":\"https://example.com\",\"logo_url\":\"l\",\"mobile_url\":\"m\","
						+ "\"site_name\":\"s\",\"title\":\"t\",\"summary\":\"u\",\"publish_time\":0,"
						+ "\"cover_image\":{\"url\":\"c\",\"width\":1,\"height\":2},\"extra\":{\"rel_score\":0.9}},"
						+ "{\"collection_name\":\"c\",\"project\":\"default\",\"doc_id\":\"d\",\"doc_name\":\"n\","
						+ "\"doc_type\":\"pdf\",\"doc_title\":\"t\",\"chunk_id\":\"7\",\"chunk_title\":\"ct\","
						+ "\"page_nums\":\"[1,2]\",\"origin_text_token_len\":\"12\",\"file_name\":\"f.pdf\"},"
						+ "{\"extra\":null,\"page_nums\":null,\"cover_image\":null,\"url\":null,\"z\":[1]},{}]}",
				"{\"references\":[{\"page_nums\":[1,2],\"chunk_id\":7,\"origin_text_token_len\":12.0}]}",
				"{\"metadata\":{}}", "{\"metadata\":{\"target_character_name\":\"小明\",\"unknown\":[1]}}",
				// malformed or refused: both must fail with the same JacksonException
				"{\"choices\":[null]}", "{\"choices\":[{\"message\":{\"content\":\"no role\"}}]}",
				"{\"choices\":[{\"message\":{\"role\":\"robot\"}}]}", "{\"choices\":[{\"message\":{\"role\":\"\"}}]}",
				"{\"choices\":[{\"message\":\"x\"}]}", "{\"choices\":\"x\"}", "{\"choices\":[{\"index\":{}}]}",
				"{\"choices\":[{\"finish_reason\":5}]}", "{\"created\":{}}", "{\"id\":{\"a\":1}}", "[1]", "\"text\"",
				"{\"bot_usage\":{\"model_usage\":[{\"prompt_tokens\":{}}]}}",
				"{\"bot_usage\":{\"action_usage\":[{\"count\":\"many\"}]}}", "{\"bot_usage\":[]}",
				"{\"references\":[{\"cover_image\":\"x\"}]}", "{\"references\":[\"x\"]}",
				"{\"choices\":[{\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":{}}]}}]}"));
		return answers.stream();
	}

	@ParameterizedTest
	@MethodSource("answers")
	void decodesWhatJacksonsGenericPathDecodes(String json) {
		GenericDecoding.assertDecodesAlike(GENERIC, json, BotChatCompletion.class);
	}

	@Test
	void theRealAnswerIsReadInFull() {
		BotChatCompletion answer = ArkJson.mapper()
			.readValue(Fixtures.withoutElisions("bot-chat-v3-nonstream-websearch-references.doc.txt"),
					BotChatCompletion.class);
		assertThat(answer.choices()).singleElement().satisfies((choice) -> {
			assertThat(choice.finishReason()).isEqualTo(FinishReason.STOP);
			assertThat(choice.message().role()).isEqualTo(ChatRole.ASSISTANT);
			assertThat(choice.message().content()).startsWith("以下是杭州今天（2025年4月8日）的天气情况");
		});
		assertThat(answer.botUsage().modelUsage()).singleElement()
			.isEqualTo(new BotUsage.ModelUsage("doubao-1-5-pro-32k-250115", 1960, 99, 2059));
		assertThat(answer.botUsage().actionDetails().get(0).toolDetails().get(0).input().path("queries").get(0)
			.asString()).isEqualTo("杭州今天天气");
		assertThat(answer.references()).hasSize(2).allSatisfy((reference) -> {
			assertThat(reference.url()).startsWith("https://");
			assertThat(reference.isKnowledge()).isFalse();
		});
		assertThat(answer.metadata()).isEqualTo(new BotMetadata(null, null, null, null));
	}

	@Test
	void theGenericPathReallyIsTheGenericOne() {
		// camelCase names are accepted only by the hand-written deserializers: the mix-ins did take them away
		String camel = "{\"botUsage\":{\"modelUsage\":[{\"totalTokens\":3}]},\"references\":[{\"siteName\":\"s\"}]}";
		assertThat(GENERIC.readValue(camel, BotChatCompletion.class).botUsage()).isNull();
		BotChatCompletion answer = ArkJson.mapper().readValue(camel, BotChatCompletion.class);
		assertThat(answer.botUsage().totalTokens()).isEqualTo(3);
		assertThat(answer.references().get(0).siteName()).isEqualTo("s");
	}

	@Test
	void anAnswerWrittenByAnApplicationsOwnMapperReadsBack() {
		// an application may relay answers with its own mapper (camelCase): reading them back gives the same answer
		// (nulls left out: a JSON null reads back as a JSON tree's null node, on Jackson's generic path too)
		JsonMapper plain = JsonMapper.builder()
			.changeDefaultPropertyInclusion((value) -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
					JsonInclude.Include.NON_NULL))
			.build();
		BotChatCompletion answer = new BotChatCompletion("id-1", "chat.completion", 1744102143L, "m",
				List.of(new ChatChoice(0, ChatMessage.assistant("a"), FinishReason.STOP, null),
						new ChatChoice(1, ChatMessage.user(ContentPart.text("t")), null, null)),
				null,
				new BotUsage(List.of(new BotUsage.ModelUsage("m", 1, 2, 3)),
						List.of(new BotUsage.ActionUsage("a", 1, null, null, null, null, null)),
						List.of(new BotUsage.ActionDetail("a", 1, List.of(new BotUsage.ToolDetail("search",
								JsonNodeFactory.instance.objectNode().put("q", "x"), null, 1L, 2L))))),
				List.of(Reference.web("https://example.com", "t", "s"), Reference.knowledge("c", "d", "7", "ct")),
				new BotMetadata(null, null, "x", null));
		assertThat(plain.readValue(plain.writeValueAsString(answer), BotChatCompletion.class)).isEqualTo(answer);
	}

	@Test
	void aToolCallingMessageKeepsItsCalls() {
		ChatMessage message = ArkJson.mapper()
			.readValue("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
					+ "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}", ChatMessage.class);
		assertThat(message.toolCalls()).containsExactly(ToolCall.function("c1", "f", "{}"));
		assertThat(message.content()).isEmpty();
	}

	@Test
	void unknownPropertiesFailWhereTheMapperAsksForIt() {
		JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		assertThatThrownBy(() -> strict.readValue("{\"references\":[{\"surprise\":1}]}", BotChatCompletion.class))
			.isInstanceOf(JacksonException.class)
			.hasMessageContaining("surprise");
		assertThatThrownBy(() -> strict.readValue("{\"bot_usage\":{\"model_usage\":[{\"surprise\":1}]}}",
				BotChatCompletion.class))
			.isInstanceOf(JacksonException.class)
			.hasMessageContaining("surprise");
	}

}
