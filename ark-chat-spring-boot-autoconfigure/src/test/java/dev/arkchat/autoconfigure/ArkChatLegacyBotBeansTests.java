package dev.arkchat.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.arkchat.ArkStreamException;
import dev.arkchat.bot.legacy.LegacyBotChatClient;
import dev.arkchat.bot.legacy.LegacyBotChatOperations;
import dev.arkchat.bot.legacy.LegacyBotChatRequest;
import dev.arkchat.bot.legacy.LegacyBotChatResponse;
import dev.arkchat.bot.legacy.LegacyBotChatStream;
import dev.arkchat.bot.legacy.LegacyBotChatTemplate;
import dev.arkchat.http.ArkJson;
import dev.arkchat.test.ArkMockServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;

/**
 * The legacy bot chat v2 beans of {@link LegacyBotChatBeans}: when they exist, which host and bot they
 * use, and their calls on the fake Ark.
 */
class ArkChatLegacyBotBeansTests {

	static final String BOT = "bot-20250101000000-legacy";

	@RegisterExtension
	static ArkMockServerExtension ark = new ArkMockServerExtension();

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ArkChatAutoConfiguration.class))
		.withPropertyValues("ark.chat.api-key=sk-legacy", "ark.chat.bot.id=" + BOT, "ark.chat.retry.max-attempts=1");

	ApplicationContextRunner onTheFake() {
		return this.runner.withPropertyValues("ark.chat.base-url=" + ark.server().baseUrl());
	}

	@Test
	void createsTheClientAndTheOperationsByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LegacyBotChatClient.class);
			assertThat(context).hasSingleBean(LegacyBotChatOperations.class);
			assertThat(context).hasSingleBean(ArkChatLegacyBotProperties.class);
			assertThat(context.getBean(LegacyBotChatTemplate.class).getDefaultBotId()).isEqualTo(BOT);
		});
	}

	@Test
	void itsOwnBotIdOverridesTheDefaultBot() {
		this.runner.withPropertyValues("ark.chat.legacy-bot.bot-id=bot-20250101000000-v2only")
			.run((context) -> assertThat(context.getBean(LegacyBotChatTemplate.class).getDefaultBotId())
				.isEqualTo("bot-20250101000000-v2only"));
	}

	@Test
	void backsOffWhenTurnedOff() {
		this.runner.withPropertyValues("ark.chat.legacy-bot.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(LegacyBotChatClient.class);
			assertThat(context).doesNotHaveBean(LegacyBotChatOperations.class);
			assertThat(context).doesNotHaveBean(ArkChatLegacyBotProperties.class);
		});
	}

	@Test
	void backsOffWhenArkChatIsTurnedOff() {
		this.runner.withPropertyValues("ark.chat.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(LegacyBotChatClient.class);
			assertThat(context).doesNotHaveBean(LegacyBotChatOperations.class);
		});
	}

	@Test
	void backsOffWithoutTheLegacyClientOnTheClassPath() {
		this.runner.withClassLoader(new FilteredClassLoader(LegacyBotChatClient.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(LegacyBotChatOperations.class);
		});
	}

	@Test
	void theApplicationsOperationsWin() {
		LegacyBotChatOperations mine = mock(LegacyBotChatOperations.class);
		this.runner.withBean(LegacyBotChatOperations.class, () -> mine).run((context) -> {
			assertThat(context).getBean(LegacyBotChatOperations.class).isSameAs(mine);
			assertThat(context).doesNotHaveBean(LegacyBotChatTemplate.class);
		});
	}

	@Test
	void theApplicationsClientWinsAndTheTemplateUsesIt() {
		LegacyBotChatClient mine = LegacyBotChatClient.builder()
			.baseUrl(ark.server().baseUrl())
			.apiKey("own-key")
			.build();
		this.runner.withBean(LegacyBotChatClient.class, () -> mine).run((context) -> {
			assertThat(context).getBean(LegacyBotChatClient.class).isSameAs(mine);
			context.getBean(LegacyBotChatOperations.class).chat("hi");
			assertThat(ark.server().requests().get(0).header("Authorization")).isEqualTo("Bearer own-key");
		});
	}

	@Test
	void callsTheArkHostByDefaultAndItsOwnBaseUrlWhenSet() {
		List<URI> seen = new CopyOnWriteArrayList<>();
		ArkChatRestClientCustomizer recorder = (builder) -> builder.requestInterceptor((request, body, execution) -> {
			seen.add(request.getURI());
			MockClientHttpResponse response = new MockClientHttpResponse(
					"{\"req_id\":\"r\",\"choices\":[{\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"
						.getBytes(),
					HttpStatus.OK);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return response;
		});
		ApplicationContextRunner recording = this.runner.withBean(ArkChatRestClientCustomizer.class, () -> recorder);
		recording.withPropertyValues("ark.chat.region=ap-southeast")
			.run((context) -> context.getBean(LegacyBotChatOperations.class).chat("hi"));
		recording.withPropertyValues("ark.chat.base-url=https://ark-proxy.example.com")
			.run((context) -> context.getBean(LegacyBotChatOperations.class).chat("hi"));
		recording
			.withPropertyValues("ark.chat.base-url=https://ark-proxy.example.com",
					"ark.chat.legacy-bot.base-url=https://ark-v2.example.com/")
			.run((context) -> context.getBean(LegacyBotChatOperations.class).chat("hi"));

		assertThat(seen).containsExactly(
				URI.create("https://ark.ap-southeast.bytepluses.com/api/v2/bots/" + BOT + "/chat"),
				URI.create("https://ark-proxy.example.com/api/v2/bots/" + BOT + "/chat"),
				URI.create("https://ark-v2.example.com/api/v2/bots/" + BOT + "/chat"));
	}

	@Test
	void aMalformedBaseUrlFailsTheStartupNamingItsProperty() {
		this.runner.withPropertyValues("ark.chat.legacy-bot.base-url=ark-v2.example.com")
			.run((context) -> assertThat(ArkChatCredentialBeansTests.analysis(context).getDescription())
				.contains("'ark.chat.legacy-bot.base-url'"));
	}

	@Test
	void answersBlockingAndStreamedOnTheFake() {
		ark.server().legacyBotChat().answer("Great Wall: 21,196 km.").chunkSize(6).usage(9, 7);
		onTheFake().run((context) -> {
			LegacyBotChatOperations v2 = context.getBean(LegacyBotChatOperations.class);

			LegacyBotChatResponse blocking = v2.chat(LegacyBotChatRequest.builder()
				.user("How long is the Great Wall?")
				.temperature(0.5)
				.maxNewTokens(100)
				.build());
			List<String> pieces = new CopyOnWriteArrayList<>();
			LegacyBotChatResponse streamed;
			try (LegacyBotChatStream stream = v2.stream("How long?")) {
				stream.forEach((chunk) -> pieces.add(chunk.content()));
				streamed = stream.completion();
			}

			assertThat(blocking.content()).isEqualTo("Great Wall: 21,196 km.");
			assertThat(blocking.usage().totalTokens()).isEqualTo(16);
			assertThat(pieces).containsExactly("Great ", "Wall: ", "21,196", " km.");
			assertThat(streamed.content()).isEqualTo("Great Wall: 21,196 km.");
			assertThat(streamed.usage().promptTokens()).isEqualTo(9);
			assertThat(ark.server().requests()).hasSize(2);
			assertThat(ark.server().requests().get(0).path()).isEqualTo("/api/v2/bots/" + BOT + "/chat");
			assertThat(ark.server().requests().get(0).bodyJson()).isEqualTo(ArkJson.mapper()
				.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"How long is the Great Wall?\"}],"
						+ "\"stream\":false,\"parameters\":{\"max_new_tokens\":100,\"temperature\":0.5}}"));
			assertThat(ark.server().requests().get(1).header("Authorization")).isEqualTo("Bearer sk-legacy");
		});
	}

	@Test
	void anErrorMidStreamRaisesItsCode() {
		ark.server().legacyBotChat().answer("abcdef").chunkSize(2).errorMidStream(1, "ModelLoadingError", "busy");
		onTheFake().run((context) -> {
			try (LegacyBotChatStream stream = context.getBean(LegacyBotChatOperations.class).stream("hi")) {
				ArkStreamException failure = catchThrowableOfType(ArkStreamException.class, stream::completion);
				assertThat(failure.getCode()).isEqualTo("ModelLoadingError");
			}
		});
	}

}
