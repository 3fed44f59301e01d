package dev.arkchat.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import dev.arkchat.context.ContextChatCompletion;
import dev.arkchat.context.ContextSessions;
import dev.arkchat.test.ArkMockServer;
import dev.arkchat.test.ArkMockServerExtension;
import dev.arkchat.test.MockContext;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.embedded.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCache;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations shared through a real Redis server on loopback (the {@code redis-server} binary that
 * {@code com.github.codemonstur:embedded-redis} ships), with Spring Boot's own Redis cache support: two application
 * contexts continue the same conversation in the same Ark context, and a restarted application finds it again.
 */
class ContextSessionsRedisTests {

	static final String ENDPOINT = "ep-20250101000000-redis";

	static final String CONVERSATION = "conversation-7";

	@RegisterExtension
	static final ArkMockServerExtension extension = new ArkMockServerExtension();

	static RedisServer redis;

	static int redisPort;

	/** A plain client, to clear Redis between tests and to look inside it. */
	static RedisClient client;

	static StatefulRedisConnection<String, String> connection;

	ArkMockServer ark;

	ApplicationContextRunner runner;

	@BeforeAll
	static void startRedis() throws IOException {
		redisPort = freePort();
		redis = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(redisPort)
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		redis.start();
		client = RedisClient.create("redis://127.0.0.1:" + redisPort);
		connection = client.connect();
	}

	@AfterAll
	static void stopRedis() throws IOException {
		if (client != null) {
			connection.close();
			client.shutdown();
		}
		if (redis != null) {
			redis.stop();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@BeforeEach
	void setUp(ArkMockServer server) {
		this.ark = server;
		connection.sync().flushall();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CacheAutoConfiguration.class,
					ArkChatAutoConfiguration.class))
			.withUserConfiguration(CachingApplication.class)
			.withPropertyValues("spring.cache.type=redis", "spring.cache.redis.time-to-live=24h",
					"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort,
					"ark.chat.api-key=sk-redis", "ark.chat.base-url=" + server.baseUrl(),
					"ark.chat.context.endpoint-id=" + ENDPOINT,
					"ark.chat.context.session.system-prompt=You are Li Lei, a student.");
	}

	@Test
	void twoApplicationsContinueTheSameConversationInTheSameContext() {
		this.runner.run((first) -> this.runner.run((second) -> {
			ContextSessions one = first.getBean(ContextSessions.class);
			ContextSessions two = second.getBean(ContextSessions.class);
			assertThat(one.getCache()).isInstanceOf(RedisCache.class);
			assertThat(one).isNotSameAs(two);

			ContextChatCompletion hello = one.chat(CONVERSATION, "Hello, I am Ada.");
			String contextId = one.contextId(CONVERSATION);
			assertThat(two.contextId(CONVERSATION)).isEqualTo(contextId);
			ContextChatCompletion again = two.chat(CONVERSATION, "Who am I?");

			assertThat(again.cachedTokens()).isGreaterThan(hello.cachedTokens());
			assertThat(this.ark.contexts().all()).extracting(MockContext::id).containsExactly(contextId);
			MockContext context = this.ark.contexts().get(contextId);
			assertThat(context.turns()).isEqualTo(2);
			assertThat(context.messages()).extracting((message) -> message.content())
				.containsExactly("You are Li Lei, a student.", "Hello, I am Ada.", "Echo: Hello, I am Ada.",
						"Who am I?", "Echo: Who am I?");
			// the mapping is in Redis itself, under Spring's cache key
			assertThat(redisKeys()).containsExactly(ContextSessions.DEFAULT_CACHE_NAME + "::" + CONVERSATION);
		}));
	}

	@Test
	void aRestartedApplicationFindsTheConversationAgain() {
		String[] contextId = new String[1];
		int[] cached = new int[1];
		this.runner.run((before) -> {
			ContextSessions sessions = before.getBean(ContextSessions.class);
			cached[0] = sessions.chat(CONVERSATION, "Remember: my name is Ada.").cachedTokens();
			contextId[0] = sessions.contextId(CONVERSATION);
		});

		this.runner.run((after) -> {
			ContextSessions sessions = after.getBean(ContextSessions.class);
			assertThat(sessions.contextId(CONVERSATION)).isEqualTo(contextId[0]);

			ContextChatCompletion answer = sessions.chat(CONVERSATION, "What is my name?");

			assertThat(answer.cachedTokens()).isGreaterThan(cached[0]);
			assertThat(this.ark.contexts().all()).hasSize(1);
			assertThat(this.ark.contexts().get(contextId[0]).turns()).isEqualTo(2);
		});
	}

	@Test
	void whenTheContextExpiresOneApplicationRenewsItAndTheOtherFollows() {
		this.runner.run((first) -> this.runner.run((second) -> {
			ContextSessions one = first.getBean(ContextSessions.class);
			ContextSessions two = second.getBean(ContextSessions.class);
			one.chat(CONVERSATION, "Hello.");
			String expired = one.contextId(CONVERSATION);
			this.ark.contexts().expire(expired);

			two.chat(CONVERSATION, "Are you there?");
			String renewed = two.contextId(CONVERSATION);
			one.chat(CONVERSATION, "And now?");

			assertThat(renewed).isNotEqualTo(expired);
			assertThat(one.contextId(CONVERSATION)).isEqualTo(renewed);
			assertThat(this.ark.contexts().all()).extracting(MockContext::id).containsExactly(expired, renewed);
			assertThat(this.ark.contexts().get(renewed).turns()).isEqualTo(2);
		}));
	}

	private static List<String> redisKeys() {
		return connection.sync().keys("*");
	}

	/** What an application does to get Boot's CacheManager: turn caching on. */
	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingApplication {

	}

}
