package dev.arkchat.auth;

import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.arkchat.ArkApiException;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkConnectionException;
import dev.arkchat.ArkException;
import dev.arkchat.ArkRegion;
import dev.arkchat.ArkServerException;
import dev.arkchat.ArkTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link TemporaryApiKeyProvider} against a loopback GetApiKey, with a clock that moves only when the test moves it
 * and background refreshes that run only when the test runs them (except where real concurrency is the point).
 */
class TemporaryApiKeyProviderTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
		.build();

	static final String PATH = "/?Action=GetApiKey&Version=2024-01-01";

	static final VolcengineCredentials CREDENTIALS = VolcengineCredentials.of("AKLTproviderTestKeyId01",
			"c2VjcmV0LXNlY3JldC1zZWNyZXQ=");

	static final Instant T0 = Instant.parse("2025-01-08T07:23:36Z");

	static final Duration WEEK = Duration.ofDays(7);

	final MutableClock clock = new MutableClock(T0);

	final ManualExecutor executor = new ManualExecutor();

	TemporaryApiKeyProvider.Builder builder() {
		return TemporaryApiKeyProvider.builder()
			.credentials(CREDENTIALS)
			.baseUrl("http://127.0.0.1:" + server.getPort())
			.restClientBuilder(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()))
			.clock(this.clock)
			.executor(this.executor);
	}

	static String keyAnswer(String apiKey, Instant expiresAt) {
		return "{\"ResponseMetadata\":{\"RequestId\":\"req-" + apiKey + "\",\"Action\":\"GetApiKey\","
				+ "\"Version\":\"2024-01-01\",\"Service\":\"ark\",\"Region\":\"cn-beijing\"},"
				+ "\"Result\":{\"ApiKey\":\"" + apiKey + "\",\"ExpiredTime\":" + expiresAt.getEpochSecond() + "}}";
	}

	static String errorAnswer(String requestId, String code, String message) {
		return "{\"ResponseMetadata\":{\"RequestId\":\"" + requestId + "\",\"Action\":\"GetApiKey\","
				+ "\"Version\":\"2024-01-01\",\"Service\":\"ark\",\"Region\":\"cn-beijing\","
				+ "\"Error\":{\"CodeN\":100009,\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"}}}";
	}

	/** Answers key-A, then key-B, then key-C, … in order. */
	static void stubKeys(Instant... expiries) {
		String state = STARTED;
		for (int i = 0; i < expiries.length; i++) {
			String next = "after-" + i;
			server.stubFor(post(urlEqualTo(PATH)).inScenario("keys")
				.whenScenarioStateIs(state)
				.willReturn(okJson(keyAnswer("key-" + (char) ('A' + i), expiries[i])))
				.willSetStateTo(next));
			state = next;
		}
	}

	static int calls() {
		return server.findAll(postRequestedFor(urlEqualTo(PATH))).size();
	}

	@Test
	void cachesOneKeyPerResourceWithItsResourceType() {
		for (String[] resource : new String[][] { { "bot-20250108-a", "bot" }, { "ep-20250108-b", "endpoint" },
				{ "ep-m-20250108-c", "presetendpoint" } }) {
			server.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.ResourceIds[0]",
					equalTo(resource[0]))).willReturn(okJson(keyAnswer("key-" + resource[0], T0.plus(WEEK)))));
		}
		TemporaryApiKeyProvider provider = builder().build();

		for (int i = 0; i < 3; i++) {
			assertThat(provider.getApiKey("bot-20250108-a")).isEqualTo("key-bot-20250108-a");
			assertThat(provider.getApiKey("ep-20250108-b")).isEqualTo("key-ep-20250108-b");
			assertThat(provider.getApiKey("ep-m-20250108-c")).isEqualTo("key-ep-m-20250108-c");
		}

		assertThat(calls()).isEqualTo(3);
		server.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
				"{\"DurationSeconds\":604800,\"ResourceType\":\"bot\",\"ResourceIds\":[\"bot-20250108-a\"]}")));
		server.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
				"{\"DurationSeconds\":604800,\"ResourceType\":\"endpoint\",\"ResourceIds\":[\"ep-20250108-b\"]}")));
		server.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
				"{\"DurationSeconds\":604800,\"ResourceType\":\"presetendpoint\",\"ResourceIds\":[\"ep-m-20250108-c\"]}")));
		assertThat(this.executor.queued()).isZero();
	}

	@Test
	void sendsASignedRequestWithTheExactBody() throws Exception {
		stubKeys(T0.plus(Duration.ofDays(1)));
		TemporaryApiKeyProvider provider = builder().duration(Duration.ofDays(1)).projectName("项目一").build();

		provider.getApiKey("bot-20250108-a");

		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(PATH)));
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.get(0);
		assertThat(request.getBodyAsString()).isEqualTo("{\"DurationSeconds\":86400,\"ResourceType\":\"bot\","
				+ "\"ResourceIds\":[\"bot-20250108-a\"],\"ProjectName\":\"项目一\"}");
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeader("X-Date")).isEqualTo("20250108T072336Z");
		assertThat(request.getHeader("X-Content-Sha256"))
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBody())));
		String authorization = request.getHeader("Authorization");
		assertThat(authorization).matches("HMAC-SHA256 Credential=AKLTproviderTestKeyId01/20250108/cn-beijing/ark/"
				+ "request, SignedHeaders=content-type;host;x-client-request-id;x-content-sha256;x-date, "
				+ "Signature=[0-9a-f]{64}");
		// a server with the same secret computes the same signature from the request as it arrived
		HttpHeaders arrived = new HttpHeaders();
		request.getHeaders().all().forEach((header) -> arrived.addAll(header.key(), header.values()));
		String recomputed = VolcengineSigner.builder(CREDENTIALS)
			.service("ark")
			.region("cn-beijing")
			.clock(this.clock)
			.build()
			.sign(HttpMethod.POST, URI.create("http://" + request.getHeader("Host") + request.getUrl()), arrived,
					request.getBody())
			.authorization();
		assertThat(authorization).isEqualTo(recomputed);
	}

	@Test
	void signsForTheRegionOfBytePlus() {
		stubKeys(T0.plus(WEEK));
		TemporaryApiKeyProvider provider = builder().region(ArkRegion.AP_SOUTHEAST)
			.baseUrl("http://127.0.0.1:" + server.getPort())
			.build();

		provider.getApiKey("bot-20250108-a");

		assertThat(server.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getHeader("Authorization"))
			.contains("/20250108/ap-southeast-1/ark/request, ");
		assertThat(provider.toString()).contains("region=ap-southeast-1");
	}

	@Test
	void refreshesOnceInTheBackgroundWhileCallersKeepTheValidKey() {
		Instant expiryA = T0.plus(WEEK);
		Instant refreshTime = expiryA.minus(Duration.ofMinutes(20));
		stubKeys(expiryA, refreshTime.plus(WEEK));
		TemporaryApiKeyProvider provider = builder().build();
		assertThat(provider.getApiKey("bot-20250108-a")).isEqualTo("key-A");

		// 31 minutes before expiry: not due yet
		this.clock.set(expiryA.minus(Duration.ofMinutes(31)));
		assertThat(provider.getApiKey("bot-20250108-a")).isEqualTo("key-A");
		assertThat(this.executor.queued()).isZero();

		// inside the 30-minute window: one refresh is started, every caller keeps key-A meanwhile
		this.clock.set(refreshTime);
		for (int i = 0; i < 100; i++) {
			assertThat(provider.getApiKey("bot-20250108-a")).isEqualTo("key-A");
		}
		assertThat(this.executor.queued()).isEqualTo(1);
		assertThat(calls()).isEqualTo(1);

		this.executor.runAll();

		assertThat(calls()).isEqualTo(2);
		assertThat(provider.getApiKey("bot-20250108-a")).isEqualTo("key-B");
		assertThat(this.executor.queued()).isZero();
	}

	@Test
	void neverHandsOutAKeyThatHasExpiredOrIsAboutTo() {
		Instant expiryA = T0.plus(WEEK);
		stubKeys(expiryA, expiryA.plus(WEEK));
		TemporaryApiKeyProvider provider = builder().build();
		provider.getApiKey("bot-20250108-a");

		// 4 minutes left, inside the 5-minute margin: the caller waits for a new key
		this.clock.set(expiryA.minus(Duration.ofMinutes(4)));
		assertThat(provider.getApiKey("bot-20250108-a")).isEqualTo("key-B");
		assertThat(calls()).isEqualTo(2);
	}

	@Test
	void aCallerThatNeedsAKeyJoinsTheRefreshInFlight() throws Exception {
		Instant expiryA = T0.plus(WEEK);
		stubKeys(expiryA, expiryA.plus(WEEK));
		TemporaryApiKeyProvider provider = builder().build();
		provider.getApiKey("bot-20250108-a");
		this.clock.set(expiryA.minus(Duration.ofMinutes(10)));
		assertThat(provider.getApiKey("bot-20250108-a")).isEqualTo("key-A");
		assertThat(this.executor.queued()).isEqualTo(1);

		// key-A has expired while its refresh is still queued
		this.clock.set(expiryA);
		ExecutorService caller = Executors.newSingleThreadExecutor();
		try {
			Future<String> key = caller.submit(() -> provider.getApiKey("bot-20250108-a"));
			this.executor.runAll();
			assertThat(key.get(10, TimeUnit.SECONDS)).isEqualTo("key-B");
		}
		finally {
			caller.shutdownNow();
		}
		assertThat(calls()).isEqualTo(2);
	}

	@Test
	void sixtyFourThreadsTimesAThousandCallsIssueExactlyOneKeyPerRefresh() throws Exception {
		String bot = "bot-20250108-concurrent";
		Instant expiryA = T0.plus(WEEK);
		Instant inWindow = expiryA.minus(Duration.ofMinutes(10));
		Instant afterA = expiryA;
		Instant afterB = inWindow.plus(WEEK).plus(Duration.ofMinutes(1));
		stubKeys(expiryA, inWindow.plus(WEEK), afterB.plus(WEEK));
		// the phases: no key yet; A in its refresh window (B fetched in the background); A expired, B valid; B
		// expired without a refresh (every caller needs a new key at once)
		Instant[] phaseTimes = { T0, inWindow, afterA, afterB };
		List<Set<String>> allowed = List.of(Set.of("key-A"), Set.of("key-A", "key-B"), Set.of("key-B"),
				Set.of("key-C"));
		int threads = 64;
		int callsPerPhase = 250;
		ExecutorService refresher = Executors.newSingleThreadExecutor();
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		try {
			TemporaryApiKeyProvider provider = builder().executor(refresher).build();
			AtomicInteger phase = new AtomicInteger(-1);
			CyclicBarrier barrier = new CyclicBarrier(threads,
					() -> this.clock.set(phaseTimes[phase.incrementAndGet()]));
			List<Map<String, LongAdder>> seen = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
					new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
			ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
			for (int t = 0; t < threads; t++) {
				workers.submit(() -> {
					try {
						for (int p = 0; p < phaseTimes.length; p++) {
							barrier.await(30, TimeUnit.SECONDS);
							for (int i = 0; i < callsPerPhase; i++) {
								String key = provider.getApiKey(bot);
								seen.get(p).computeIfAbsent(key, (k) -> new LongAdder()).increment();
							}
						}
					}
					catch (Throwable ex) {
						failures.add(ex);
						barrier.reset();
					}
					return null;
				});
			}
			workers.shutdown();
			assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

			assertThat(failures).isEmpty();
			for (int p = 0; p < phaseTimes.length; p++) {
				assertThat(allowed.get(p)).as("keys handed out in phase %d", p).containsAll(seen.get(p).keySet());
				assertThat(seen.get(p).values().stream().mapToLong(LongAdder::sum).sum()).isEqualTo(
						(long) threads * callsPerPhase);
			}
			assertThat(calls()).as("GetApiKey calls: the first key, one refresh, one renewal after expiry")
				.isEqualTo(3);
		}
		finally {
			workers.shutdownNow();
			refresher.shutdownNow();
		}
	}

	@Test
	void aFailingRefreshKeepsTheValidKeyThenFailsClearlyOnceItHasExpired() {
		Instant expiryA = T0.plus(WEEK);
		stubKeys(expiryA);
		RestClient.Builder shortReadTimeout = RestClient.builder().requestFactory(readTimeout(Duration.ofMillis(300)));
		TemporaryApiKeyProvider provider = builder().restClientBuilder(shortReadTimeout).build();
		String bot = "bot-20250108-a";
		assertThat(provider.getApiKey(bot)).isEqualTo("key-A");
		this.clock.set(expiryA.minus(Duration.ofMinutes(25)));

		// 1. a 500 with an OpenAPI error body
		server.resetMappings();
		server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody(errorAnswer("req-500", "InternalError", "The request failed due to an internal error."))));
		assertThat(provider.getApiKey(bot)).isEqualTo("key-A");
		this.executor.runAll();
		assertThat(calls()).isEqualTo(2);
		assertThat(provider.getApiKey(bot)).isEqualTo("key-A");
		assertThat(this.executor.queued()).as("no new attempt within the backoff").isZero();

		// 2. after the backoff: a connection reset
		this.clock.advance(TemporaryApiKeyProvider.DEFAULT_RETRY_BACKOFF);
		server.resetMappings();
		server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(provider.getApiKey(bot)).isEqualTo("key-A");
		assertThat(this.executor.queued()).isEqualTo(1);
		this.executor.runAll();
		assertThat(calls()).isEqualTo(3);
		assertThat(provider.getApiKey(bot)).isEqualTo("key-A");

		// 3. after the backoff: no answer within the read timeout
		this.clock.advance(TemporaryApiKeyProvider.DEFAULT_RETRY_BACKOFF);
		server.resetMappings();
		server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(keyAnswer("key-late", expiryA.plus(WEEK)))
			.withFixedDelay(3_000)));
		assertThat(provider.getApiKey(bot)).isEqualTo("key-A");
		this.executor.runAll();
		assertThat(calls()).isEqualTo(4);
		assertThat(provider.getApiKey(bot)).isEqualTo("key-A");

		// 4. key-A has expired: the caller waits for a fetch, and gets its failure
		this.clock.set(expiryA);
		server.resetMappings();
		server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody(errorAnswer("req-500", "InternalError", "The request failed due to an internal error."))));
		ArkServerException failure = (ArkServerException) org.assertj.core.api.Assertions
			.catchThrowable(() -> provider.getApiKey(bot));
		assertThat(failure).isInstanceOf(ArkServerException.class).hasMessageContaining("InternalError");
		assertThat(failure.getCode()).isEqualTo("InternalError");
		assertThat(failure.getRequestId()).isEqualTo("req-500");
		assertThat(failure.getStatusCode()).isEqualTo(500);
		assertThat(calls()).isEqualTo(5);

		// 5. the next call tries again, and recovers
		server.resetMappings();
		server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(keyAnswer("key-B", expiryA.plus(WEEK)))));
		assertThat(provider.getApiKey(bot)).isEqualTo("key-B");
	}

	@Test
	void connectionFailuresAndTimeoutsWithoutAValidKeyAreClearErrors() {
		RestClient.Builder shortReadTimeout = RestClient.builder().requestFactory(readTimeout(Duration.ofMillis(300)));
		TemporaryApiKeyProvider provider = builder().restClientBuilder(shortReadTimeout).build();
		server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(ArkConnectionException.class)
			.isThrownBy(() -> provider.getApiKey("bot-20250108-a"));

		server.resetMappings();
		server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(keyAnswer("key-late", T0.plus(WEEK)))
			.withFixedDelay(3_000)));
		assertThatExceptionOfType(ArkTimeoutException.class).isThrownBy(() -> provider.getApiKey("bot-20250108-a"));
	}

	@Test
	void anHttp200WithResponseMetadataErrorIsAFailureCarryingItsCode() {
		server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(errorAnswer("req-200", "InvalidAccessKey",
				"The access key is invalid"))));
		TemporaryApiKeyProvider provider = builder().build();

		ArkApiException failure = (ArkApiException) org.assertj.core.api.Assertions
			.catchThrowable(() -> provider.getApiKey("bot-20250108-a"));

		assertThat(failure).isInstanceOf(ArkApiException.class);
		assertThat(failure.getCode()).isEqualTo("InvalidAccessKey");
		assertThat(failure.getRequestId()).isEqualTo("req-200");
		assertThat(failure.getStatusCode()).isEqualTo(200);
		assertThat(failure.getMessage()).contains("InvalidAccessKey")
			.contains("req-200")
			.doesNotContain(CREDENTIALS.secretAccessKey());
	}

	@Test
	void aRejectedSignatureIsAnAuthenticationError() {
		server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(errorAnswer("req-401", "SignatureDoesNotMatch", "The request signature does not match"))));
		TemporaryApiKeyProvider provider = builder().build();

		assertThatExceptionOfType(ArkAuthenticationException.class)
			.isThrownBy(() -> provider.getApiKey("bot-20250108-a"))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("SignatureDoesNotMatch");
				assertThat(ex.getRequestId()).isEqualTo("req-401");
			});
	}

	@Test
	void anAnswerWithoutAUsableKeyIsAFailure() {
		TemporaryApiKeyProvider provider = builder().build();
		server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"ResponseMetadata\":{\"RequestId\":\"req-1\"},"
				+ "\"Result\":{\"ApiKey\":\"\",\"ExpiredTime\":" + T0.plus(WEEK).getEpochSecond() + "}}")));
		assertThatExceptionOfType(ArkException.class).isThrownBy(() -> provider.getApiKey("bot-20250108-a"))
			.withMessageContaining("without Result.ApiKey")
			.satisfies((ex) -> assertThat(ex.getRequestId()).isEqualTo("req-1"));

		server.resetMappings();
		server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(keyAnswer("key-old", T0.minusSeconds(1)))));
		assertThatExceptionOfType(ArkException.class).isThrownBy(() -> provider.getApiKey("bot-20250108-a"))
			.withMessageContaining("check the system clock")
			.withMessageNotContaining("key-old");
	}

	@Test
	void acceptsExpiredTimeAsAString() {
		server.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"ResponseMetadata\":{\"RequestId\":\"req-1\"},"
				+ "\"Result\":{\"ApiKey\":\"key-s\",\"ExpiredTime\":\"" + T0.plus(WEEK).getEpochSecond() + "\"}}")));
		assertThat(builder().build().getApiKey("bot-20250108-a")).isEqualTo("key-s");
	}

	@Test
	void aRejectedBackgroundTaskKeepsTheValidKey() {
		Instant expiryA = T0.plus(WEEK);
		stubKeys(expiryA);
		AtomicInteger rejected = new AtomicInteger();
		TemporaryApiKeyProvider provider = builder().executor((task) -> {
			rejected.incrementAndGet();
			throw new java.util.concurrent.RejectedExecutionException("full");
		}).build();
		provider.getApiKey("bot-20250108-a");
		this.clock.set(expiryA.minus(Duration.ofMinutes(10)));

		assertThat(provider.getApiKey("bot-20250108-a")).isEqualTo("key-A");
		assertThat(provider.getApiKey("bot-20250108-a")).isEqualTo("key-A");
		assertThat(rejected).hasValue(1);
		assertThat(calls()).isEqualTo(1);
	}

	@Test
	void theDurationIsCheckedWhenBuilding() {
		TemporaryApiKeyProvider.Builder builder = TemporaryApiKeyProvider.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.duration(Duration.ofSeconds(2_592_001)))
			.withMessage("duration (DurationSeconds) must be in [1, 2592000] seconds (at most 30 days) but was "
					+ "2592001 seconds (PT720H1S)");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.duration(Duration.ZERO))
			.withMessageContaining("must be in [1, 2592000] seconds")
			.withMessageContaining("but was 0 seconds");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.duration(Duration.ofSeconds(-5)))
			.withMessageContaining("but was -5 seconds");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.duration(Duration.ofMillis(500)))
			.withMessageContaining("but was 0 seconds");
		builder.duration(Duration.ofDays(30));
		builder.duration(Duration.ofSeconds(1));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.refreshAhead(Duration.ZERO))
			.withMessageContaining("refreshAhead must be positive");
		assertThatIllegalStateException().isThrownBy(builder::build).withMessageContaining("credentials");
	}

	@Test
	void theResourceTypeComesFromTheIdAndUnknownIdsSendNothing() {
		assertThat(ApiKeyResourceType.of("bot-20250108-a")).isEqualTo(ApiKeyResourceType.BOT);
		assertThat(ApiKeyResourceType.of("ep-m-20250108-a")).isEqualTo(ApiKeyResourceType.PRESET_ENDPOINT);
		assertThat(ApiKeyResourceType.of("ep-20250108-a")).isEqualTo(ApiKeyResourceType.ENDPOINT);
		TemporaryApiKeyProvider provider = builder().build();
		assertThatIllegalArgumentException().isThrownBy(() -> provider.getApiKey("doubao-pro-32k"))
			.withMessage("Cannot issue a temporary API key for 'doubao-pro-32k': the resource id must start with "
					+ "bot- (a bot), ep-m- (a preset endpoint) or ep- (an endpoint)");
		assertThatIllegalArgumentException().isThrownBy(() -> provider.getApiKey(" "))
			.withMessageContaining("resourceId must not be blank");
		assertThat(calls()).isZero();
	}

	@Test
	void secretsAndKeysStayOutOfToString() {
		stubKeys(T0.plus(WEEK));
		TemporaryApiKeyProvider provider = builder().build();
		String key = provider.getApiKey("bot-20250108-a");

		assertThat(provider.toString()).doesNotContain(key)
			.doesNotContain(CREDENTIALS.secretAccessKey())
			.doesNotContain(CREDENTIALS.accessKeyId())
			.contains("AKLT****")
			.contains("resources=1");
	}

	static JdkClientHttpRequestFactory readTimeout(Duration timeout) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
		factory.setReadTimeout(timeout);
		return factory;
	}

}
