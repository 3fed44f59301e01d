package dev.arkchat.test;

import java.time.Duration;
import java.util.stream.Stream;

import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkServerException;
import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.context.ContextChatTemplate;
import dev.arkchat.context.ContextClient;
import dev.arkchat.context.ContextCreateRequest;
import dev.arkchat.context.ContextCreateResult;
import dev.arkchat.context.ContextMode;
import dev.arkchat.context.TruncationStrategy;
import dev.arkchat.http.ArkJson;
import dev.arkchat.http.RetrySettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code POST /api/v3/context/create} on the fake, driven by the real {@link ContextClient} and
 * {@link ContextChatTemplate}, and by raw HTTP for what the client refuses to send.
 */
class ContextCreateTests {

	static final String ENDPOINT = "ep-20250101000000-abcde";

	@RegisterExtension
	static final ArkMockServerExtension extension = new ArkMockServerExtension();

	ArkMockServer ark;

	ContextChatTemplate template;

	@BeforeEach
	void setUp(ArkMockServer server) {
		this.ark = server;
		this.template = ContextChatTemplate.builder(client(server)).endpointId(ENDPOINT).build();
	}

	static ContextClient client(ArkMockServer ark) {
		return ContextClient.builder()
			.baseUrl(ark.baseUrl())
			.apiKey("k")
			.transport((t) -> t.retry(RetrySettings.NONE))
			.build();
	}

	@Test
	void createsASessionContextAnsweringTtlAsAStringLikeTheDocumentation() throws Exception {
		ContextCreateResult created = this.template.createContext(ContextCreateRequest.builder()
			.system("You are Li Lei, a student.")
			.ttl(Duration.ofHours(1))
			.build());

		assertThat(created.id()).matches("ctx-\\d{14}-[a-z0-9]{5}");
		assertThat(created.model()).isEqualTo(ENDPOINT);
		assertThat(created.mode()).isEqualTo(ContextMode.SESSION);
		assertThat(created.ttl()).isEqualTo(3600L);
		assertThat(created.truncationStrategy()).isEqualTo(TruncationStrategy.ofLastHistoryTokens(4096));
		// "You are Li Lei, a student." is 26 code points: 7 tokens at one per four
		assertThat(created.usage().promptTokens()).isEqualTo(7);
		assertThat(created.usage().totalTokens()).isEqualTo(7);
		assertThat(created.usage().cachedTokens()).isZero();

		RawHttp.Response raw = RawHttp.post(this.ark, ContextClient.CREATE_PATH, "Bearer k",
				"{\"model\":\"" + ENDPOINT + "\",\"messages\":[],\"ttl\":7200}");
		JsonNode json = ArkJson.mapper().readTree(raw.body());
		assertThat(json.get("ttl").isString()).isTrue();
		assertThat(json.get("ttl").asString()).isEqualTo("7200");
		assertThat(raw.header("X-Request-Id")).hasSize(53);
	}

	@Test
	void theContextHoldsTheInitialMessagesAndTheirTokens() {
		ContextCreateResult created = this.template.createContext(ContextCreateRequest.builder()
			.system("Answer in one word.")
			.user("Remember: my name is Ada.")
			.build());

		MockContext context = this.ark.contexts().get(created.id());
		assertThat(context.endpointId()).isEqualTo(ENDPOINT);
		assertThat(context.messages()).extracting(ChatMessage::role).containsExactly(ChatRole.SYSTEM, ChatRole.USER);
		assertThat(context.tokens()).isEqualTo(created.usage().promptTokens()).isEqualTo(5 + 7);
		assertThat(context.turns()).isZero();
		assertThat(context.ttl()).isEqualTo(Duration.ofDays(1));
		assertThat(context.expiresAt()).isEqualTo(context.createdAt().plus(Duration.ofDays(1)));
		assertThat(context.expired()).isFalse();
		assertThat(this.ark.contexts().all()).extracting(MockContext::id).containsExactly(created.id());
	}

	@Test
	void aCommonPrefixContextHasNoTruncationAndTheServersDefaultTtl() {
		ContextCreateResult created = this.template.createContext(
				ContextCreateRequest.builder().system("A long shared prefix.").mode(ContextMode.COMMON_PREFIX).build());

		assertThat(created.mode()).isEqualTo(ContextMode.COMMON_PREFIX);
		assertThat(created.truncationStrategy()).isNull();
		assertThat(created.ttl()).isEqualTo(86400L);
		assertThat(this.ark.contexts().get(created.id()).truncationType()).isNull();
	}

