package dev.arkchat.samples.botchat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.arkchat.bot.BotChatClient;
import dev.arkchat.bot.BotChatStream;
import dev.arkchat.bot.BotChatTemplate;
import dev.arkchat.http.ServerSentEvent;
import dev.arkchat.http.ServerSentEventReader;
import dev.arkchat.test.ArkMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat page ({@code static/index.html}) in a real browser: Debian's headless Chromium driven by Selenium through
 * {@code /usr/bin/chromedriver}, against the sample on a random port, answering from its fake Ark with a pause between
 * streamed pieces.
 * <p>
 * That the answer appears while it streams is checked without racing the stream: an {@link EventStreamGate} holds
 * {@code /chat/stream} just before one of its events, so the page must show exactly the text sent before it, and no
 * end of the answer yet, until the test lets the stream go on.
 * <p>
 * Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages {@code chromium} and
 * {@code chromium-driver}, installed on CI by {@code .ci/services}). Without them every test here FAILS when the
 * environment variable {@code CI} is {@code true}, and is skipped (a failed assumption) otherwise, so that a developer
 * machine without Chromium still builds. Screenshots go to {@code target/bot-chat*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ark.chat.api-key=", "ark.chat.bot.id=", "sample.mock-ark.chunk-delay=20ms" })
class ChatPageBrowserTests {

	private static final Duration CHUNK_DELAY = Duration.ofMillis(20);

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private ArkMockServer ark;

	@Autowired
	private FilterRegistrationBean<EventStreamGate> gateRegistration;

	@Autowired
	private StreamDisconnectTests.RecordingBotChatOperations bots;

	private EventStreamGate gate;

	private HeadlessChromium chromium;

	private ChromeDriver browser;

	@BeforeAll
	static void needsChromium() {
		// before the application starts, so that a skipped class costs nothing
		HeadlessChromium.requireInstalled();
	}

	@BeforeEach
	void openTheBrowser() {
		this.gate = this.gateRegistration.getFilter();
		this.bots.opened.clear();
		this.chromium = HeadlessChromium.start("1100,960");
		this.browser = this.chromium.driver();
	}

	@AfterEach
	void closeTheBrowserAndRestoreTheAnswer() {
		this.gate.releaseAll();
		if (this.chromium != null) {
			this.chromium.close();
		}
		this.ark.reset();
		MockArkAnswer.configure(this.ark, CHUNK_DELAY);
	}

	@Test
	void answerAppearsWhileItStreamsThenReasoningReferencesAndUsageAreShown() throws Exception {
		EventStreamGate.Hold midAnswer = this.gate.holdBefore("content", 12);
		openThePage();
		WebElement question = this.browser.findElement(By.id("question"));
		assertThat(question.getAccessibleName()).isEqualTo("Your question");
		assertThat(this.browser.switchTo().activeElement()).as("the question box has the focus").isEqualTo(question);
		assertThat(sendButton().isEnabled()).as("nothing to send yet").isFalse();
		this.chromium.screenshot("bot-chat-welcome.png");

		question.sendKeys("Hi!", Keys.chord(Keys.SHIFT, Keys.ENTER), "What are you?", Keys.ENTER);

		// held before the 12th piece of the answer: the page has all that was sent before it, and no end
		List<ServerSentEvent> sent = parse(midAnswer.awaitReached());
		String partial = text(sent, "content");
		assertThat(partial).isNotEmpty();
		assertThat(MockArkAnswer.ANSWER).startsWith(partial).isNotEqualTo(partial);
		WebElement bot = lastBotMessage();
		waitUntil("the answer to show the " + partial.length() + " characters sent so far",
				(browser) -> textOf(bot, ".answer").equals(partial));
		assertThat(bot.getDomAttribute("data-state")).isEqualTo("streaming");
		assertThat(bot.getDomAttribute("aria-busy")).isEqualTo("true");
		assertThat(bot.findElements(By.cssSelector(".reference, .usage, .error"))).isEmpty();
		assertThat(stopButton().isDisplayed()).isTrue();
		assertThat(stopButton().getAccessibleName()).isEqualTo("Stop");
		assertThat(sendButton().isDisplayed()).isFalse();
		assertThat(textOf(bot, ".reasoning .text")).isEqualTo(text(sent, "reasoning"))
			.isEqualTo(MockArkAnswer.REASONING);
		assertThat(bot.findElement(By.cssSelector(".reasoning")).getDomProperty("open"))
			.as("the reasoning folds away once the answer starts").isEqualTo("false");
		assertThat(this.browser.findElement(By.cssSelector(".message.user .bubble")).getDomProperty("textContent"))
			.isEqualTo("Hi!\nWhat are you?");
		this.chromium.screenshot("bot-chat-streaming.png");

		midAnswer.release();
		waitUntil("the answer to be done", (browser) -> "done".equals(bot.getDomAttribute("data-state")));

		assertThat(textOf(bot, ".answer")).isEqualTo(MockArkAnswer.ANSWER);
		assertThat(bot.getDomAttribute("aria-busy")).isEqualTo("false");
		List<WebElement> cards = bot.findElements(By.cssSelector(".references a.reference"));
		assertThat(cards).extracting((card) -> textOf(card, ".ref-title"))
			.containsExactly(MockArkAnswer.ARK_DOCS.title(), MockArkAnswer.BOOT_DOCS.title());
		assertThat(cards).extracting((card) -> textOf(card, ".site-name"))
			.containsExactly(MockArkAnswer.ARK_DOCS.siteName(), MockArkAnswer.BOOT_DOCS.siteName());
		assertThat(cards).extracting((card) -> card.getDomProperty("href"))
			.containsExactly(MockArkAnswer.ARK_DOCS.url(), MockArkAnswer.BOOT_DOCS.url());
		assertThat(cards).extracting((card) -> textOf(card, ".summary"))
			.containsExactly(MockArkAnswer.ARK_DOCS.summary(), MockArkAnswer.BOOT_DOCS.summary());
		assertThat(cards).allSatisfy((card) -> assertThat(card.getDomAttribute("rel")).contains("noopener"));
		assertThat(textOf(bot, ".references h3")).isEqualTo("2 sources");
		assertThat(textOf(bot, ".usage")).isEqualTo("138 tokens · 42 in, 96 out");

		WebElement reasoning = bot.findElement(By.cssSelector(".reasoning"));
		assertThat(reasoning.findElement(By.cssSelector(".text")).isDisplayed()).isFalse();
		assertThat(textOf(reasoning, "summary")).matches("Thought for \\d+([.,]\\d)? s");
		reasoning.findElement(By.tagName("summary")).click();
		assertThat(reasoning.findElement(By.cssSelector(".text")).isDisplayed()).isTrue();

		assertThat(sendButton().isDisplayed()).isTrue();
		assertThat(stopButton().isDisplayed()).isFalse();
		assertThat(this.ark.requests()).singleElement()
			.satisfies((request) -> assertThat(request.bodyJson().path("messages"))
				.isEqualTo(json.readTree("[{\"role\":\"user\",\"content\":\"Hi!\\nWhat are you?\"}]")));
		this.chromium.screenshot("bot-chat.png");
	}

	@Test
	void stopClosesTheStreamAndTheArkStreamBehindIt() throws Exception {
		EventStreamGate.Hold midAnswer = this.gate.holdBefore("content", 5);
		openThePage();
		this.browser.findElement(By.id("question")).sendKeys("Tell me everything.", Keys.ENTER);
		String partial = text(parse(midAnswer.awaitReached()), "content");
		WebElement bot = lastBotMessage();
		waitUntil("the answer to show the " + partial.length() + " characters sent so far",
				(browser) -> textOf(bot, ".answer").equals(partial));

		stopButton().click();

		assertThat(bot.getDomAttribute("data-state")).isEqualTo("stopped");
		assertThat(textOf(bot, ".meta .note")).isEqualTo("Stopped: the rest was not written.");
		assertThat(stopButton().isDisplayed()).isFalse();
		assertThat(sendButton().isDisplayed()).isTrue();
		assertThat(this.browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("question");
		BotChatStream stream = this.bots.opened.poll(10, TimeUnit.SECONDS);
		assertThat(stream).isNotNull();
		midAnswer.release();
		await().atMost(Duration.ofSeconds(15)).until(stream::isClosed);
		assertThat(stream.isFinished()).as("the Ark stream was closed before its end").isFalse();
		assertThat(textOf(bot, ".answer")).isEqualTo(partial);
		assertThat(bot.findElements(By.cssSelector(".reference, .error"))).isEmpty();
	}

	@Test
	void aFailureMidStreamIsShownWithArksCodeAndThePartialAnswerKept() {
		this.ark.botChat().errorMidStream(45, "InternalServiceError", "The service encountered an unexpected error.");
		openThePage();

		this.browser.findElement(By.id("question")).sendKeys("hi", Keys.ENTER);

		WebElement bot = lastBotMessage();
		waitUntil("the answer to fail", (browser) -> "error".equals(bot.getDomAttribute("data-state")));
		WebElement error = bot.findElement(By.cssSelector(".error"));
		assertThat(error.getDomAttribute("role")).isEqualTo("alert");
		assertThat(error.isDisplayed()).isTrue();
		assertThat(textOf(error, "strong")).isEqualTo("The answer was cut off");
		assertThat(textOf(error, ".message-text")).contains("The service encountered an unexpected error.")
			.as("the request id is shown once, below").doesNotContain("Request id");
		assertThat(error.findElements(By.cssSelector(".details > span"))).extracting(WebElement::getText)
			.satisfiesExactly((code) -> assertThat(code).isEqualTo("Code InternalServiceError"),
					(requestId) -> assertThat(requestId).matches("Request id \\w{20,}"));
		String partial = textOf(bot, ".answer");
		assertThat(partial).as("the pieces before the failure stay").isNotEmpty();
		assertThat(MockArkAnswer.ANSWER).startsWith(partial).isNotEqualTo(partial);
		assertThat(bot.findElements(By.cssSelector(".reference, .usage"))).isEmpty();
		assertThat(sendButton().isDisplayed()).isTrue();
		this.chromium.screenshot("bot-chat-error.png");
	}

	@Test
	void fitsANarrowScreenAndStartsOverWithNewChat() {
		this.browser.manage().window().setSize(new Dimension(390, 844));
		openThePage();
		WebElement suggestion = this.browser.findElement(By.cssSelector(".suggestions button"));
		assertThat(suggestion.getText()).isEqualTo("Hi! What are you?");

		suggestion.click();

		WebElement bot = lastBotMessage();
		waitUntil("the answer to be done", (browser) -> "done".equals(bot.getDomAttribute("data-state")));
		assertThat(this.browser.findElement(By.id("welcome")).isDisplayed()).isFalse();
		assertThat(bot.findElements(By.cssSelector(".reference"))).hasSize(2);
		Object overflow = this.browser.executeScript("const main = document.getElementById('conversation');"
				+ "return [document.documentElement.scrollWidth - window.innerWidth, main.scrollWidth - main.clientWidth];");
		assertThat(overflow).as("no horizontal scrolling").isEqualTo(List.of(0L, 0L));
		this.chromium.screenshot("bot-chat-narrow.png");

		this.browser.findElement(By.id("clear")).click();

		assertThat(this.browser.findElements(By.cssSelector("#messages .message"))).isEmpty();
		assertThat(this.browser.findElement(By.id("welcome")).isDisplayed()).isTrue();
	}

	private void openThePage() {
		this.browser.get("http://127.0.0.1:" + this.port + "/");
		waitUntil("the page to load",
				(browser) -> "complete".equals(this.browser.executeScript("return document.readyState")));
		assertThat(this.browser.getTitle()).isEqualTo("Bot chat · ark-chat sample");
	}

	private WebElement lastBotMessage() {
		waitUntil("an answer to appear",
				(browser) -> !browser.findElements(By.cssSelector("article.message.bot")).isEmpty());
		List<WebElement> answers = this.browser.findElements(By.cssSelector("article.message.bot"));
		return answers.get(answers.size() - 1);
	}

	private WebElement sendButton() {
		return this.browser.findElement(By.id("send"));
	}

	private WebElement stopButton() {
		return this.browser.findElement(By.id("stop"));
	}

	private void waitUntil(String what, Function<WebDriver, Boolean> condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.withMessage(() -> "waiting for " + what + "; the last answer is "
					+ this.browser.executeScript("const bots = document.querySelectorAll('article.message.bot');"
							+ "const bot = bots[bots.length - 1];"
							+ "return bot ? bot.dataset.state + ': ' + bot.textContent : 'not there';"))
			.until(condition);
	}

	private static String textOf(WebElement parent, String selector) {
		return parent.findElement(By.cssSelector(selector)).getDomProperty("textContent");
	}

	private static List<ServerSentEvent> parse(String stream) {
		List<ServerSentEvent> events = new ArrayList<>();
		try (ServerSentEventReader reader = new ServerSentEventReader(
				new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)))) {
			for (ServerSentEvent event = reader.next(); event != null; event = reader.next()) {
				events.add(event);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return events;
	}

	private static String text(List<ServerSentEvent> events, String type) {
		return events.stream()
			.filter((event) -> type.equals(event.type()))
			.map((event) -> json.readTree(event.data()).path("text").asString())
			.collect(Collectors.joining());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class GateConfiguration {

		@Bean
		FilterRegistrationBean<EventStreamGate> eventStreamGate() {
			FilterRegistrationBean<EventStreamGate> registration = new FilterRegistrationBean<>(new EventStreamGate());
			registration.addUrlPatterns("/chat/stream");
			return registration;
		}

		@Bean
		StreamDisconnectTests.RecordingBotChatOperations recordingBotChatOperations(BotChatClient client,
				@Value("${ark.chat.bot.id}") String botId) {
			return new StreamDisconnectTests.RecordingBotChatOperations(new BotChatTemplate(client, botId));
		}

	}

}
