package dev.arkchat.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link ArkMockServer} for a JUnit 5 test class: started once before the class's tests, {@link
 * ArkMockServer#reset() reset} before each test, stopped after the class. Test and lifecycle methods may declare an
 * {@link ArkMockServer} parameter to receive it.
 * <pre>{@code
 * class WeatherBotTests {
 *
 *     @RegisterExtension
 *     static ArkMockServerExtension ark = new ArkMockServerExtension();
 *
 *     @Test
 *     void answers() {
 *         ark.server().botChat().answer("Sunny");
 *         BotChatClient client = BotChatClient.builder().baseUrl(ark.server().baseUrl()).apiKey("k").build();
 *         ...
 *     }
 * }
 * }</pre>
 * {@code @ExtendWith(ArkMockServerExtension.class)} works too, with the server injected as a parameter. Registered on
 * an instance (non-static) field, the server is started before each test and stopped after it. Nested test classes
 * share their enclosing class's server. Because every test resets the shared server, the tests of one class must not
 * run concurrently (JUnit's default); classes with their own extension may.
 */
public final class ArkMockServerExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final int port;

	private @Nullable ArkMockServer server;

	private int classDepth;

	private boolean perTest;

	/** An extension whose server listens on a free port. */
	public ArkMockServerExtension() {
		this(0);
	}

	/**
	 * An extension whose server listens on a given port.
	 * @param port the port, or 0 for a free one
	 * @throws IllegalArgumentException when the port is outside [0, 65535]
	 */
	public ArkMockServerExtension(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
		}
		this.port = port;
	}

	/**
	 * The running server.
	 * @return the server
	 * @throws IllegalStateException outside the tests of the class that registered this extension
	 */
	public ArkMockServer server() {
		ArkMockServer running = this.server;
		if (running == null) {
			throw new IllegalStateException("The ArkMockServer is not running: use server() from a test, or from a "
					+ "@BeforeEach/@BeforeAll method of the class that registers the extension");
		}
		return running;
	}

	/**
	 * Starts the server before the class's tests (or joins it for a nested class).
	 * @param context the class's context
	 */
	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		if (this.classDepth++ == 0) {
			this.server = ArkMockServer.start(this.port);
		}
	}

	/**
	 * Stops the server after the outermost class's tests.
	 * @param context the class's context
	 */
	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (this.classDepth > 0 && --this.classDepth == 0) {
			stop();
		}
	}

	/**
	 * Resets the server before a test, or starts it when the extension is registered per test.
	 * @param context the test's context
	 */
	@Override
	public synchronized void beforeEach(ExtensionContext context) {
		if (this.server == null) {
			this.perTest = true;
			this.server = ArkMockServer.start(this.port);
		}
		else {
			this.server.reset();
		}
	}

	/**
	 * Stops a server that was started for this test only.
	 * @param context the test's context
	 */
	@Override
	public synchronized void afterEach(ExtensionContext context) {
		if (this.perTest) {
			this.perTest = false;
			stop();
		}
	}

	private void stop() {
		ArkMockServer running = this.server;
		this.server = null;
		if (running != null) {
			running.close();
		}
	}

	/**
	 * Whether a parameter asks for the server.
	 * @param parameterContext the parameter
	 * @param extensionContext the context
	 * @return {@code true} for an {@link ArkMockServer} parameter
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == ArkMockServer.class;
	}

	/**
	 * Gives the running server.
	 * @param parameterContext the parameter
	 * @param extensionContext the context
	 * @return the server
	 */
	@Override
	public synchronized Object resolveParameter(ParameterContext parameterContext,
			ExtensionContext extensionContext) {
		return server();
	}

	@Override
	public String toString() {
		return "ArkMockServerExtension{" + this.server + "}";
	}

}
