package dev.arkchat.bot;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.StreamOptions;
import dev.arkchat.chat.Thinking;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every documented rule is checked before sending, with a message naming the field, the value and what is allowed. */
class BotChatValidationTest {

	private static WireMockServer server;

	private static BotChatClient client;

	@BeforeAll
	static void start() {
		server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		client = BotChatClient.builder().baseUrl(server.baseUrl()).apiKey("k").build();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	static Stream<Arguments> rules() {
		return Stream.of(
				rule((b) -> b.maxTokens(4097), "max_tokens must be in [0, 4096] but was 4097"),
				rule((b) -> b.maxTokens(-1), "max_tokens must be in [0, 4096] but was -1"),
				rule((b) -> b.stop("a", "b", "c", "d", "e"), "stop allows at most 4 strings but has 5"),
				rule((b) -> b.frequencyPenalty(2.5), "frequency_penalty must be in [-2, 2] but was 2.5"),
				rule((b) -> b.presencePenalty(-2.1), "presence_penalty must be in [-2, 2] but was -2.1"),
				rule((b) -> b.temperature(1.5), "temperature must be in [0, 1] but was 1.5"),
				rule((b) -> b.temperature(-0.1), "temperature must be in [0, 1] but was -0.1"),
				rule((b) -> b.topP(1.01), "top_p must be in [0, 1] but was 1.01"),
				rule((b) -> b.logprobs(true).topLogprobs(21), "top_logprobs must be in [0, 20] but was 21"),
				rule((b) -> b.topLogprobs(3), "top_logprobs (3) is only allowed with logprobs set to true"),
				rule((b) -> b.logitBias(Map.of("42", 101)), "logit_bias[42] must be in [-100, 100] but was 101"),
				rule((b) -> b.message(ChatMessage.tool(" ", "result")),
						"messages[1].tool_call_id is required when role is tool"),
				rule((b) -> b.streamOptions(StreamOptions.INCLUDE_USAGE),
						"stream_options is only allowed when streaming"));
	}

	private static Arguments rule(UnaryOperator<BotChatRequest.Builder> change, String message) {
		return Arguments.of(change, message);
	}

	@ParameterizedTest
	@MethodSource("rules")
	void ruleIsCheckedBeforeAnythingIsSent(UnaryOperator<BotChatRequest.Builder> change, String message) {
		BotChatRequest request = change.apply(BotChatRequest.builder().bot("bot-1").user("hi")).build();
		assertThatIllegalArgumentException().isThrownBy(() -> client.chat(request)).withMessageContaining(message);
		if (request.options().streamOptions() == null) {
			assertThatIllegalArgumentException().isThrownBy(() -> client.stream(request))
				.withMessageContaining(message);
		}
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void missingBotAndEmptyMessagesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client.chat(BotChatRequest.builder().user("hi").build()))
			.withMessageContaining("model (the bot id) must be set");
		assertThatIllegalArgumentException().isThrownBy(() -> client.chat(BotChatRequest.builder().bot("bot-1").build()))
			.withMessage("messages must not be empty");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void unknownThinkingTypeNamesTheAllowedValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Thinking("sometimes"))
			.withMessage("thinking.type must be one of enabled, disabled, auto but was 'sometimes'");
	}

	@Test
	void boundariesAreAllowed() {
		BotChatRequest request = BotChatRequest.builder().bot("bot-1").user("hi").maxTokens(4096).temperature(0.0)
			.topP(1.0).frequencyPenalty(-2.0).presencePenalty(2.0).logprobs(true).topLogprobs(20)
			.stop("a", "b", "c", "d").logitBias(Map.of("1", -100, "2", 100)).build();
		request.validate(false);
		request.validate(true);
	}

}
