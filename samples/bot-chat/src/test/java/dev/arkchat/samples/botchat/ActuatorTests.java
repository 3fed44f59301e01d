package dev.arkchat.samples.botchat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.arkchat.test.ArkMockServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What actuator shows of Ark in the sample, as an operator sees it: the {@code ark} health indicator and the
 * {@code gen_ai.*} meters of the calls made.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ark.chat.api-key=", "ark.chat.bot.id=", "sample.mock-ark.chunk-delay=0ms" })
class ActuatorTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ArkMockServer ark;

	@Test
	void healthShowsArkWithItsHostCredentialsAndLastCall() throws Exception {
		chat();

		JsonNode health = get("/actuator/health");

		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode arkHealth = health.path("components").path("ark");
		assertThat(arkHealth.path("status").asString()).isEqualTo("UP");
		assertThat(arkHealth.path("details").path("hosts").path(this.ark.baseUrl()).path("reachable").asBoolean())
			.isTrue();
		assertThat(arkHealth.path("details").path("credentials").path("type").asString()).isEqualTo("api-key");
		assertThat(arkHealth.path("details").path("calls").path("bots").path("outcome").asString())
			.isEqualTo("success");
		assertThat(arkHealth.toString()).doesNotContain("mock-api-key");
	}

	@Test
	void metricsShowTheTokensAndTheCallsOfArk() throws Exception {
		chat();

		JsonNode input = get("/actuator/metrics/gen_ai.client.token.usage?tag=gen_ai.token.type:input"
				+ "&tag=gen_ai.request.model:" + MockArkEnvironmentPostProcessor.MOCK_BOT_ID);
		assertThat(input.path("baseUnit").asString()).isEqualTo("tokens");
		assertThat(measurement(input, "COUNT")).isGreaterThanOrEqualTo(1);
		assertThat(measurement(input, "TOTAL")).isGreaterThanOrEqualTo(MockArkAnswer.PROMPT_TOKENS);

		JsonNode calls = get("/actuator/metrics/gen_ai.client.operation?tag=ark.api:bots&tag=error.type:none");
		assertThat(measurement(calls, "COUNT")).isGreaterThanOrEqualTo(1);
	}

	private void chat() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"hi\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static double measurement(JsonNode metric, String statistic) {
		for (JsonNode measurement : metric.path("measurements")) {
			if (statistic.equals(measurement.path("statistic").asString())) {
				return measurement.path("value").asDouble();
			}
		}
		throw new AssertionError("no " + statistic + " in " + metric);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
