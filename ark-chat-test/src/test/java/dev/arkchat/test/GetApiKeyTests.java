package dev.arkchat.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkRegion;
import dev.arkchat.ArkServerException;
import dev.arkchat.ArkTimeoutException;
import dev.arkchat.auth.SignedRequest;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.auth.VolcengineSigner;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatRequest;
import dev.arkchat.http.ArkJson;
import dev.arkchat.http.RetrySettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fake's {@code GetApiKey}, driven by core's real {@link TemporaryApiKeyProvider} and, for what that client would
 * never send, by requests signed by hand with {@link VolcengineSigner}.
 */
class GetApiKeyTests {

	static final String ACCESS_KEY = "AKLTgetApiKeyTests0001";

	static final String SECRET_KEY = "c2VjcmV0LWZvci1nZXRhcGlrZXktdGVzdHM=";

	static final String BOT = "bot-20250101000000-abcde";

	static final String OTHER_BOT = "bot-20250101000000-other";

	static final String PATH = "/?Action=GetApiKey&Version=2024-01-01";

	static ArkMockServer ark;

	@BeforeAll
	static void startServer() {
		ark = ArkMockServer.start();
	}

	@AfterAll
	static void stopServer() {
		ark.close();
	}

	@BeforeEach
	void setUp() {
		ark.reset();
	}

