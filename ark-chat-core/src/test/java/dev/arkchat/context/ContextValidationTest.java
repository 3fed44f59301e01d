package dev.arkchat.context;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.arkchat.http.RetrySettings;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every documented rule is checked before sending: the message names field, value and what is allowed. */
class ContextValidationTest {

	private static WireMockServer wireMock;

	private ContextClient client;

	@BeforeAll
	static void start() {
		wireMock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		wireMock.start();
	}

	@AfterAll
	static void stop() {
		wireMock.stop();
	}

	@BeforeEach
	void setUp() {
		wireMock.resetAll();
		this.client = ContextClient.builder().baseUrl("http://127.0.0.1:" + wireMock.port()).apiKey("k")
			.transport((t) -> t.retry(RetrySettings.NONE)).build();
	}

	@AfterEach
	void nothingWasSent() {
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	static Stream<Arguments> invalidCreates() {
		return Stream.of(
				create("no endpoint", (b) -> b.endpoint(null), "model (the endpoint id, ep-…) must be set"),
				create("blank endpoint", (b) -> b.endpoint(" "), "model (the endpoint id, ep-…) must be set"),
				create("unknown mode", (b) -> b.mode(ContextMode.of("sliding")),
						"mode must be one of session, common_prefix but was 'sliding'"),
				create("ttl too short", (b) -> b.ttlSeconds(3599L), "ttl (seconds) must be in [3600, 604800] but was 3599"),
				create("ttl too long", (b) -> b.ttl(java.time.Duration.ofDays(8)),
						"ttl (seconds) must be in [3600, 604800] but was 691200"),
				create("truncation outside session mode",
						(b) -> b.mode(ContextMode.COMMON_PREFIX).truncationStrategy(TruncationStrategy.ofRollingTokens()),
						"truncation_strategy is only allowed in mode session but mode was 'common_prefix'"),
				create("unknown truncation type",
						(b) -> b.truncationStrategy(new TruncationStrategy("middle_out", null, null, null, null)),
						"truncation_strategy.type must be one of last_history_tokens, rolling_tokens but was 'middle_out'"),
				create("no history tokens", (b) -> b.truncationStrategy(TruncationStrategy.ofLastHistoryTokens(0)),
						"truncation_strategy.last_history_tokens must be at least 1 but was 0"),
				create("trailing assistant", (b) -> b.assistant("I am Li Lei"),
						"messages[1].role (the last message) must be one of system, user, tool but was assistant"),
				create("tool without call id", (b) -> b.message(ChatMessage.tool(" ", "42")),
						"messages[1].tool_call_id is required when role is tool"));
	}

	private static Arguments create(String name, Consumer<ContextCreateRequest.Builder> change, String message) {
		return Arguments.of(name, change, message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCreates")
	void invalidCreateRequestsAreRefused(String name, Consumer<ContextCreateRequest.Builder> change, String message) {
		ContextCreateRequest.Builder builder = ContextCreateRequest.builder().endpoint("ep-1").system("Be brief.");
		change.accept(builder);
		ContextCreateRequest request = builder.build();

		assertThatIllegalArgumentException().isThrownBy(() -> this.client.create(request)).withMessageContaining(message);
	}

	static Stream<Arguments> invalidChats() {
		return Stream.of(
				chat("no endpoint", (b) -> b.endpoint(null), "model (the endpoint id, ep-…) must be set"),
				chat("no context id", (b) -> b.contextId(null), "context_id must be set"),
				chat("blank context id", (b) -> b.contextId(""), "context_id must be set"),
				chat("trailing assistant", (b) -> b.assistant("earlier answer"),
						"messages[1].role (the last message) must be one of system, user, tool but was assistant"),
				chat("tools", (b) -> b.tools(Tool.function("lookup", "Looks up", Map.of("type", "object"))),
						"tools is not supported by context chat but 1 tool(s) were given"),
				chat("temperature", (b) -> b.temperature(1.5), "temperature must be in [0, 1] but was 1.5"),
				chat("top_p", (b) -> b.topP(-0.1), "top_p must be in [0, 1] but was -0.1"),
				chat("max_tokens", (b) -> b.maxTokens(5000), "max_tokens must be in [0, 4096] but was 5000"),
				chat("five stop words", (b) -> b.stop("a", "b", "c", "d", "e"), "stop allows at most 4 strings but has 5"),
				chat("frequency penalty", (b) -> b.frequencyPenalty(2.5),
						"frequency_penalty must be in [-2, 2] but was 2.5"),
				chat("presence penalty", (b) -> b.presencePenalty(-3.0),
						"presence_penalty must be in [-2, 2] but was -3.0"),
				chat("top_logprobs without logprobs", (b) -> b.topLogprobs(2),
						"top_logprobs (2) is only allowed with logprobs set to true"),
				chat("logit bias", (b) -> b.logitBias(Map.of("7", 101)), "logit_bias[7] must be in [-100, 100] but was 101"));
	}

	private static Arguments chat(String name, Consumer<ContextChatRequest.Builder> change, String message) {
		return Arguments.of(name, change, message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidChats")
	void invalidChatRequestsAreRefusedBlockingAndStreamed(String name, Consumer<ContextChatRequest.Builder> change,
			String message) {
		ContextChatRequest.Builder builder = ContextChatRequest.builder().endpoint("ep-1").contextId("ctx-1").user("hi");
		change.accept(builder);
		ContextChatRequest request = builder.build();

		assertThatIllegalArgumentException().isThrownBy(() -> this.client.chat(request)).withMessageContaining(message);
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.stream(request))
			.withMessageContaining(message);
	}

	@org.junit.jupiter.api.Test
	void aChatNeedsAMessage() {
		ContextChatRequest request = ContextChatRequest.builder().endpoint("ep-1").contextId("ctx-1")
			.messages(Collections.emptyList()).build();

		assertThatIllegalArgumentException().isThrownBy(() -> this.client.chat(request))
			.withMessageContaining("messages must not be empty");
	}

	@org.junit.jupiter.api.Test
	void streamOptionsNeedAStream() {
		ContextChatRequest request = ContextChatRequest.builder().endpoint("ep-1").contextId("ctx-1").user("hi")
			.includeUsage().build();

		assertThatIllegalArgumentException().isThrownBy(() -> this.client.chat(request))
			.withMessageContaining("stream_options is only allowed when streaming");
	}

	@org.junit.jupiter.api.Test
	void sessionsRefuseInitialMessagesEndingWithAnAnswer() {
		ContextChatTemplate template = new ContextChatTemplate(this.client, "ep-1");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContextSessions.builder(template)
				.initialMessages(List.of(ChatMessage.system("s"), ChatMessage.assistant("a")))
				.build())
			.withMessageContaining("messages[1].role (the last message)");
	}

}
