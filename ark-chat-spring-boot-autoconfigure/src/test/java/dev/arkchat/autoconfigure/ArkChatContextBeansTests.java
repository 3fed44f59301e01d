package dev.arkchat.autoconfigure;

import java.time.Duration;

import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.context.ContextChatOperations;
import dev.arkchat.context.ContextChatTemplate;
import dev.arkchat.context.ContextClient;
import dev.arkchat.context.ContextMode;
import dev.arkchat.context.ContextSessions;
import dev.arkchat.context.TruncationStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The beans of {@link ContextChatBeans}, their conditions, and the startup failures of its
 * properties, without a network.
 */
class ArkChatContextBeansTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ArkChatAutoConfiguration.class))
		.withPropertyValues("ark.chat.api-key=sk-test");

	@Test
	void createsTheBeansWithTheConfiguredDefaults() {
		this.runner
			.withPropertyValues("ark.chat.context.endpoint-id=ep-20250101000000-abcde", "ark.chat.context.mode=session",
					"ark.chat.context.ttl=2h", "ark.chat.context.truncation.last-history-tokens=2048",
					"ark.chat.context.session.system-prompt=You are Li Lei.")
			.run((context) -> {
				assertThat(context).hasSingleBean(ContextClient.class);
				assertThat(context).hasSingleBean(ContextChatOperations.class);
				ContextChatTemplate template = context.getBean(ContextChatTemplate.class);
				assertThat(template.getDefaultEndpointId()).isEqualTo("ep-20250101000000-abcde");
				assertThat(template.getDefaultMode()).isEqualTo(ContextMode.SESSION);
				assertThat(template.getDefaultTtl()).isEqualTo(7200L);
				assertThat(template.getDefaultTruncationStrategy())
					.isEqualTo(TruncationStrategy.ofLastHistoryTokens(2048));
				ContextSessions sessions = context.getBean(ContextSessions.class);
				assertThat(sessions).isSameAs(template.sessions());
				assertThat(sessions.getInitialMessages()).containsExactly(ChatMessage.system("You are Li Lei."));
				assertThat(sessions.getCache()).isInstanceOf(ConcurrentMapCache.class);
				assertThat(sessions.getCache().getName()).isEqualTo(ContextSessions.DEFAULT_CACHE_NAME);
			});
	}

	@Test
	void startsWithoutAnEndpointIdAndThenRequestsMustNameOne() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			ContextChatTemplate template = context.getBean(ContextChatTemplate.class);
			assertThat(template.getDefaultEndpointId()).isNull();
			assertThat(template.getDefaultMode()).isNull();
			assertThat(template.getDefaultTtl()).isNull();
			assertThat(template.getDefaultTruncationStrategy()).isNull();
			assertThatIllegalArgumentException().isThrownBy(() -> template.createContext("s"))
				.withMessageContaining("ark.chat.context.endpoint-id");
		});
	}

	@Test
	void aNumberAloneIsSecondsAndTheModeIsRelaxed() {
		this.runner.withPropertyValues("ark.chat.context.ttl=604800", "ark.chat.context.mode=Common-Prefix")
			.run((context) -> {
				ContextChatTemplate template = context.getBean(ContextChatTemplate.class);
				assertThat(template.getDefaultTtl()).isEqualTo(604800L);
				assertThat(template.getDefaultMode()).isEqualTo(ContextMode.COMMON_PREFIX);
			});
	}

	@Test
	void theTruncationTypeIsInferredFromItsSetting() {
		this.runner.withPropertyValues("ark.chat.context.truncation.rolling-tokens=false")
			.run((context) -> assertThat(context.getBean(ContextChatTemplate.class).getDefaultTruncationStrategy())
				.isEqualTo(new TruncationStrategy(TruncationStrategy.ROLLING_TOKENS, null, false, null, null)));
	}

	@Test
	void theSessionStartsWithTheSystemPromptThenTheInitialMessages() {
		this.runner
			.withPropertyValues("ark.chat.context.session.system-prompt=Be brief.",
					"ark.chat.context.session.initial-messages[0].role=user",
					"ark.chat.context.session.initial-messages[0].content=I am Ada.",
					"ark.chat.context.session.initial-messages[1].role=assistant",
					"ark.chat.context.session.initial-messages[1].content=Hello Ada.",
					"ark.chat.context.session.initial-messages[2].role=SYSTEM",
					"ark.chat.context.session.initial-messages[2].content=Use her name.")
			.run((context) -> assertThat(context.getBean(ContextSessions.class).getInitialMessages())
				.extracting(ChatMessage::role, ChatMessage::content)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(ChatRole.SYSTEM, "Be brief."),
						org.assertj.core.groups.Tuple.tuple(ChatRole.USER, "I am Ada."),
						org.assertj.core.groups.Tuple.tuple(ChatRole.ASSISTANT, "Hello Ada."),
						org.assertj.core.groups.Tuple.tuple(ChatRole.SYSTEM, "Use her name.")));
	}

	@Test
	void theSessionsTakeTheirCacheFromTheApplicationsCacheManager() {
		ConcurrentMapCacheManager cacheManager = new ConcurrentMapCacheManager();
		this.runner.withBean(CacheManager.class, () -> cacheManager)
			.withPropertyValues("ark.chat.context.session.cache-name=conversations")
			.run((context) -> {
				Cache cache = context.getBean(ContextSessions.class).getCache();
				assertThat(cache).isSameAs(cacheManager.getCache("conversations"));
				assertThat(cacheManager.getCacheNames()).containsExactly("conversations");
			});
	}

	@Test
	void aCacheManagerWithoutTheCacheFailsTheStartupNamingTheProperty() {
		this.runner.withBean(CacheManager.class, () -> new ConcurrentMapCacheManager("other"))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ArkChatConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'ark.chat.context.session.cache-name'")
					.contains(ContextSessions.DEFAULT_CACHE_NAME);
				assertThat(analysis.getAction()).contains("spring.cache.cache-names").contains("[other]");
			});
	}

	@Test
	void severalCacheManagersWithoutAPrimaryOneLeaveTheSessionsInMemory() {
		this.runner.withBean("one", CacheManager.class, ConcurrentMapCacheManager::new)
			.withBean("two", CacheManager.class, ConcurrentMapCacheManager::new)
			.run((context) -> assertThat(context.getBean(ContextSessions.class).getCache())
				.isInstanceOf(ConcurrentMapCache.class)
				.satisfies((cache) -> assertThat(context.getBean("one", CacheManager.class).getCacheNames()).isEmpty()));
	}

	@Test
	void theApplicationsBeansWin() {
		this.runner.withUserConfiguration(OwnContextBeans.class).run((context) -> {
			ContextChatTemplate mine = context.getBean("myOperations", ContextChatTemplate.class);
			assertThat(context).getBean(ContextChatOperations.class).isSameAs(mine);
			assertThat(context).getBean(ContextClient.class).isSameAs(context.getBean("myClient"));
			assertThat(context).getBean(ContextSessions.class).isSameAs(mine.sessions());
			assertThat(mine.getDefaultEndpointId()).isEqualTo("ep-mine");
		});
	}

	@Test
	void theApplicationsSessionsWin() {
		this.runner.withBean(ContextSessions.class,
				() -> ContextSessions.builder(ContextChatTemplate.builder(ContextClient.builder().apiKey("k").build())
					.build()).systemPrompt("mine").build())
			.run((context) -> {
				assertThat(context.getBean(ContextSessions.class).getInitialMessages())
					.containsExactly(ChatMessage.system("mine"));
				assertThat(context).hasSingleBean(ContextChatTemplate.class);
			});
	}

	@Test
	void backsOffWhenTurnedOff() {
		this.runner.withPropertyValues("ark.chat.context.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ContextClient.class);
			assertThat(context).doesNotHaveBean(ContextChatOperations.class);
			assertThat(context).doesNotHaveBean(ContextSessions.class);
			assertThat(context).doesNotHaveBean(ArkChatContextProperties.class);
		});
		this.runner.withPropertyValues("ark.chat.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ContextClient.class);
		});
	}

	@Test
	void withoutSpringsCacheAbstractionThereAreNoSessionBeans() {
		this.runner.withClassLoader(new FilteredClassLoader(Cache.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ContextChatOperations.class);
			assertThat(context).doesNotHaveBean(ContextSessions.class);
		});
	}

	@Test
	void withoutCredentialsTheContextClientFailsTheStartupNamingTheProperty() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ArkChatAutoConfiguration.class))
			// the v2 client would be reported first
			.withPropertyValues("ark.chat.legacy-bot.enabled=false")
			.withBean("botChatClient", dev.arkchat.bot.BotChatClient.class,
					() -> dev.arkchat.bot.BotChatClient.builder().apiKey("bots-only").build())
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ArkChatConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("ContextClient").contains("'ark.chat.api-key'");
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ark.chat.context.ttl=59m                                      | ark.chat.context.ttl
			ark.chat.context.ttl=8d                                       | ark.chat.context.ttl
			ark.chat.context.ttl=3599                                     | ark.chat.context.ttl
			ark.chat.context.ttl=3600500ms                                | ark.chat.context.ttl
			ark.chat.context.mode=prefix                                  | ark.chat.context.mode
			ark.chat.context.truncation.type=newest                       | ark.chat.context.truncation.type
			ark.chat.context.truncation.last-history-tokens=0             | ark.chat.context.truncation.last-history-tokens
			ark.chat.context.session.cache-name=                          | ark.chat.context.session.cache-name
			ark.chat.context.session.initial-messages[0].role=robot       | ark.chat.context.session.initial-messages[0].role
			ark.chat.context.session.initial-messages[0].role=assistant   | ark.chat.context.session.initial-messages[0].role
			""")
	void aWrongPropertyFailsTheStartupNamingIt(String property, String named) {
		this.runner.withPropertyValues(property, "ark.chat.context.session.initial-messages[0].content=x")
			.run((context) -> assertFailsNaming(context.getStartupFailure(), named));
	}

	@Test
	void truncationInCommonPrefixModeFailsTheStartup() {
		this.runner
			.withPropertyValues("ark.chat.context.mode=common_prefix",
					"ark.chat.context.truncation.type=rolling_tokens")
			.run((context) -> assertFailsNaming(context.getStartupFailure(), "ark.chat.context.truncation"));
	}

	@Test
	void twoTruncationSettingsWithoutATypeFailTheStartup() {
		this.runner
			.withPropertyValues("ark.chat.context.truncation.last-history-tokens=10",
					"ark.chat.context.truncation.rolling-tokens=true")
			.run((context) -> assertFailsNaming(context.getStartupFailure(), "ark.chat.context.truncation.type"));
	}

	@Test
	void anInitialMessageWithoutContentFailsTheStartup() {
		this.runner.withPropertyValues("ark.chat.context.session.initial-messages[0].role=user")
			.run((context) -> assertFailsNaming(context.getStartupFailure(),
					"ark.chat.context.session.initial-messages[0].content"));
	}

	private static void assertFailsNaming(Throwable failure, String property) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new ArkChatConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		assertThat(analysis.getDescription()).contains("'" + property);
		assertThat(analysis.getAction()).contains("'" + property);
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class OwnContextBeans {

		@org.springframework.context.annotation.Bean
		ContextClient myClient() {
			return ContextClient.builder().apiKey("mine").build();
		}

		@org.springframework.context.annotation.Bean
		ContextChatTemplate myOperations(ContextClient myClient) {
			return ContextChatTemplate.builder(myClient).endpointId("ep-mine").ttl(Duration.ofHours(3)).build();
		}

	}

}