	static TemporaryApiKeyProvider.Builder provider(String accessKey, String secretKey) {
		return TemporaryApiKeyProvider.builder()
			.credentials(accessKey, secretKey)
			.baseUrl(ark.baseUrl())
			.restClientBuilder(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()));
	}

	@Test
	void issuesAKeyForTheSignedRequestWithTheRequestedLifetime() {
		ark.requireCredentials(ACCESS_KEY, SECRET_KEY);
		Instant before = Instant.now().minusSeconds(1);

		String key = provider(ACCESS_KEY, SECRET_KEY).duration(Duration.ofDays(3)).build().getApiKey(BOT);

		List<IssuedKey> issued = ark.issuedKeys();
		assertThat(issued).hasSize(1);
		assertThat(issued.get(0).apiKey()).isEqualTo(key).startsWith("ark-tmp-");
		assertThat(issued.get(0).resourceType()).isEqualTo("bot");
		assertThat(issued.get(0).resourceIds()).containsExactly(BOT);
		assertThat(issued.get(0).expiresAt()).isBetween(before.plus(Duration.ofDays(3)),
				Instant.now().plus(Duration.ofDays(3)));
		assertThat(issued.get(0).toString()).doesNotContain(key);
		RecordedRequest sent = ark.requests().get(0);
		assertThat(sent.url()).isEqualTo(PATH);
		assertThat(sent.bodyJson()).isEqualTo(ArkJson.mapper()
			.readTree("{\"DurationSeconds\":259200,\"ResourceType\":\"bot\",\"ResourceIds\":[\"" + BOT + "\"]}"));
	}

	@Test
	void answersTheOpenApiShape() throws Exception {
		RawAnswer answer = signedPost(VolcengineCredentials.of(ACCESS_KEY, SECRET_KEY), "cn-beijing", PATH,
				"{\"DurationSeconds\":600,\"ResourceType\":\"endpoint\",\"ResourceIds\":[\"ep-20250101-x\"],"
						+ "\"ProjectName\":\"default\"}");

		assertThat(answer.status()).isEqualTo(200);
		JsonNode metadata = answer.json().get("ResponseMetadata");
		assertThat(metadata.get("RequestId").asString()).isNotBlank();
		assertThat(metadata.get("Action").asString()).isEqualTo("GetApiKey");
		assertThat(metadata.get("Version").asString()).isEqualTo("2024-01-01");
		assertThat(metadata.get("Service").asString()).isEqualTo("ark");
		assertThat(metadata.get("Region").asString()).isEqualTo("cn-beijing");
		assertThat(metadata.has("Error")).isFalse();
		JsonNode result = answer.json().get("Result");
		assertThat(result.get("ApiKey").asString()).isEqualTo(ark.issuedKeys().get(0).apiKey());
		assertThat(result.get("ExpiredTime").isIntegralNumber()).isTrue();
		assertThat(result.get("ExpiredTime").longValue())
			.isEqualTo(ark.issuedKeys().get(0).expiresAt().getEpochSecond());
	}

	@Test
	void acceptsAnyWellFormedSignatureWhenNoCredentialsAreRequired() {
		String key = provider("AKLTanyAccessKey000001", "any-secret").build().getApiKey(BOT);

		assertThat(ark.issuedKeys()).extracting(IssuedKey::apiKey).containsExactly(key);
	}

	@Test
	void refusesAnotherSecretWithSignatureDoesNotMatch() {
		ark.requireCredentials(ACCESS_KEY, SECRET_KEY);
		TemporaryApiKeyProvider provider = provider(ACCESS_KEY, "not-the-secret").build();

		ArkAuthenticationException failure = catchThrowableOfType(ArkAuthenticationException.class,
				() -> provider.getApiKey(BOT));

		assertThat(failure.getStatusCode()).isEqualTo(401);
		assertThat(failure.getCode()).isEqualTo("SignatureDoesNotMatch");
		assertThat(failure.getRequestId()).isNotBlank();
		assertThat(failure.getMessage()).doesNotContain("not-the-secret").doesNotContain(SECRET_KEY);
		assertThat(ark.issuedKeys()).isEmpty();
	}

	@Test
	void refusesAnotherAccessKeyWithInvalidAccessKey() {
		ark.requireCredentials(ACCESS_KEY, SECRET_KEY);
		TemporaryApiKeyProvider provider = provider("AKLTsomebodyElse000001", SECRET_KEY).build();

		ArkAuthenticationException failure = catchThrowableOfType(ArkAuthenticationException.class,
				() -> provider.getApiKey(BOT));

		assertThat(failure.getCode()).isEqualTo("InvalidAccessKey");
		assertThat(ark.issuedKeys()).isEmpty();
	}

	@Test
	void refusesABodyChangedAfterSigning() throws Exception {
		ark.requireCredentials(ACCESS_KEY, SECRET_KEY);
		String signedBody = "{\"DurationSeconds\":600,\"ResourceType\":\"bot\",\"ResourceIds\":[\"" + BOT + "\"]}";
		HttpHeaders headers = sign(VolcengineCredentials.of(ACCESS_KEY, SECRET_KEY), "cn-beijing", PATH, signedBody);

		RawAnswer answer = post(PATH, headers, signedBody.replace("600", "2592000"));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(error(answer).get("Code").asString()).isEqualTo("SignatureDoesNotMatch");
		assertThat(error(answer).get("CodeN").intValue()).isEqualTo(100010);
		// the same request unchanged is accepted: the check above failed on the body alone
		assertThat(post(PATH, headers, signedBody).status()).isEqualTo(200);
	}

	@Test
	void refusesARequestWithoutSignature() throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Content-Type", "application/json");

		RawAnswer answer = post(PATH, headers, "{}");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(error(answer).get("Code").asString()).isEqualTo("MissingAuthenticationToken");
		assertThat(answer.json().get("ResponseMetadata").get("Action").asString()).isEqualTo("GetApiKey");
	}

	@Test
	void refusesASignatureWithoutItsDate() throws Exception {
		String body = "{\"DurationSeconds\":600,\"ResourceType\":\"bot\",\"ResourceIds\":[\"" + BOT + "\"]}";
		HttpHeaders headers = sign(VolcengineCredentials.of(ACCESS_KEY, SECRET_KEY), "cn-beijing", PATH, body);
		headers.remove(VolcengineSigner.X_DATE);

		RawAnswer answer = post(PATH, headers, body);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(error(answer).get("Code").asString()).isEqualTo("InvalidTimestamp");
	}

	@Test
	void refusesAnotherVersion() throws Exception {
		String path = "/?Action=GetApiKey&Version=2023-01-01";
		RawAnswer answer = signedPost(VolcengineCredentials.of(ACCESS_KEY, SECRET_KEY), "cn-beijing", path, "{}");

		assertThat(answer.status()).isEqualTo(404);
		assertThat(error(answer).get("Code").asString()).isEqualTo("InvalidActionOrVersion");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"ResourceType\":\"bot\",\"ResourceIds\":[\"bot-1\"]}|MissingParameter|DurationSeconds",
			"{\"DurationSeconds\":2592001,\"ResourceType\":\"bot\",\"ResourceIds\":[\"bot-1\"]}|InvalidParameter|"
					+ "DurationSeconds",
			"{\"DurationSeconds\":0,\"ResourceType\":\"bot\",\"ResourceIds\":[\"bot-1\"]}|InvalidParameter|"
					+ "DurationSeconds",
			"{\"DurationSeconds\":60,\"ResourceIds\":[\"bot-1\"]}|MissingParameter|ResourceType",
			"{\"DurationSeconds\":60,\"ResourceType\":\"model\",\"ResourceIds\":[\"bot-1\"]}|InvalidParameter|"
					+ "ResourceType",
			"{\"DurationSeconds\":60,\"ResourceType\":\"bot\"}|MissingParameter|ResourceIds",
			"{\"DurationSeconds\":60,\"ResourceType\":\"bot\",\"ResourceIds\":[]}|InvalidParameter|ResourceIds",
			"{\"DurationSeconds\":60,\"ResourceType\":\"bot\",\"ResourceIds\":[\"ep-1\"]}|InvalidParameter|"
					+ "ResourceIds",
			"{\"DurationSeconds\":60,\"ResourceType\":\"endpoint\",\"ResourceIds\":[\"ep-m-1\"]}|InvalidParameter|"
					+ "ResourceIds",
			"[1]|InvalidParameter|body" })
	void refusesABodyThatBreaksARule(String body, String code, String field) throws Exception {
		RawAnswer answer = signedPost(VolcengineCredentials.of(ACCESS_KEY, SECRET_KEY), "cn-beijing", PATH, body);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(error(answer).get("Code").asString()).isEqualTo(code);
		assertThat(error(answer).get("Message").asString()).contains(field);
		assertThat(answer.json().has("Result")).isFalse();
		assertThat(ark.issuedKeys()).isEmpty();
	}

	@Test
	void anErrorInsideA200AnswerFailsTheProviderWithItsCode() {
		ark.getApiKey().fail(200, "AccessDenied", "User is not authorized to perform: ark:GetApiKey");

		ArkApiException failure = catchThrowableOfType(ArkApiException.class,
				() -> provider(ACCESS_KEY, SECRET_KEY).build().getApiKey(BOT));

		assertThat(failure.getCode()).isEqualTo("AccessDenied");
		assertThat(failure.getMessage()).contains("not authorized");
		assertThat(ark.issuedKeys()).isEmpty();
	}

	@Test
	void aServerErrorFailsTheProvider() {
		ark.getApiKey().fail(500, "InternalError", "Something broke");

		ArkServerException failure = catchThrowableOfType(ArkServerException.class,
				() -> provider(ACCESS_KEY, SECRET_KEY).build().getApiKey(BOT));

		assertThat(failure.getCode()).isEqualTo("InternalError");
	}

	@Test
	void aDelayedAnswerMeetsTheClientsTimeout() {
		ark.getApiKey().delay(Duration.ofSeconds(2));
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
		factory.setReadTimeout(Duration.ofMillis(200));
		TemporaryApiKeyProvider provider = TemporaryApiKeyProvider.builder()
			.credentials(ACCESS_KEY, SECRET_KEY)
			.baseUrl(ark.baseUrl())
			.restClientBuilder(RestClient.builder().requestFactory(factory))
			.build();

		assertThatExceptionOfType(ArkTimeoutException.class).isThrownBy(() -> provider.getApiKey(BOT));
	}

	@Test
	void theLifetimeCanBeShortenedToTestRefreshes() {
		ark.getApiKey().lifetime(Duration.ofMinutes(20));
		Instant before = Instant.now().minusSeconds(1);

		provider(ACCESS_KEY, SECRET_KEY).build().getApiKey(BOT);

		assertThat(ark.issuedKeys().get(0).expiresAt()).isBetween(before.plus(Duration.ofMinutes(20)),
				Instant.now().plus(Duration.ofMinutes(20)));
	}

	@Test
	void signsForBytePlusByConfiguration() throws Exception {
		ark.requireCredentials(ACCESS_KEY, SECRET_KEY);
		String key = provider(ACCESS_KEY, SECRET_KEY).region(ArkRegion.AP_SOUTHEAST)
			.baseUrl(ark.baseUrl())
			.build()
			.getApiKey(BOT);

		assertThat(key).isEqualTo(ark.issuedKeys().get(0).apiKey());
		assertThat(ark.requests().get(0).header("Authorization")).contains("/ap-southeast-1/ark/request");
		RawAnswer answer = signedPost(VolcengineCredentials.of(ACCESS_KEY, SECRET_KEY), "ap-southeast-1", PATH,
				"{\"DurationSeconds\":60,\"ResourceType\":\"bot\",\"ResourceIds\":[\"" + BOT + "\"]}");
		assertThat(answer.json().get("ResponseMetadata").get("Region").asString()).isEqualTo("ap-southeast-1");
	}

	@Test
	void anIssuedKeyCallsItsOwnBotOnlyWhenKeysAreRequired() {
		ark.requireApiKey("console-key");
		String key = provider(ACCESS_KEY, SECRET_KEY).build().getApiKey(BOT);
		BotChatClient client = BotChatClient.builder()
			.baseUrl(ark.baseUrl())
			.apiKey(key)
			.transport((t) -> t.retry(RetrySettings.NONE))
			.build();

		assertThat(client.chat(BotChatRequest.builder().bot(BOT).user("hi").build()).content()).isEqualTo("Echo: hi");
		ArkAuthenticationException refused = catchThrowableOfType(ArkAuthenticationException.class,
				() -> client.chat(BotChatRequest.builder().bot(OTHER_BOT).user("hi").build()));
		assertThat(refused.getCode()).isEqualTo("AuthenticationError");
		assertThat(refused.getMessage()).doesNotContain(key);
	}

	@Test
	void anExpiredIssuedKeyIsRefused() throws Exception {
		ark.requireApiKey("console-key");
		ark.getApiKey().expiresAt(Instant.now().minusSeconds(60));
		RawAnswer issued = signedPost(VolcengineCredentials.of(ACCESS_KEY, SECRET_KEY), "cn-beijing", PATH,
				"{\"DurationSeconds\":600,\"ResourceType\":\"bot\",\"ResourceIds\":[\"" + BOT + "\"]}");
		String key = issued.json().get("Result").get("ApiKey").asString();

		RawHttp.Response answer = RawHttp.post(ark, "/api/v3/bots/chat/completions", "Bearer " + key,
				"{\"model\":\"" + BOT + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

		assertThat(answer.status()).isEqualTo(401);
	}

	@Test
	void resetForgetsCredentialsAndTheListOfIssuedKeysButNotTheirValidity() {
		ark.requireCredentials(ACCESS_KEY, SECRET_KEY);
		String before = provider(ACCESS_KEY, SECRET_KEY).build().getApiKey(BOT);
		assertThat(ark.issuedKeys()).hasSize(1);

		ark.reset();

		assertThat(ark.issuedKeys()).isEmpty();
		provider(ACCESS_KEY, "another-secret").build().getApiKey(BOT);
		assertThat(ark.issuedKeys()).hasSize(1);
		// as on Ark, a key issued before the reset is still valid for its bot (a cached application keeps working)
		ark.requireApiKey("console-key");
		BotChatClient client = BotChatClient.builder()
			.baseUrl(ark.baseUrl())
			.apiKey(before)
			.transport((t) -> t.retry(RetrySettings.NONE))
			.build();
		assertThat(client.chat(BotChatRequest.builder().bot(BOT).user("hi").build()).content()).isEqualTo("Echo: hi");
	}

	static JsonNode error(RawAnswer answer) {
		return answer.json().get("ResponseMetadata").get("Error");
	}

	static HttpHeaders sign(VolcengineCredentials credentials, String region, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Content-Type", "application/json");
		SignedRequest signed = VolcengineSigner.builder(credentials)
			.region(region)
			.build()
			.sign(HttpMethod.POST, URI.create(ark.baseUrl() + path), headers, body.getBytes(StandardCharsets.UTF_8));
		headers.addAll(signed.headers());
		return headers;
	}

	static RawAnswer signedPost(VolcengineCredentials credentials, String region, String path, String body)
			throws IOException, InterruptedException {
		return post(path, sign(credentials, region, path, body), body);
	}

	static RawAnswer post(String path, HttpHeaders headers, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ark.baseUrl() + path))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new RawAnswer(response.statusCode(), response.body());
	}

	record RawAnswer(int status, @Nullable String body) {

		JsonNode json() {
			return ArkJson.mapper().readTree(this.body);
		}

	}

}
