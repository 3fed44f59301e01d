package dev.arkchat.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.arkchat.ArkRegion;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.StaticApiKeyProvider;
import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatOperations;
import dev.arkchat.bot.BotChatTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The beans of {@link ArkChatAutoConfiguration} and their conditions, without a network.
 */
class ArkChatAutoConfigurationTests {

	static final String COMPLETION = """
			{"id":"021","object":"chat.completion","created":1,"model":"doubao-pro-32k","choices":[
			{"index":0,"message":{"role":"assistant","content":"Mount Everest."},"finish_reason":"stop"}]}
			""";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ArkChatAutoConfiguration.class));

	@Test
	void createsTheBeansFromTheProperties() {
		this.runner.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.bot.id=bot-20250101000000-abcde")
			.run((context) -> {
				assertThat(context).hasSingleBean(StaticApiKeyProvider.class);
				assertThat(context.getBean(ApiKeyProvider.class).getApiKey("bot-x")).isEqualTo("sk-test");
				assertThat(context).hasSingleBean(BotChatClient.class);
				assertThat(context).hasSingleBean(BotChatOperations.class);
				assertThat(context.getBean(BotChatTemplate.class).getDefaultBotId())
					.isEqualTo("bot-20250101000000-abcde");
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("ark.chat.enabled=false", "ark.chat.api-key=sk-test").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ApiKeyProvider.class);
			assertThat(context).doesNotHaveBean(BotChatClient.class);
			assertThat(context).doesNotHaveBean(BotChatOperations.class);
			assertThat(context).doesNotHaveBean(ArkChatProperties.class);
		});
	}

	@Test
	void theApplicationsOperationsWin() {
		BotChatOperations mine = mock(BotChatOperations.class);
		this.runner.withPropertyValues("ark.chat.api-key=sk-test")
			.withBean(BotChatOperations.class, () -> mine)
			.run((context) -> {
				assertThat(context).getBean(BotChatOperations.class).isSameAs(mine);
				assertThat(context).doesNotHaveBean(BotChatTemplate.class);
				assertThat(context).hasSingleBean(BotChatClient.class);
			});
	}

	@Test
	void theConditionReportSaysWhyEachBeanIsOrIsNotThere() {
		this.runner.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.legacy-bot.enabled=false")
			.withBean("myOperations", BotChatOperations.class, () -> mock(BotChatOperations.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Map<String, ConditionAndOutcomes> bySource = ConditionEvaluationReport.get(context.getBeanFactory())
					.getConditionAndOutcomesBySource();
				String source = ArkChatAutoConfiguration.class.getName() + "#";
				assertThat(outcomes(bySource, source + "botChatClient")).containsExactly("true: "
						+ "@ConditionalOnMissingBean (types: dev.arkchat.bot.BotChatClient; SearchStrategy: all) "
						+ "did not find any beans");
				assertThat(outcomes(bySource, source + "botChatTemplate")).containsExactly("false: "
						+ "@ConditionalOnMissingBean (types: dev.arkchat.bot.BotChatOperations; SearchStrategy: all) "
						+ "found bean 'myOperations'");
				assertThat(outcomes(bySource, source + "legacyBotChatClient")).containsExactly("false: "
						+ "@ConditionalOnBooleanProperty (ark.chat.legacy-bot.enabled=true) found different value in "
						+ "property 'ark.chat.legacy-bot.enabled'");
				assertThat(outcomes(bySource, source + "arkChatApiKeyProvider")).containsExactly(
						"true: @ConditionalOnProperty (ark.chat.api-key) is set",
						"true: @ConditionalOnMissingBean (types: dev.arkchat.auth.ApiKeyProvider; SearchStrategy: all) "
								+ "did not find any beans");
				assertThat(bySource).doesNotContainKey(source + "legacyBotChatTemplate");
				assertThat(context).doesNotHaveBean("legacyBotChatClient").doesNotHaveBean("botChatTemplate");
			});
	}

	private static List<String> outcomes(Map<String, ConditionAndOutcomes> bySource, String source) {
		assertThat(bySource).containsKey(source);
		List<String> outcomes = new ArrayList<>();
		bySource.get(source)
			.forEach((conditionAndOutcome) -> outcomes.add(conditionAndOutcome.getOutcome().isMatch() + ": "
					+ conditionAndOutcome.getOutcome().getMessage()));
		return outcomes;
	}

	@Test
	void theApplicationsClientWinsAndTheTemplateUsesIt() {
		// the v2 and context clients would need credentials, which this application gives only its own client
		this.runner
			.withPropertyValues("ark.chat.bot.id=bot-default", "ark.chat.legacy-bot.enabled=false",
					"ark.chat.context.enabled=false")
			.withUserConfiguration(OwnClientConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(BotChatClient.class).isSameAs(context.getBean("myClient"));
				// the template calls the application's client: its interceptor answers
				assertThat(context.getBean(BotChatOperations.class).chat("hi").content()).isEqualTo("Mount Everest.");
				assertThat(context.getBean(OwnClientConfiguration.class).seen.get().getPath())
					.isEqualTo("/own/api/v3/bots/chat/completions");
			});
	}

	@Test
	void theApplicationsApiKeyProviderWins() {
		ApiKeyProvider mine = (resource) -> "per-bot-key";
		this.runner.withBean(ApiKeyProvider.class, () -> mine).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(ApiKeyProvider.class).isSameAs(mine);
			assertThat(context).doesNotHaveBean(StaticApiKeyProvider.class);
		});
	}

	@Test
	void theApplicationsBeansCountAsBootsConditionsWouldCountThem() {
		ApplicationContextRunner withApiKey = this.runner.withPropertyValues("ark.chat.api-key=sk-test");
		// a factory bean whose product is a provider, known without creating it
		withApiKey.withUserConfiguration(FactoryBeanKeys.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanNamesForType(ApiKeyProvider.class)).containsExactly("keys");
			assertThat(context).doesNotHaveBean(StaticApiKeyProvider.class);
		});
		// a provider of a parent context
		ApiKeyProvider parents = (resource) -> "parent-key";
		new ApplicationContextRunner().withBean(ApiKeyProvider.class, () -> parents).run((parent) -> withApiKey
			.withParent(parent)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanNamesForType(StaticApiKeyProvider.class)).isEmpty();
				assertThat(context.getBean(ApiKeyProvider.class)).isSameAs(parents);
			}));
		// a provider that is no default candidate for injection does not count
		withApiKey.withBean("notForInjection", ApiKeyProvider.class, () -> (resource) -> "other-key",
				(definition) -> ((AbstractBeanDefinition) definition).setDefaultCandidate(false))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanNamesForType(StaticApiKeyProvider.class))
					.containsExactly("arkChatApiKeyProvider");
			});
	}

	@Test
	void bindsTheRegionInLowerCaseAndCallsItsHost() {
		AtomicReference<URI> seen = new AtomicReference<>();
		this.runner
			.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.region=ap-southeast", "ark.chat.bot.id=bot-1")
			.withBean(ArkChatRestClientCustomizer.class, () -> answeringWith(seen))
			.run((context) -> {
				assertThat(context.getBean(ArkChatProperties.class).getRegion()).isEqualTo(ArkRegion.AP_SOUTHEAST);
				context.getBean(BotChatOperations.class).chat("hi");
				assertThat(seen.get())
					.isEqualTo(URI.create("https://ark.ap-southeast.bytepluses.com/api/v3/bots/chat/completions"));
			});
	}

	@Test
	void defaultsToTheBeijingHost() {
		AtomicReference<URI> seen = new AtomicReference<>();
		this.runner.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.bot.id=bot-1")
			.withBean(ArkChatRestClientCustomizer.class, () -> answeringWith(seen))
			.run((context) -> {
				assertThat(context.getBean(ArkChatProperties.class).getRegion()).isEqualTo(ArkRegion.CN_BEIJING);
				context.getBean(BotChatOperations.class).chat("hi");
				assertThat(seen.get())
					.isEqualTo(URI.create("https://ark.cn-beijing.volces.com/api/v3/bots/chat/completions"));
			});
	}

	@Test
	void theBaseUrlOverridesTheRegionsHost() {
		AtomicReference<URI> seen = new AtomicReference<>();
		this.runner
			.withPropertyValues("ark.chat.api-key=sk-test", "ark.chat.region=cn-shanghai",
					"ark.chat.base-url=https://ark-proxy.example.com/", "ark.chat.bot.id=bot-1")
			.withBean(ArkChatRestClientCustomizer.class, () -> answeringWith(seen))
			.run((context) -> {
				context.getBean(BotChatOperations.class).chat("hi");
				assertThat(seen.get())
					.isEqualTo(URI.create("https://ark-proxy.example.com/api/v3/bots/chat/completions"));
			});
	}

	@Test
	void toStringNeverShowsTheKey() {
		this.runner.withPropertyValues("ark.chat.api-key=sk-very-secret-123", "ark.chat.bot.id=bot-1")
			.run((context) -> {
				String properties = context.getBean(ArkChatProperties.class).toString();
				assertThat(properties).doesNotContain("sk-very-secret-123")
					.contains("apiKey=******")
					.contains("bot-1");
				assertThat(context.getBean(ApiKeyProvider.class).toString()).doesNotContain("sk-very-secret-123");
				assertThat(context.getBean(BotChatClient.class).toString()).doesNotContain("sk-very-secret-123");
			});
		assertThat(new ArkChatProperties().toString()).contains("apiKey=(not set)");
	}

	/** An Ark-only customizer whose interceptor records the URI and answers without any network. */
	static ArkChatRestClientCustomizer answeringWith(AtomicReference<URI> seen) {
		return (builder) -> builder.requestInterceptor((request, body, execution) -> {
			seen.set(request.getURI());
			MockClientHttpResponse response = new MockClientHttpResponse(COMPLETION.getBytes(), HttpStatus.OK);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return response;
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class FactoryBeanKeys {

		@Bean
		static FactoryBean<ApiKeyProvider> keys() {
			return new FactoryBean<>() {

				@Override
				public ApiKeyProvider getObject() {
					return (resource) -> "factory-key";
				}

				@Override
				public Class<?> getObjectType() {
					return ApiKeyProvider.class;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClientConfiguration {

		final AtomicReference<URI> seen = new AtomicReference<>();

		@Bean
		BotChatClient myClient() {
			RestClient restClient = RestClient.builder()
				.baseUrl("https://ark.example.com/own")
				.requestInterceptor((request, body, execution) -> {
					this.seen.set(request.getURI());
					MockClientHttpResponse response = new MockClientHttpResponse(COMPLETION.getBytes(), HttpStatus.OK);
					response.getHeaders().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
					return response;
				})
				.build();
			return new BotChatClient(restClient, (bot) -> "own-key");
		}

	}

}
