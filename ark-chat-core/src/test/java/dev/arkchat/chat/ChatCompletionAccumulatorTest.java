package dev.arkchat.chat;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionAccumulatorTest {

	private static ChunkChoice delta(int index, ChatDelta delta, String finish) {
		return new ChunkChoice(index, delta, (finish != null) ? FinishReason.of(finish) : null, null);
	}

	private static ChatDelta calls(ToolCall... calls) {
		return new ChatDelta(null, null, null, List.of(calls));
	}

	@Test
	void textAndReasoningAreConcatenatedPerChoice() {
		ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
		acc.add(List.of(delta(0, new ChatDelta(ChatRole.ASSISTANT, "", "思", null), null),
				delta(1, new ChatDelta(ChatRole.ASSISTANT, "B", null, null), null)));
		acc.add(List.of(delta(0, new ChatDelta(ChatRole.ASSISTANT, "A1", "考", null), null)));
		acc.add(List.of(delta(0, new ChatDelta(null, "A2", null, null), "stop"),
				delta(1, new ChatDelta(null, "B2", null, null), "length")));
		acc.add(List.of());

		List<ChatChoice> choices = acc.choices();
		assertThat(choices).hasSize(2);
		assertThat(choices.get(0).message().content()).isEqualTo("A1A2");
		assertThat(choices.get(0).message().reasoningContent()).isEqualTo("思考");
		assertThat(choices.get(0).finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(choices.get(1).message().content()).isEqualTo("BB2");
		assertThat(choices.get(1).finishReason()).isEqualTo(FinishReason.LENGTH);
	}

	@Test
	void fragmentsWithIndexAndIdOnce() {
		ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
		acc.add(List.of(delta(0, calls(new ToolCall(0, "c1", "function", new FunctionCall("f", ""))), null)));
		acc.add(List.of(delta(0, calls(new ToolCall(0, null, null, new FunctionCall(null, "{\"a\":"))), null)));
		acc.add(List.of(delta(0, calls(new ToolCall(0, null, null, new FunctionCall(null, "1}"))), "tool_calls")));

		ChatMessage message = acc.choices().get(0).message();
		assertThat(message.content()).isNull();
		assertThat(message.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).isEqualTo("c1");
			assertThat(call.name()).isEqualTo("f");
			assertThat(call.arguments()).isEqualTo("{\"a\":1}");
		});
	}

	@Test
	void fragmentsThatRepeatTheIdEveryTimeWithoutIndex() {
		ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
		acc.add(List.of(delta(0, calls(new ToolCall(null, "c1", "function", new FunctionCall("f", "{\"a\""))), null)));
		acc.add(List.of(delta(0, calls(new ToolCall(null, "c1", "function", new FunctionCall("f", ":2}"))), null)));
		acc.add(List.of(delta(0, calls(new ToolCall(null, "c2", "function", new FunctionCall("g", "{}"))), null)));

		List<ToolCall> calls = acc.choices().get(0).message().toolCalls();
		assertThat(calls).extracting(ToolCall::id).containsExactly("c1", "c2");
		assertThat(calls).extracting(ToolCall::arguments).containsExactly("{\"a\":2}", "{}");
	}

	@Test
	void wholeCallsInOneChunkAndNullArguments() {
		ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
		acc.add(List.of(delta(0, calls(new ToolCall(0, "c1", "function", new FunctionCall("f", "{\"x\":1}")),
				new ToolCall(1, "c2", "function", new FunctionCall("g", null))), "tool_calls")));

		List<ToolCall> calls = acc.choices().get(0).message().toolCalls();
		assertThat(calls).extracting(ToolCall::name).containsExactly("f", "g");
		assertThat(calls).extracting(ToolCall::arguments).containsExactly("{\"x\":1}", null);
	}

	@Test
	void logprobsAreCollected() {
		ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
		Logprobs.TokenLogprob a = new Logprobs.TokenLogprob("a", List.of(97), -0.1, List.of());
		Logprobs.TokenLogprob b = new Logprobs.TokenLogprob("b", List.of(98), -0.2, null);
		acc.add(List.of(new ChunkChoice(0, new ChatDelta(null, "a", null, null), null, new Logprobs(List.of(a)))));
		acc.add(List.of(new ChunkChoice(0, new ChatDelta(null, "b", null, null), null, new Logprobs(List.of(b)))));
		assertThat(acc.choices().get(0).logprobs().content()).containsExactly(a, b);
	}

}
