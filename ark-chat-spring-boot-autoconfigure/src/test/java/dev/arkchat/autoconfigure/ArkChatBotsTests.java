package dev.arkchat.autoconfigure;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Several bots in one application: {@code ark.chat.bots.<name>.*} gives a {@link BotChatOperations} per name,
 * injectable by qualifier, each sending its own bot id and defaults; the default one stays what plain injection finds.
 */
class ArkChatBotsTests {

	private static final String PATH = "/api/v3/bots/chat/completions";

	private static final WireMockServer ark = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ArkChatAutoConfiguration.class))
		.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.base-url=" + ark.baseUrl(),
				"ark.chat.bot.id=bot-default");

	@BeforeAll
	static void startArk() {
		ark.start();
	}

	@AfterAll
	static void stopArk() {
		ark.stop();
	}

	@BeforeEach
	void resetArk() {
		ark.resetAll();
		ark.stubFor(post(PATH).willReturn(okJson(ArkChatAutoConfigurationTests.COMPLETION)));
	}

	@Test
	void eachNamedBotIsABeanInjectableByItsName() {
		this.runner
			.withPropertyValues("ark.chat.bots.sales.id=bot-sales", "ark.chat.bots.sales.temperature=0.2",
					"ark.chat.bots.sales.system-prompt=You sell mountains.", "ark.chat.bots.support.id=bot-support",
					"ark.chat.bots.support.max-tokens=256", "ark.chat.bots.support.thinking=disabled",
					"ark.chat.bots.support.top-p=0.5")
			.withUserConfiguration(Consumers.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(BotChatOperations.class)).containsOnlyKeys("botChatTemplate",
						"salesBotChatOperations", "supportBotChatOperations");
				Consumers consumers = context.getBean(Consumers.class);

				consumers.plain.chat("hello");
				consumers.sales.chat("Which is the tallest?");
				consumers.support.chat("It is broken");

				ark.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Request-Bot", equalTo("bot-default"))
					.withRequestBody(equalToJson("""
							{"model":"bot-default","messages":[{"role":"user","content":"hello"}]}""")));
				ark.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Request-Bot", equalTo("bot-sales"))
					.withRequestBody(equalToJson("""
							{"model":"bot-sales","temperature":0.2,
							 "messages":[{"role":"system","content":"You sell mountains."},
							             {"role":"user","content":"Which is the tallest?"}]}""")));
				ark.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Request-Bot", equalTo("bot-support"))
					.withRequestBody(equalToJson("""
							{"model":"bot-support","max_tokens":256,"top_p":0.5,"thinking":{"type":"disabled"},
							 "messages":[{"role":"user","content":"It is broken"}]}""")));
			});
	}

	@Test
	void theDefaultBotsDefaultsApplyToo() {
		this.runner.withPropertyValues("ark.chat.bot.temperature=0.1", "ark.chat.bot.system-prompt=Be brief.")
			.run((context) -> {
				BotChatTemplate template = context.getBean(BotChatTemplate.class);
				assertThat(template.getDefaultOptions().temperature()).isEqualTo(0.1);
				template.chat("hi");
				ark.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
						{"model":"bot-default","temperature":0.1,
						 "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"hi"}]}""")));
			});
	}

	@Test
	void withoutNamedBotsThereIsOneOperationsBean() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(BotChatOperations.class));
	}

	@Test
	void namedBotsAndAreasSetOnlyThroughEnvironmentVariablesAreFound() {
		// the registrar asks first whether anything is set under a prefix, and reads the values only then
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("ARK_CHAT_BOTS_SALES_ID", "bot-sales", "ARK_CHAT_LEGACY_BOT_ENABLED", "false"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("salesBotChatOperations", BotChatTemplate.class).getDefaultBotId())
					.isEqualTo("bot-sales");
				assertThat(context).doesNotHaveBean("legacyBotChatClient");
				assertThat(context).hasBean("contextClient");
			});
	}

	@Test
	void theApplicationsBeanOfTheSameNameWins() {
		BotChatOperations mine = mock(BotChatOperations.class);
		this.runner.withPropertyValues("ark.chat.bots.sales.id=bot-sales")
			.withBean("salesBotChatOperations", BotChatOperations.class, () -> mine)
			.run((context) -> assertThat(context.getBean("salesBotChatOperations")).isSameAs(mine));
	}

	@Test
	void namedBotsAreNotRegisteredWhenDisabled() {
		this.runner.withPropertyValues("ark.chat.enabled=false", "ark.chat.bots.sales.id=bot-sales")
			.run((context) -> assertThat(context).doesNotHaveBean(BotChatOperations.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Consumers {

		final BotChatOperations plain;

		final BotChatOperations sales;

		final BotChatOperations support;

		Consumers(BotChatOperations plain, @Qualifier("sales") BotChatOperations sales,
				@Qualifier("support") BotChatOperations support) {
			this.plain = plain;
			this.sales = sales;
			this.support = support;
		}

		@Bean
		String marker() {
			return "consumers";
		}

	}

}
