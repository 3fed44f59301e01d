package dev.arkchat.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.arkchat.http.ArkJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link VolcengineSigner}: the published vector, golden values computed by an independent implementation of the
 * spec (§7.2) for the cases the vector does not cover, sensitivity to every input, and the headers a real
 * {@code RestClient} sends.
 */
class VolcengineSignerTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
		.build();

	static final VolcengineCredentials TEST = VolcengineCredentials.of("AKLTtestaccesskey0000", "dGVzdHNlY3JldGtleQ==");

	static final Instant JAN_8 = Instant.parse("2025-01-08T07:23:36Z");

	static VolcengineSigner signer(VolcengineCredentials credentials, String region, String service, Instant at) {
		return VolcengineSigner.builder(credentials)
			.region(region)
			.service(service)
			.clock(Clock.fixed(at, ZoneOffset.UTC))
			.build();
	}

	@Test
	void reproducesThePublishedVector() throws IOException {
		JsonNode vector;
		try (InputStream in = getClass().getResourceAsStream("/fixtures/sigv4-published-vector.json")) {
			vector = ArkJson.mapper().readTree(in);
		}
		JsonNode input = vector.get("input");
		JsonNode expected = vector.get("expected");
		Instant at = Instant.from(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")
			.parse(input.get("x_date").asString()));
		VolcengineSigner signer = signer(
				VolcengineCredentials.of(input.get("ak").asString(), input.get("sk").asString()),
				input.get("region").asString(), input.get("service").asString(), at);
		HttpHeaders headers = new HttpHeaders();
		input.get("headers").properties().forEach((e) -> headers.set(e.getKey(), e.getValue().asString()));
		// the parameters in an order other than the canonical one
		URI uri = URI.create("https://" + input.get("host").asString() + input.get("path").asString()
				+ "?Offset=0&Version=2018-01-01&Limit=10&Action=ListUsers");

		SignedRequest signed = signer.sign(HttpMethod.valueOf(input.get("method").asString()), uri, headers,
				input.get("body").asString().getBytes(StandardCharsets.UTF_8));

		assertThat(signed.canonicalRequest()).isEqualTo(expected.get("canonical_request").asString());
		assertThat(signed.canonicalRequest().split("\n")[2])
			.isEqualTo(expected.get("canonical_query_string").asString());
		assertThat(signed.signedHeaders()).isEqualTo(expected.get("signed_headers").asString());
		assertThat(signed.credentialScope()).isEqualTo(expected.get("credential_scope").asString());
		assertThat(signed.stringToSign()).isEqualTo(expected.get("string_to_sign").asString());
		assertThat(signed.signature()).isEqualTo(expected.get("signature").asString());
		JsonNode expectedHeaders = expected.get("headers");
		assertThat(signed.authorization()).isEqualTo(expectedHeaders.get("Authorization").asString());
		assertThat(signed.headers().getFirst("X-Date")).isEqualTo(expectedHeaders.get("X-Date").asString());
		assertThat(signed.headers().getFirst("X-Content-Sha256"))
			.isEqualTo(expectedHeaders.get("X-Content-Sha256").asString());
		assertThat(signed.headers().headerNames()).containsExactlyInAnyOrder("X-Date", "X-Content-Sha256",
				"Authorization");
	}

	// Golden values below were computed with an independent Python implementation of spec §7.2 (urllib quote,
	// hashlib, hmac) that reproduces the published vector.

	@Test
	void signsAPostWithAJsonBodyInChinese() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		byte[] body = "{\"DurationSeconds\":604800,\"ResourceType\":\"bot\",\"ResourceIds\":[\"bot-20250101-abc\"],\"ProjectName\":\"项目一\"}"
			.getBytes(StandardCharsets.UTF_8);

		SignedRequest signed = signer(TEST, "cn-beijing", "ark", JAN_8).sign(HttpMethod.POST,
				URI.create("https://open.volcengineapi.com/?Action=GetApiKey&Version=2024-01-01"), headers, body);

		assertThat(signed.canonicalRequest()).isEqualTo("POST\n/\nAction=GetApiKey&Version=2024-01-01\n"
				+ "content-type:application/json\nhost:open.volcengineapi.com\n"
				+ "x-content-sha256:a733199fc6826eb895b6d2e8171f7a01e1ab149698c5cbe4e668e74b01ad5b4f\n"
				+ "x-date:20250108T072336Z\n\ncontent-type;host;x-content-sha256;x-date\n"
				+ "a733199fc6826eb895b6d2e8171f7a01e1ab149698c5cbe4e668e74b01ad5b4f");
		assertThat(signed.stringToSign()).isEqualTo("HMAC-SHA256\n20250108T072336Z\n20250108/cn-beijing/ark/request\n"
				+ "8b93a46d5b92e9ea0ffd9c52396c380fe374ff87c6638323ae1eb51c6ee39214");
		assertThat(signed.authorization()).isEqualTo("HMAC-SHA256 Credential=AKLTtestaccesskey0000/20250108/"
				+ "cn-beijing/ark/request, SignedHeaders=content-type;host;x-content-sha256;x-date, "
				+ "Signature=7ba0facd2081a86132f7fbc9a65e24616b8cd8ad2e39cbc0f08adac5d374f50b");
	}

	@Test
	void encodesTheQueryKeepingOnlyUnreservedCharacters() {
		VolcengineSigner signer = signer(TEST, "cn-north-1", "air", JAN_8);
		String host = "https://api-knowledgebase.mlp.cn-beijing.volces.com/";
		// the value "a b*c~d/eé+f" in two different valid encodings, and a parameter without '='
		SignedRequest strict = signer.sign(HttpMethod.GET,
				URI.create(host + "?q=a%20b%2Ac~d%2Fe%C3%A9%2Bf&A=1&b"), new HttpHeaders(), new byte[0]);
		SignedRequest loose = signer.sign(HttpMethod.GET, URI.create(host + "?b=&q=a%20b*c%7ed/e%c3%a9%2Bf&A=1"),
				new HttpHeaders(), new byte[0]);

		assertThat(strict.canonicalRequest().split("\n")[2]).isEqualTo("A=1&b=&q=a%20b%2Ac~d%2Fe%C3%A9%2Bf");
		assertThat(strict.stringToSign()).endsWith("1a7d3600bade4abf3d0f50189ca42fc7783252b8b3cdd9e677cb9b9b8c436342");
		assertThat(strict.signature()).isEqualTo("ff88a48e76367a4bcf61ed543debd070597064d6c0aa4da7bbaceac4f727d9a4");
		assertThat(loose.canonicalRequest()).isEqualTo(strict.canonicalRequest());
		assertThat(loose.signature()).isEqualTo(strict.signature());
	}

	@Test
	void encodesThePathKeepingSlashesAndTrimsHeaderValues() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Custom", "  v  ");
		headers.set("Accept", "application/json");
		SignedRequest signed = signer(TEST, "cn-north-1", "air", JAN_8).sign(HttpMethod.POST,
				URI.create("https://api-knowledgebase.mlp.cn-beijing.volces.com/api/knowledge/doc%20s/%C3%A9t%C3%A9*(1)"),
				headers, "{}".getBytes(StandardCharsets.UTF_8));

		assertThat(signed.canonicalRequest()).startsWith("POST\n/api/knowledge/doc%20s/%C3%A9t%C3%A9%2A%281%29\n\n"
				+ "content-type:application/json\nhost:api-knowledgebase.mlp.cn-beijing.volces.com\n");
		assertThat(signed.canonicalRequest()).contains("\nx-custom:v\n");
		assertThat(signed.signedHeaders()).isEqualTo("content-type;host;x-content-sha256;x-custom;x-date");
		assertThat(signed.signature()).isEqualTo("9e208489753022b0e8a8d30b92609f86e2009de6c5100bd077bfcb67da00a04a");
	}

	@Test
	void signsAnEmptyPathAsSlash() {
		VolcengineSigner signer = signer(TEST, "cn-beijing", "ark", JAN_8);
		SignedRequest withoutSlash = signer.sign(HttpMethod.GET, URI.create("https://open.volcengineapi.com?A=1"),
				new HttpHeaders(), new byte[0]);
		SignedRequest withSlash = signer.sign(HttpMethod.GET, URI.create("https://open.volcengineapi.com/?A=1"),
				new HttpHeaders(), new byte[0]);
		assertThat(withoutSlash.canonicalRequest()).startsWith("GET\n/\nA=1\n");
		assertThat(withoutSlash.signature()).isEqualTo(withSlash.signature());
	}

	@Test
	void dropsTheDefaultPortsFromTheHostButKeepsOthers() {
		VolcengineSigner signer = signer(TEST, "cn-beijing", "ark", JAN_8);
		String plain = sig(signer, "https://open.volcengineapi.com/?Action=GetApiKey");
		assertThat(sig(signer, "https://open.volcengineapi.com:443/?Action=GetApiKey")).isEqualTo(plain);
		assertThat(sig(signer, "http://open.volcengineapi.com:80/?Action=GetApiKey")).isEqualTo(plain);
		SignedRequest other = signer.sign(HttpMethod.GET, URI.create("https://open.volcengineapi.com:8443/"),
				new HttpHeaders(), new byte[0]);
		assertThat(other.canonicalRequest()).contains("\nhost:open.volcengineapi.com:8443\n");
	}

	private static String sig(VolcengineSigner signer, String uri) {
		return signer.sign(HttpMethod.GET, URI.create(uri), new HttpHeaders(), new byte[0]).signature();
	}

	@Test
	void temporaryCredentialsSignTheSecurityToken() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		VolcengineCredentials sts = new VolcengineCredentials(TEST.accessKeyId(), TEST.secretAccessKey(),
				"STS-token-value");
		SignedRequest signed = signer(sts, "cn-beijing", "ark", JAN_8).sign(HttpMethod.POST,
				URI.create("https://open.volcengineapi.com/?Action=GetApiKey&Version=2024-01-01"), headers,
				"{}".getBytes(StandardCharsets.UTF_8));

		assertThat(signed.headers().getFirst("X-Security-Token")).isEqualTo("STS-token-value");
		assertThat(signed.signedHeaders()).isEqualTo("content-type;host;x-content-sha256;x-date;x-security-token");
		assertThat(signed.signature()).isEqualTo("eea23b00dfa34287b94b4bbbbbd7d36459b2e53cc36573294c48f60816606e6d");
	}

	/** One input to {@link VolcengineSigner#sign}, to change one part at a time. */
	record Input(VolcengineCredentials credentials, String region, String service, Instant at, HttpMethod method,
			String uri, HttpHeaders headers, String body) {

		String signature() {
			return signer(this.credentials, this.region, this.service, this.at)
				.sign(this.method, URI.create(this.uri), this.headers, this.body.getBytes(StandardCharsets.UTF_8))
				.signature();
		}

		static Input base() {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set("X-Custom", "one");
			return new Input(TEST, "cn-beijing", "ark", JAN_8, HttpMethod.POST,
					"https://open.volcengineapi.com/api/a?Action=GetApiKey&Version=2024-01-01", headers,
					"{\"a\":1}");
		}

		Input withHeader(String name, String value) {
			HttpHeaders copy = HttpHeaders.copyOf(this.headers);
			copy.set(name, value);
			return new Input(this.credentials, this.region, this.service, this.at, this.method, this.uri, copy,
					this.body);
		}

	}

	static Stream<Arguments> changes() {
		return Stream.of(
				Arguments.of("method", (UnaryOperator<Input>) (i) -> new Input(i.credentials(), i.region(),
						i.service(), i.at(), HttpMethod.PUT, i.uri(), i.headers(), i.body())),
				Arguments.of("path", (UnaryOperator<Input>) (i) -> new Input(i.credentials(), i.region(), i.service(),
						i.at(), i.method(), i.uri().replace("/api/a", "/api/b"), i.headers(), i.body())),
				Arguments.of("query", (UnaryOperator<Input>) (i) -> new Input(i.credentials(), i.region(),
						i.service(), i.at(), i.method(), i.uri().replace("2024-01-01", "2024-01-02"), i.headers(),
						i.body())),
				Arguments.of("body", (UnaryOperator<Input>) (i) -> new Input(i.credentials(), i.region(),
						i.service(), i.at(), i.method(), i.uri(), i.headers(), "{\"a\":2}")),
				Arguments.of("x- header", (UnaryOperator<Input>) (i) -> i.withHeader("X-Custom", "two")),
				Arguments.of("added x- header", (UnaryOperator<Input>) (i) -> i.withHeader("X-Other", "1")),
				Arguments.of("content type", (UnaryOperator<Input>) (i) -> i.withHeader("Content-Type", "text/plain")),
				Arguments.of("date", (UnaryOperator<Input>) (i) -> new Input(i.credentials(), i.region(),
						i.service(), i.at().plusSeconds(1), i.method(), i.uri(), i.headers(), i.body())),
				Arguments.of("region", (UnaryOperator<Input>) (i) -> new Input(i.credentials(), "cn-shanghai",
						i.service(), i.at(), i.method(), i.uri(), i.headers(), i.body())),
				Arguments.of("service", (UnaryOperator<Input>) (i) -> new Input(i.credentials(), i.region(), "air",
						i.at(), i.method(), i.uri(), i.headers(), i.body())),
				Arguments.of("secret", (UnaryOperator<Input>) (i) -> new Input(
						VolcengineCredentials.of(TEST.accessKeyId(), TEST.secretAccessKey() + "x"), i.region(),
						i.service(), i.at(), i.method(), i.uri(), i.headers(), i.body())),
				Arguments.of("host", (UnaryOperator<Input>) (i) -> new Input(i.credentials(), i.region(),
						i.service(), i.at(), i.method(), i.uri().replace("open.", "open2."), i.headers(), i.body())));
	}

	@ParameterizedTest(name = "changing the {0} changes the signature")
	@MethodSource("changes")
	void changingAnyInputChangesTheSignature(String what, UnaryOperator<Input> change) {
		Input base = Input.base();
		assertThat(base.signature()).isEqualTo(Input.base().signature());
		assertThat(change.apply(base).signature()).isNotEqualTo(base.signature());
	}

	@Test
	void headersThatAreNotSignedDoNotChangeTheSignature() {
		Input base = Input.base();
		assertThat(base.withHeader("Accept", "text/event-stream").withHeader("User-Agent", "x").signature())
			.isEqualTo(base.signature());
	}

	@Test
	void theInterceptorSendsExactlyWhatTheSignerPredicts() throws Exception {
		server.stubFor(post(urlPathEqualTo("/api/knowledge/collection/search_knowledge"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		VolcengineSigner signer = signer(TEST, "cn-north-1", "air", JAN_8);
		RestClient client = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://127.0.0.1:" + server.getPort())
			.requestInterceptor(signer)
			.build();
		byte[] body = "{\"query\":\"长城有多长？\",\"limit\":3}".getBytes(StandardCharsets.UTF_8);

		client.post()
			.uri("/api/knowledge/collection/search_knowledge?q={q}&a={a}", "a b/é+*~", "1")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Custom", "custom value")
			.body(body)
			.retrieve()
			.toBodilessEntity();

		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(
				"/api/knowledge/collection/search_knowledge")));
		assertThat(requests).hasSize(1);
		LoggedRequest received = requests.get(0);
		assertThat(received.getBody()).isEqualTo(body);
		assertThat(received.getHeader("X-Date")).isEqualTo("20250108T072336Z");
		assertThat(received.getHeader("X-Content-Sha256"))
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(received.getBody())));
		String authorization = received.getHeader("Authorization");
		assertThat(authorization).matches("HMAC-SHA256 Credential=AKLTtestaccesskey0000/20250108/cn-north-1/air/"
				+ "request, SignedHeaders=content-type;host;x-content-sha256;x-custom;x-date, Signature=[0-9a-f]{64}");
		// every x- header on the wire is signed: nothing was added after the signer ran
		String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
		List<String> sentXHeaders = received.getHeaders()
			.keys()
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.filter((name) -> name.startsWith("x-"))
			.toList();
		assertThat(Arrays.asList(signedHeaders.split(";"))).containsAll(sentXHeaders);

		// what a server recomputes from the request as it arrived matches the signature sent
		HttpHeaders arrived = new HttpHeaders();
		received.getHeaders().all().forEach((header) -> arrived.addAll(header.key(), header.values()));
		URI uri = URI.create("http://" + received.getHeader("Host") + received.getUrl());
		assertThat(uri.getRawQuery()).isEqualTo("q=a%20b%2F%C3%A9%2B%2A~&a=1");
		SignedRequest recomputed = signer.sign(HttpMethod.POST, uri, arrived, received.getBody());
		assertThat(authorization).isEqualTo(recomputed.authorization());
		assertThat(recomputed.canonicalRequest()).contains("\nhost:127.0.0.1:" + server.getPort() + "\n");
	}

	@Test
	void secretsStayOutOfToString() {
		VolcengineCredentials sts = new VolcengineCredentials("AKLTMjI2ODVlYzI3ZGY1NGU4ZjhjYWRj",
				"TnpCak5XWXpZV1U0WkRaaE5ERmxaR0ZpTmpj", "STS-secret-token");
		VolcengineSigner signer = signer(sts, "cn-beijing", "ark", JAN_8);
		SignedRequest signed = signer.sign(HttpMethod.GET, URI.create("https://open.volcengineapi.com/"),
				new HttpHeaders(), new byte[0]);
		for (String text : List.of(sts.toString(), signer.toString(), signed.toString())) {
			assertThat(text).doesNotContain(sts.secretAccessKey())
				.doesNotContain("STS-secret-token")
				.doesNotContain(sts.accessKeyId())
				.doesNotContain(signed.signature());
		}
		assertThat(sts.toString()).contains("AKLT****");
	}

	@Test
	void credentialsMustNotBeBlank() {
		assertThatIllegalArgumentException().isThrownBy(() -> VolcengineCredentials.of(" ", "sk"))
			.withMessageContaining("accessKeyId");
		assertThatIllegalArgumentException().isThrownBy(() -> VolcengineCredentials.of("ak", ""))
			.withMessageContaining("secretAccessKey");
	}

}
