package dev.arkchat.bot;

import java.util.List;
import java.util.Map;

import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ContentPart;
import dev.arkchat.chat.Thinking;
import dev.arkchat.chat.Tool;
import dev.arkchat.chat.ToolCall;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BotChatRequestJsonTest {

	@Test
	void requestWithEveryFieldIsSerializedExactly() {
		BotChatRequest request = BotChatRequest.builder()
			.bot("bot-20250101000000-abcde")
			.system("You are brief.")
			.message(ChatMessage.user(ContentPart.text("What is in this picture?"),
					ContentPart.imageUrl("https://example.com/cat.png", "high")))
			.message(ChatMessage.assistant(null, List.of(ToolCall.function("call_1", "get_weather", "{\"city\":\"北京\"}"))))
			.message(ChatMessage.tool("call_1", "晴，25°C"))
			.maxTokens(1024)
			.stop("END", "STOP")
			.frequencyPenalty(0.5)
			.presencePenalty(-0.5)
			.temperature(0.3)
			.topP(0.9)
			.logprobs(true)
			.topLogprobs(5)
			.logitBias(Map.of("1234", -100))
			.tools(Tool.function("get_weather", "Weather of a city",
					Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")))))
			.thinking(Thinking.DISABLED)
			.includeUsage()
			.userInfo("{\"city\":\"杭州\"}")
			.emitIntentionSignalExtra(true)
			.targetCharacterName("孙悟空")
			.groupChatConfig(new BotMetadata.GroupChatConfig("唐僧", "遇到妖精", List.of(new BotMetadata.Character("孙悟空",
					"齐天大圣", new BotMetadata.ModelDesc("ep-20250703110544-ht42m")))))
			.extraBody("tool_choice", "auto")
			.build()
			.withStream(true);

		String json = ArkJson.mapper().writeValueAsString(request);

		assertThat(ArkJson.mapper().readTree(json)).isEqualTo(ArkJson.mapper().readTree("""
				{
				  "model": "bot-20250101000000-abcde",
				  "messages": [
				    {"role": "system", "content": "You are brief."},
				    {"role": "user", "content": [
				      {"type": "text", "text": "What is in this picture?"},
				      {"type": "image_url", "image_url": {"url": "https://example.com/cat.png", "detail": "high"}}
				    ]},
				    {"role": "assistant", "tool_calls": [
				      {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"北京\\"}"}}
				    ]},
				    {"role": "tool", "content": "晴，25°C", "tool_call_id": "call_1"}
				  ],
				  "stream": true,
				  "max_tokens": 1024,
				  "stop": ["END", "STOP"],
				  "frequency_penalty": 0.5,
				  "presence_penalty": -0.5,
				  "temperature": 0.3,
				  "top_p": 0.9,
				  "logprobs": true,
				  "top_logprobs": 5,
				  "logit_bias": {"1234": -100},
				  "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather of a city",
				    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}],
				  "thinking": {"type": "disabled"},
				  "stream_options": {"include_usage": true},
				  "metadata": {
				    "user_info": "{\\"city\\":\\"杭州\\"}",
				    "emit_intention_signal_extra": "true",
				    "target_character_name": "孙悟空",
				    "group_chat_config": {"user_name": "唐僧", "description": "遇到妖精", "characters": [
				      {"name": "孙悟空", "system_prompt": "齐天大圣", "model_desc": {"endpoint_id": "ep-20250703110544-ht42m"}}
				    ]}
				  },
				  "tool_choice": "auto"
				}
				"""));
		assertThat(json).startsWith("{\"model\":\"bot-20250101000000-abcde\",\"messages\":");
	}

	@Test
	void minimalRequestSendsOnlyWhatWasSet() {
		BotChatRequest request = BotChatRequest.builder().bot("bot-1").user("hi").build().withStream(false);
		assertThat(ArkJson.mapper().writeValueAsString(request))
			.isEqualTo("{\"model\":\"bot-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
	}

}
