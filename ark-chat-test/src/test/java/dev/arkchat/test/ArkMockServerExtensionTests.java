package dev.arkchat.test;

import java.util.ArrayList;
import java.util.List;

import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

import static dev.arkchat.test.BotChatBlockingTests.BOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class ArkMockServerExtensionTests {

	/** Servers seen by the example classes below, to check their lifecycle after the run. */
	static final List<ArkMockServer> seen = new ArrayList<>();

	static String ask(ArkMockServer server, String question) {
		return BotChatClient.builder()
			.baseUrl(server.baseUrl())
			.apiKey("k")
			.build()
			.chat(BotChatRequest.builder().bot(BOT).user(question).build())
			.content();
	}

	@Test
	void staticRegistrationSharesOneServerResetBeforeEachTestAndStopsItAfterTheClass() {
		seen.clear();

		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(StaticRegistration.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(4).succeeded(4));

		assertThat(seen).hasSize(4);
		assertThat(seen).containsOnly(seen.get(0));
		assertThat(seen.get(0).wireMock().isRunning()).isFalse();
	}

	@Test
	void declarativeRegistrationInjectsTheServer() {
		seen.clear();

		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(DeclarativeRegistration.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(2).succeeded(2));

		assertThat(seen).hasSize(2).containsOnly(seen.get(0));
		assertThat(seen.get(0).wireMock().isRunning()).isFalse();
	}

	@Test
	void instanceRegistrationStartsAServerPerTest() {
		seen.clear();

		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(InstanceRegistration.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(2).succeeded(2));

		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isNotSameAs(seen.get(1));
		assertThat(seen).allSatisfy((server) -> assertThat(server.wireMock().isRunning()).isFalse());
	}

	@Test
	void serverIsUnavailableOutsideTests() {
		assertThatIllegalStateException().isThrownBy(() -> new ArkMockServerExtension().server())
			.withMessageContaining("not running");
	}

	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class StaticRegistration {

		@RegisterExtension
		static ArkMockServerExtension ark = new ArkMockServerExtension();

		@Test
		@Order(1)
		void configures(ArkMockServer injected) {
			assertThat(injected).isSameAs(ark.server());
			seen.add(injected);
			injected.botChat().answer("configured");
			injected.requireApiKey("other");
			assertThat(injected.requests()).isEmpty();
		}

		@Test
		@Order(2)
		void seesDefaultsAgain() {
			seen.add(ark.server());
			assertThat(ark.server().requests()).isEmpty();
			assertThat(ask(ark.server(), "q")).isEqualTo("Echo: q");
			ark.server().botChat().answer("configured again");
		}

		@Nested
		class Inner {

			@BeforeEach
			void lifecycleMethodsGetTheServerToo(ArkMockServer injected) {
				assertThat(injected).isSameAs(ark.server());
			}

			@Test
			void sharesTheServerAndItsReset() {
				seen.add(ark.server());
				assertThat(ark.server().requests()).isEmpty();
				assertThat(ask(ark.server(), "inner")).isEqualTo("Echo: inner");
			}

			@Test
			void stillRunsAfterTheFirstNestedTest() {
				seen.add(ark.server());
				assertThat(ark.server().wireMock().isRunning()).isTrue();
			}

		}

	}

	@ExtendWith(ArkMockServerExtension.class)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class DeclarativeRegistration {

		@Test
		@Order(1)
		void first(ArkMockServer ark) {
			seen.add(ark);
			ark.botChat().answer("one");
			assertThat(ask(ark, "q")).isEqualTo("one");
		}

		@Test
		@Order(2)
		void second(ArkMockServer ark) {
			seen.add(ark);
			assertThat(ask(ark, "q")).isEqualTo("Echo: q");
		}

	}

	static class InstanceRegistration {

		@RegisterExtension
		ArkMockServerExtension ark = new ArkMockServerExtension();

		@Test
		void one() {
			seen.add(this.ark.server());
			assertThat(ask(this.ark.server(), "q")).isEqualTo("Echo: q");
		}

		@Test
		void two(ArkMockServer injected) {
			assertThat(injected).isSameAs(this.ark.server());
			seen.add(injected);
		}

	}

}
