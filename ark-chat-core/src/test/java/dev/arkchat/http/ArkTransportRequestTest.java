package dev.arkchat.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arkchat.ChatStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a transport puts on the wire, whatever request factory carries it: the JSON body with its length (never
 * chunked), the content type, what is accepted, the caller's headers and a client request id. An application's
 * interceptors see all of it, and its builder's default headers go along.
 */
class ArkTransportRequestTest {

	private static final String BODY = "{\"model\":\"bot-1\",\"messages\":[{\"role\":\"user\",\"content\":\"杭州\"}]}";

	private static final int BODY_LENGTH = BODY.getBytes(StandardCharsets.UTF_8).length;

	private final WireMockServer ark = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	@BeforeEach
	void start() {
		this.ark.start();
		this.ark.stubFor(post("/answer").willReturn(okJson("{\"answer\":42}")));
		this.ark.stubFor(post("/stream").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"n\":1}\n\ndata: [DONE]\n\n")));
	}

	@AfterEach
	void stop() {
		this.ark.stop();
	}

	static Stream<Arguments> factories() {
		return Stream.of(Arguments.of("ark-chat's own (default)", null, null),
				Arguments.of("Spring's JDK factory (streaming)", new JdkClientHttpRequestFactory(),
						new JdkClientHttpRequestFactory()),
				Arguments.of("Spring's simple factory", new SimpleClientHttpRequestFactory(),
						new SimpleClientHttpRequestFactory()),
				Arguments.of("ark-chat's, given", ArkJdkClientHttpRequestFactory
					.forWholeBodies(HttpClient::newHttpClient, null),
						new ArkJdkClientHttpRequestFactory(HttpClient.newHttpClient(), null)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("factories")
	void aBlockingCallSendsItsBodyWithItsLengthAndItsHeaders(String name, ClientHttpRequestFactory blocking,
			ClientHttpRequestFactory streaming) {
		JsonNode answer = transport(blocking, streaming, RestClient.builder()).post("/answer", body(),
				(headers) -> headers.setBearerAuth("secret-key"), ArkJson.mapper().readerFor(JsonNode.class));

		assertThat(answer.path("answer").asInt()).isEqualTo(42);
		this.ark.verify(postRequestedFor(urlEqualTo("/answer")).withRequestBody(equalToJson(BODY, false, false))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Content-Length", equalTo(String.valueOf(BODY_LENGTH)))
			.withHeader("Transfer-Encoding", absent())
			.withHeader("Authorization", equalTo("Bearer secret-key"))
			.withHeader(RequestIds.CLIENT_REQUEST_ID_HEADER, matching("[0-9A-Za-z]{16,}")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("factories")
	void aStreamAsksForEventsAndSendsItsBodyWithItsLength(String name, ClientHttpRequestFactory blocking,
			ClientHttpRequestFactory streaming) {
		ChatStream.Source<JsonNode> source = transport(blocking, streaming, RestClient.builder()).postForEvents(
				"/stream", body(), (headers) -> headers.setBearerAuth("secret-key"),
				(event, requestId) -> event.isDone() ? null : ArkJson.mapper().readTree(event.data()));
		List<JsonNode> chunks = new ArrayList<>();
		for (JsonNode chunk = source.next(); chunk != null; chunk = source.next()) {
			chunks.add(chunk);
		}
		source.close(true);

		assertThat(chunks).singleElement().satisfies((chunk) -> assertThat(chunk.path("n").asInt()).isEqualTo(1));
		this.ark.verify(postRequestedFor(urlEqualTo("/stream")).withRequestBody(equalToJson(BODY, false, false))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("text/event-stream, application/json"))
			.withHeader("Content-Length", equalTo(String.valueOf(BODY_LENGTH)))
			.withHeader("Transfer-Encoding", absent())
			.withHeader("Authorization", equalTo("Bearer secret-key")));
	}

	@Test
	void anApplicationsInterceptorSeesTheWholeRequestAndItsDefaultHeadersGoAlong() {
		List<HttpHeaders> seenHeaders = new ArrayList<>();
		List<String> seenBodies = new ArrayList<>();
		RestClient.Builder application = RestClient.builder()
			.defaultHeader("X-Tenant", "t-1")
			.defaultHeader("Accept", "text/plain")
			.requestInterceptor((request, body, execution) -> {
				seenHeaders.add(HttpHeaders.copyOf(request.getHeaders()));
				seenBodies.add(new String(body, StandardCharsets.UTF_8));
				return execution.execute(request, body);
			});

		transport(null, null, application).post("/answer", body(), (headers) -> headers.setBearerAuth("secret-key"),
				ArkJson.mapper().readerFor(JsonNode.class));

		assertThat(seenBodies).singleElement().satisfies((json) -> assertThat(ArkJson.mapper().readTree(json))
			.isEqualTo(ArkJson.mapper().readTree(BODY)));
		assertThat(seenHeaders).singleElement().satisfies((headers) -> {
			assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer secret-key");
			assertThat(headers.getFirst("Content-Type")).isEqualTo("application/json");
			assertThat(headers.get("Accept")).as("ark-chat's Accept replaces the default one")
				.containsExactly("application/json");
			assertThat(headers.getFirst(RequestIds.CLIENT_REQUEST_ID_HEADER)).isNotBlank();
			assertThat(headers.getFirst("X-Tenant")).isEqualTo("t-1");
		});
		this.ark.verify(postRequestedFor(urlEqualTo("/answer")).withHeader("X-Tenant", equalTo("t-1"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Content-Length", equalTo(String.valueOf(BODY_LENGTH))));
	}

	private ArkTransport transport(ClientHttpRequestFactory blocking, ClientHttpRequestFactory streaming,
			RestClient.Builder restClientBuilder) {
		ArkTransport.Builder builder = ArkTransport.builder()
			.restClientBuilder(restClientBuilder)
			.baseUrl(URI.create(this.ark.baseUrl()))
			.retry(RetrySettings.NONE);
		if (blocking != null && streaming != null) {
			builder.requestFactories(blocking, streaming);
		}
		return builder.build();
	}

	private static Object body() {
		return ArkJson.mapper().readValue(BODY, Map.class);
	}

}