	@Test
	void echoesTheRequestedTruncationStrategy() {
		ContextCreateResult created = this.template.createContext(ContextCreateRequest.builder()
			.system("s")
			.truncationStrategy(TruncationStrategy.ofRollingTokens())
			.build());

		assertThat(created.truncationStrategy()).isEqualTo(TruncationStrategy.ofRollingTokens());
		assertThat(this.ark.contexts().get(created.id()).lastHistoryTokens()).isNull();
	}

	@Test
	void eachContextGetsItsOwnId() {
		String first = this.template.createContext("a").id();
		String second = this.template.createContext("a").id();

		assertThat(first).isNotEqualTo(second);
		assertThat(this.ark.contexts().all()).extracting(MockContext::id).containsExactly(first, second);
	}

	@Test
	void failCreateAnswersTheErrorAndCreatesNothing() {
		this.ark.contextChat().failCreate(500, "InternalServiceError", "The service is busy");

		assertThatExceptionOfType(ArkServerException.class).isThrownBy(() -> this.template.createContext("s"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("InternalServiceError"));
		assertThat(this.ark.contexts().all()).isEmpty();
	}

	@Test
	void refusesAMissingApiKeyAndARequiredOneThatDiffers() throws Exception {
		assertThat(RawHttp.post(this.ark, ContextClient.CREATE_PATH, null, "{\"model\":\"" + ENDPOINT + "\"}")
			.status()).isEqualTo(401);
		this.ark.requireApiKey("right");

		assertThatExceptionOfType(ArkAuthenticationException.class).isThrownBy(() -> this.template.createContext("s"));
		assertThat(this.ark.contexts().all()).isEmpty();
	}

	static Stream<Arguments> invalidRequests() {
		return Stream.of(Arguments.of("{}", "MissingParameter", "model"),
				Arguments.of("{\"model\":\"bot-20250101000000-abcde\"}", "InvalidParameter", "model"),
				Arguments.of("{\"model\":\"ep-1\",\"messages\":{}}", "InvalidParameter", "messages"),
				Arguments.of("{\"model\":\"ep-1\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}",
						"InvalidParameter", "messages[0].role"),
				Arguments.of("{\"model\":\"ep-1\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
						+ "{\"role\":\"assistant\",\"content\":\"a\"}]}", "InvalidParameter", "messages"),
				Arguments.of("{\"model\":\"ep-1\",\"mode\":\"prefix\"}", "InvalidParameter", "mode"),
				Arguments.of("{\"model\":\"ep-1\",\"ttl\":3599}", "InvalidParameter", "ttl"),
				Arguments.of("{\"model\":\"ep-1\",\"ttl\":604801}", "InvalidParameter", "ttl"),
				Arguments.of("{\"model\":\"ep-1\",\"ttl\":\"3600\"}", "InvalidParameter", "ttl"),
				Arguments.of("{\"model\":\"ep-1\",\"mode\":\"common_prefix\",\"truncation_strategy\":"
						+ "{\"type\":\"rolling_tokens\"}}", "InvalidParameter", "truncation_strategy"),
				Arguments.of("{\"model\":\"ep-1\",\"truncation_strategy\":{}}", "MissingParameter",
						"truncation_strategy.type"),
				Arguments.of("{\"model\":\"ep-1\",\"truncation_strategy\":{\"type\":\"newest\"}}", "InvalidParameter",
						"truncation_strategy.type"),
				Arguments.of("{\"model\":\"ep-1\",\"truncation_strategy\":{\"type\":\"last_history_tokens\","
						+ "\"last_history_tokens\":0}}", "InvalidParameter", "truncation_strategy.last_history_tokens"),
				Arguments.of("{\"model\":\"ep-1\",\"truncation_strategy\":{\"type\":\"rolling_tokens\","
						+ "\"rolling_tokens\":\"yes\"}}", "InvalidParameter", "truncation_strategy.rolling_tokens"),
				Arguments.of("[1]", "InvalidParameter", ""));
	}

	@ParameterizedTest
	@MethodSource("invalidRequests")
	void refusesWhatArkRefusesNamingTheParameter(String body, String code, String param) throws Exception {
		RawHttp.Response response = RawHttp.post(this.ark, ContextClient.CREATE_PATH, "Bearer k", body);

		assertThat(response.status()).isEqualTo(400);
		JsonNode error = ArkJson.mapper().readTree(response.body()).get("error");
		assertThat(error.get("code").asString()).isEqualTo(code);
		assertThat(error.get("param").asString()).isEqualTo(param);
		assertThat(error.get("type").asString()).isEqualTo("BadRequest");
		assertThat(error.get("message").asString()).endsWith("Request id: " + response.header("X-Request-Id"));
		assertThat(this.ark.contexts().all()).isEmpty();
	}

}
