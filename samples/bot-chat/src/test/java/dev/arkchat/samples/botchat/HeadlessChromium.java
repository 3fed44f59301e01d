package dev.arkchat.samples.botchat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}), headless, driven through Debian's {@code /usr/bin/chromedriver}. Both
 * paths are given to Selenium explicitly, so Selenium Manager never looks for (or downloads) a browser or a driver.
 * The flags keep Chromium off the network (the build machine has none): no background networking, component updates,
 * sync or QUIC, and a fresh profile in a temporary directory that is deleted on {@link #close()}.
 * <p>
 * When Chromium or its driver is missing, {@link #start(String)} fails the test when the environment variable
 * {@code CI} is {@code true} (CI installs them: {@code .ci/services}), and aborts it (skipped) anywhere else, so that
 * a developer machine without Chromium can still build.
 */
final class HeadlessChromium implements AutoCloseable {

	static final Path BROWSER = Paths.get("/usr/bin/chromium");

	static final Path DRIVER = Paths.get("/usr/bin/chromedriver");

	private static final Path TARGET = Paths.get("target");

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts the browser, or fails or skips the test when it is not installed.
	 * @param windowSize width and height in CSS pixels, such as {@code "1100,860"}
	 * @return the running browser
	 */
	static HeadlessChromium start(String windowSize) {
		requireInstalled();
		Path profile;
		try {
			profile = Files.createTempDirectory("bot-chat-chromium-");
			Files.createDirectories(TARGET);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
				"--force-device-scale-factor=1", "--lang=en-US", "--window-size=" + windowSize,
				"--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(TARGET.resolve("chromedriver.log").toFile())
			.build();
		try {
			return new HeadlessChromium(new ChromeDriver(service, options), profile);
		}
		catch (RuntimeException ex) {
			delete(profile);
			throw ex;
		}
	}

	/**
	 * Fails (when {@code CI} is {@code true}) or aborts the test unless Chromium and its driver are installed.
	 */
	static void requireInstalled() {
		boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
		if (installed) {
			return;
		}
		String message = "The browser tests need Debian's Chromium: " + BROWSER + " and " + DRIVER
				+ " must exist. Install them with `apt-get install chromium chromium-driver` (CI does so in .ci/services).";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(message + " CI=true, so this test fails instead of being skipped.");
		}
		Assumptions.abort(message + " Skipped because CI is not true.");
	}

	/**
	 * The WebDriver.
	 * @return the driver
	 */
	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Saves a screenshot of the window under {@code target/}.
	 * @param name the file name, such as {@code bot-chat.png}
	 * @return where it was saved
	 */
	Path screenshot(String name) {
		File taken = this.driver.getScreenshotAs(OutputType.FILE);
		Path saved = TARGET.resolve(name);
		try {
			Files.copy(taken.toPath(), saved, StandardCopyOption.REPLACE_EXISTING);
			Files.deleteIfExists(taken.toPath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return saved;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			delete(this.profile);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary directory is not worth failing a test for
		}
	}

}
