package dev.arkchat.http;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transport builds its {@link RestClient}s at its first call, not when it is created: building them loads much of
 * Spring's HTTP client, which an application's startup need not wait for. Once built, they are kept.
 */
class ArkTransportLazinessTest {

	private final WireMockServer ark = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final AtomicInteger builds = new AtomicInteger();

	@BeforeEach
	void start() {
		this.ark.start();
		this.ark.stubFor(post("/answer").willReturn(okJson("{\"answer\":42}")));
	}

	@AfterEach
	void stop() {
		this.ark.stop();
	}

	@Test
	void theClientsAreBuiltAtTheFirstCallAndKept() {
		ArkTransport transport = ArkTransport.builder()
			.restClientBuilder(counting(RestClient.builder()))
			.baseUrl(URI.create(this.ark.baseUrl()))
			.build();
		assertThat(this.builds).as("RestClients built with the transport").hasValue(0);

		JsonNode first = transport.post("/answer", new Object[0], (headers) -> {
		}, ArkJson.mapper().readerFor(JsonNode.class));
		assertThat(first.path("answer").asInt()).isEqualTo(42);
		assertThat(this.builds).as("the blocking and the streaming client").hasValue(2);

		transport.post("/answer", new Object[0], (headers) -> {
		}, ArkJson.mapper().readerFor(JsonNode.class));
		assertThat(this.builds).as("RestClients built after the second call").hasValue(2);
	}

	@Test
	void aSuppliedBuilderIsAskedForOnceAtTheFirstCall() {
		AtomicInteger asked = new AtomicInteger();
		ArkTransport transport = ArkTransport.builder().restClientBuilder(() -> {
			asked.incrementAndGet();
			return counting(RestClient.builder());
		}).baseUrl(URI.create(this.ark.baseUrl())).build();
		assertThat(asked).as("builder asked for when the transport is built").hasValue(0);

		for (int i = 0; i < 2; i++) {
			JsonNode answer = transport.post("/answer", new Object[0], (headers) -> {
			}, ArkJson.mapper().readerFor(JsonNode.class));
			assertThat(answer.path("answer").asInt()).isEqualTo(42);
		}
		assertThat(asked).as("builder asked for after two calls").hasValue(1);
		assertThat(this.builds).as("the blocking and the streaming client").hasValue(2);
	}

	/** A builder (and every clone of it) that counts the clients built from it. */
	private RestClient.Builder counting(RestClient.Builder delegate) {
		return (RestClient.Builder) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { RestClient.Builder.class }, (proxy, method, args) -> {
					switch (method.getName()) {
						case "clone":
							return counting(delegate.clone());
						case "build":
							this.builds.incrementAndGet();
							return delegate.build();
						default:
							try {
								Object result = method.invoke(delegate, args);
								return (result == delegate) ? proxy : result;
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
					}
				});
	}

}
