package dev.arkchat.autoconfigure;

import dev.arkchat.ArkRegion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.arkchat.http.RetrySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The {@code ark.chat.*} properties: where Ark is, how to authenticate, and the defaults of each endpoint family.
 * Settings of one area live in a nested class ({@link Bot} for {@code ark.chat.bot.*}). {@link #toString()} never shows
 * a secret. Checked once bound ({@link #afterPropertiesSet()}), with or without a Bean Validation provider: a value
 * out of range fails the startup naming the property, its value, where it was set and the allowed values.
 */
@ConfigurationProperties(ArkChatProperties.PREFIX)
public class ArkChatProperties implements InitializingBean {

	/** The prefix of every ark-chat property. */
	public static final String PREFIX = "ark.chat";

	/**
	 * Whether to auto-configure ark-chat's clients. Turn off to define every bean yourself.
	 */
	private boolean enabled = true;

	/**
	 * API key created in the Ark console ("API Key management"), sent as the Bearer token of every bot and model
	 * call. Usually given through the ARK_CHAT_API_KEY environment variable rather than a file under version control.
	 */
	private @Nullable String apiKey;

	/**
	 * Region whose hosts are used: cn-beijing, cn-shanghai or ap-southeast (BytePlus). Each host can still be set on
	 * its own, such as base-url.
	 */
	private ArkRegion region = ArkRegion.CN_BEIJING;

	/**
	 * Base URL of the Ark data plane (bot chat, context cache), such as https://ark.cn-beijing.volces.com. Overrides
	 * the host the region gives; set it for a proxy, a private endpoint, or a fake Ark in tests.
	 */
	private @Nullable String baseUrl;

	/**
	 * Access key id of a Volcengine account or IAM user (AK/SK), used instead of api-key: ark-chat obtains temporary
	 * API keys per bot or endpoint with it, and signs knowledge-base requests. Set it together with secret-key.
	 */
	private @Nullable String accessKey;

	/**
	 * Secret access key that goes with access-key. Never logged. Usually given through ARK_CHAT_SECRET_KEY.
	 */
	private @Nullable String secretKey;

	/**
	 * Session token of temporary (STS) credentials, when access-key and secret-key are temporary.
	 */
	private @Nullable String sessionToken;

	/**
	 * Default bot chat (ark.chat.bot.*).
	 */
	private final Bot bot = new Bot();

	/**
	 * Further bots by name (ark.chat.bots.<name>.*): each gives a BotChatOperations bean named <name>BotChatOperations,
	 * injectable with @Qualifier("<name>").
	 */
	private final Map<String, Bot> bots = new LinkedHashMap<>();

	/**
	 * Timeouts of every Ark client (ark.chat.timeouts.*).
	 */
	private final Timeouts timeouts = new Timeouts();

	/**
	 * Retries of every Ark client (ark.chat.retry.*).
	 */
	private final Retry retry = new Retry();

	/**
	 * Observation of Ark calls (ark.chat.observation.*).
	 */
	private final Observation observation = new Observation();

	/**
	 * Temporary API keys obtained with access-key and secret-key (ark.chat.temporary-keys.*).
	 */
	private final TemporaryKeys temporaryKeys = new TemporaryKeys();

	/**
	 * HTTP proxy of Ark's clients only (ark.chat.proxy.*); the application's other clients are not affected.
	 */
	private final Proxy proxy = new Proxy();

	/**
	 * TLS of Ark's clients only (ark.chat.ssl.*); the application's other clients are not affected.
	 */
	private final Ssl ssl = new Ssl();

	/**
	 * Whether the auto-configuration is on.
	 * @return {@code true} unless turned off
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Turns the auto-configuration on or off.
	 * @param enabled whether it is on
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The console API key.
	 * @return the key, or {@code null} when not set
	 */
	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	/**
	 * Sets the console API key.
	 * @param apiKey the key
	 */
	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * The region whose hosts are the defaults.
	 * @return the region
	 */
	public ArkRegion getRegion() {
		return this.region;
	}

	/**
	 * Sets the region.
	 * @param region the region
	 */
	public void setRegion(ArkRegion region) {
		this.region = region;
	}

	/**
	 * The Ark data-plane base URL when it overrides the region's host.
	 * @return the base URL, or {@code null} to use the region's host
	 */
	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Sets the Ark data-plane base URL.
	 * @param baseUrl the base URL
	 */
	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * The access key id.
	 * @return the access key id, or {@code null}
	 */
	public @Nullable String getAccessKey() {
		return this.accessKey;
	}

	/**
	 * Sets the access key id.
	 * @param accessKey the access key id
	 */
	public void setAccessKey(@Nullable String accessKey) {
		this.accessKey = accessKey;
	}

	/**
	 * The secret access key.
	 * @return the secret key, or {@code null}
	 */
	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	/**
	 * Sets the secret access key.
	 * @param secretKey the secret key
	 */
	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

	/**
	 * The STS session token.
	 * @return the token, or {@code null}
	 */
	public @Nullable String getSessionToken() {
		return this.sessionToken;
	}

	/**
	 * Sets the STS session token.
	 * @param sessionToken the token
	 */
	public void setSessionToken(@Nullable String sessionToken) {
		this.sessionToken = sessionToken;
	}

	/**
	 * The default bot's settings.
	 * @return the settings
	 */
	public Bot getBot() {
		return this.bot;
	}

	/**
	 * Further bots by name.
	 * @return the bots
	 */
	public Map<String, Bot> getBots() {
		return this.bots;
	}

	/**
	 * The timeouts.
	 * @return the timeouts
	 */
	public Timeouts getTimeouts() {
		return this.timeouts;
	}

	/**
	 * The retry settings.
	 * @return the settings
	 */
	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * The observation settings.
	 * @return the settings
	 */
	public Observation getObservation() {
		return this.observation;
	}

	/**
	 * The temporary API key settings.
	 * @return the settings
	 */
	public TemporaryKeys getTemporaryKeys() {
		return this.temporaryKeys;
	}

	/**
	 * The proxy settings.
	 * @return the settings
	 */
	public Proxy getProxy() {
		return this.proxy;
	}

	/**
	 * The TLS settings.
	 * @return the settings
	 */
	public Ssl getSsl() {
		return this.ssl;
	}

	/**
	 * Checks the bound values, all of them at once; the bean factory calls it once Boot has bound them, so that a bad
	 * value fails the startup.
	 * @throws ArkChatConfigurationException listing every value out of its range, with the allowed values
	 */
	@Override
	public void afterPropertiesSet() {
		List<ArkChatPropertiesValidator.Violation> violations = ArkChatPropertiesValidator.validate(this);
		if (!violations.isEmpty()) {
			throw new InvalidArkChatPropertiesException(violations);
		}
	}

	@Override
	public String toString() {
		return "ArkChatProperties{enabled=" + this.enabled + ", apiKey=" + mask(this.apiKey) + ", accessKey="
				+ mask(this.accessKey) + ", secretKey=" + mask(this.secretKey) + ", sessionToken="
				+ mask(this.sessionToken) + ", region=" + this.region + ", baseUrl=" + this.baseUrl + ", bot="
				+ this.bot + ", bots=" + this.bots + ", timeouts=" + this.timeouts + ", retry=" + this.retry
				+ ", observation=" + this.observation + ", temporaryKeys=" + this.temporaryKeys + ", proxy=" + this.proxy
				+ ", ssl=" + this.ssl + "}";
	}

	private static String mask(@Nullable String secret) {
		return StringUtils.hasText(secret) ? "******" : "(not set)";
	}

	/**
	 * Bot chat settings, {@code ark.chat.bot.*} for the default bot and {@code ark.chat.bots.<name>.*} for named ones.
	 * The defaults (temperature, max-tokens, top-p, thinking, system-prompt) are added to requests that leave them
	 * unset.
	 */
	public static class Bot {

		/**
		 * Bot that answers requests naming none, such as bot-20250101000000-abcde (the id shown in the Ark console).
		 */
		private @Nullable String id;

		/**
		 * Default sampling temperature, in [0, 1], for requests that set none.
		 */
		private @Nullable Double temperature;

		/**
		 * Default most tokens to generate, in [0, 4096], for requests that set none.
		 */
		private @Nullable Integer maxTokens;

		/**
		 * Default nucleus sampling (top_p), in [0, 1], for requests that set none.
		 */
		private @Nullable Double topP;

		/**
		 * Whether a reasoning model thinks first, for requests that do not say: enabled, disabled or auto.
		 */
		private @Nullable String thinking;

		/**
		 * System prompt placed first in requests that have no system message.
		 */
		private @Nullable String systemPrompt;

		/**
		 * The default temperature.
		 * @return the temperature, or {@code null}
		 */
		public @Nullable Double getTemperature() {
			return this.temperature;
		}

		/**
		 * Sets the default temperature.
		 * @param temperature the temperature
		 */
		public void setTemperature(@Nullable Double temperature) {
			this.temperature = temperature;
		}

		/**
		 * The default max tokens.
		 * @return the count, or {@code null}
		 */
		public @Nullable Integer getMaxTokens() {
			return this.maxTokens;
		}

		/**
		 * Sets the default max tokens.
		 * @param maxTokens the count
		 */
		public void setMaxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
		}

		/**
		 * The default top_p.
		 * @return the nucleus, or {@code null}
		 */
		public @Nullable Double getTopP() {
			return this.topP;
		}

		/**
		 * Sets the default top_p.
		 * @param topP the nucleus
		 */
		public void setTopP(@Nullable Double topP) {
			this.topP = topP;
		}

		/**
		 * The default thinking type.
		 * @return enabled, disabled, auto, or {@code null}
		 */
		public @Nullable String getThinking() {
			return this.thinking;
		}

		/**
		 * Sets the default thinking type.
		 * @param thinking enabled, disabled or auto
		 */
		public void setThinking(@Nullable String thinking) {
			this.thinking = thinking;
		}

		/**
		 * The system prompt.
		 * @return the prompt, or {@code null}
		 */
		public @Nullable String getSystemPrompt() {
			return this.systemPrompt;
		}

		/**
		 * Sets the system prompt.
		 * @param systemPrompt the prompt
		 */
		public void setSystemPrompt(@Nullable String systemPrompt) {
			this.systemPrompt = systemPrompt;
		}

		/**
		 * The default bot id.
		 * @return the id, or {@code null} when every request must name its bot
		 */
		public @Nullable String getId() {
			return this.id;
		}

		/**
		 * Sets the default bot id.
		 * @param id the id
		 */
		public void setId(@Nullable String id) {
			this.id = id;
		}

		@Override
		public String toString() {
			return "Bot{id=" + this.id + ", temperature=" + this.temperature + ", maxTokens=" + this.maxTokens
					+ ", topP=" + this.topP + ", thinking=" + this.thinking + "}";
		}

	}

	/** Timeouts, {@code ark.chat.timeouts.*}. Unset values fall back to spring.http.clients.*, then to the defaults. */
	public static class Timeouts {

		/**
		 * Longest wait to open a connection to an Ark host. Defaults to spring.http.clients.connect-timeout, or 10s.
		 */
		private @Nullable Duration connect;

		/**
		 * Longest wait for the answer of a blocking call. Streams are not bounded by it. Defaults to
		 * spring.http.clients.read-timeout, or 5m (bots that search and reason can take minutes).
		 */
		private @Nullable Duration read;

		/**
		 * A stream that sends no byte for this long ends with an ArkTimeoutException. A healthy stream that runs
		 * longer is never cut.
		 */
		private Duration streamIdle = Duration.ofSeconds(120);

		/**
		 * The connect timeout.
		 * @return the timeout, or {@code null} for the fallback
		 */
		public @Nullable Duration getConnect() {
			return this.connect;
		}

		/**
		 * Sets the connect timeout.
		 * @param connect the timeout
		 */
		public void setConnect(@Nullable Duration connect) {
			this.connect = connect;
		}

		/**
		 * The read timeout of blocking calls.
		 * @return the timeout, or {@code null} for the fallback
		 */
		public @Nullable Duration getRead() {
			return this.read;
		}

		/**
		 * Sets the read timeout of blocking calls.
		 * @param read the timeout
		 */
		public void setRead(@Nullable Duration read) {
			this.read = read;
		}

		/**
		 * The stream idle timeout.
		 * @return the timeout
		 */
		public Duration getStreamIdle() {
			return this.streamIdle;
		}

		/**
		 * Sets the stream idle timeout.
		 * @param streamIdle the timeout
		 */
		public void setStreamIdle(Duration streamIdle) {
			this.streamIdle = streamIdle;
		}

		@Override
		public String toString() {
			return "Timeouts{connect=" + this.connect + ", read=" + this.read + ", streamIdle=" + this.streamIdle + "}";
		}

	}

	/**
	 * Retries, {@code ark.chat.retry.*}: 408, 429 rate limits, 500/502/503/504 and connection failures before sending;
	 * never quota states, other 4xx, or a stream that delivered an event.
	 */
	public static class Retry {

		/**
		 * Attempts in all, including the first; 1 turns retries off.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Factor by which each wait grows.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest computed wait.
		 */
		private Duration maxBackoff = Duration.ofSeconds(10);

		/**
		 * Random part of each wait, as a fraction in [0, 1).
		 */
		private double jitter = 0.2;

		/**
		 * Longest Retry-After honoured; a longer one is capped to this.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		/**
		 * Attempts in all.
		 * @return the attempts
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Sets the attempts in all.
		 * @param maxAttempts the attempts
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * The first wait.
		 * @return the wait
		 */
		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		/**
		 * Sets the first wait.
		 * @param initialBackoff the wait
		 */
		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		/**
		 * The growth factor.
		 * @return the factor
		 */
		public double getMultiplier() {
			return this.multiplier;
		}

		/**
		 * Sets the growth factor.
		 * @param multiplier the factor
		 */
		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		/**
		 * The longest computed wait.
		 * @return the wait
		 */
		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		/**
		 * Sets the longest computed wait.
		 * @param maxBackoff the wait
		 */
		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		/**
		 * The jitter fraction.
		 * @return the fraction
		 */
		public double getJitter() {
			return this.jitter;
		}

		/**
		 * Sets the jitter fraction.
		 * @param jitter the fraction
		 */
		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		/**
		 * The longest Retry-After honoured.
		 * @return the cap
		 */
		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		/**
		 * Sets the longest Retry-After honoured.
		 * @param maxRetryAfter the cap
		 */
		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		/**
		 * These settings for the transport.
		 * @return the settings
		 */
		public RetrySettings toSettings() {
			return new RetrySettings(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff,
					this.jitter, this.maxRetryAfter);
		}

		@Override
		public String toString() {
			return "Retry{maxAttempts=" + this.maxAttempts + ", initialBackoff=" + this.initialBackoff + "}";
		}

	}

	/** Observation, {@code ark.chat.observation.*}. */
	public static class Observation {

		/**
		 * Whether prompt and completion text are recorded in observations (gen_ai.prompt, gen_ai.completion). Off:
		 * they may hold personal data.
		 */
		private boolean includeContent;

		/**
		 * Whether content is recorded.
		 * @return {@code true} when recorded
		 */
		public boolean isIncludeContent() {
			return this.includeContent;
		}

		/**
		 * Sets whether content is recorded.
		 * @param includeContent whether to record it
		 */
		public void setIncludeContent(boolean includeContent) {
			this.includeContent = includeContent;
		}

		@Override
		public String toString() {
			return "Observation{includeContent=" + this.includeContent + "}";
		}

	}

	/** Temporary API keys issued with AK/SK through GetApiKey, {@code ark.chat.temporary-keys.*}. */
	public static class TemporaryKeys {

		/**
		 * How long each issued key is valid, at most 30 days.
		 */
		private Duration duration = Duration.ofDays(7);

		/**
		 * How long before a key expires its replacement is fetched in the background.
		 */
		private Duration refreshAhead = Duration.ofMinutes(30);

		/**
		 * Project the keys are issued in, when not the default one.
		 */
		private @Nullable String projectName;

		/**
		 * Base URL of the OpenAPI host that issues keys. Defaults to the region's (https://open.volcengineapi.com, or
		 * https://open.byteplusapi.com for ap-southeast).
		 */
		private @Nullable String baseUrl;

		/**
		 * Region GetApiKey requests are signed for. Defaults to the region's (cn-beijing, or ap-southeast-1).
		 */
		private @Nullable String signingRegion;

		/**
		 * The key lifetime.
		 * @return the lifetime
		 */
		public Duration getDuration() {
			return this.duration;
		}

		/**
		 * Sets the key lifetime.
		 * @param duration the lifetime
		 */
		public void setDuration(Duration duration) {
			this.duration = duration;
		}

		/**
		 * The refresh-ahead window.
		 * @return the window
		 */
		public Duration getRefreshAhead() {
			return this.refreshAhead;
		}

		/**
		 * Sets the refresh-ahead window.
		 * @param refreshAhead the window
		 */
		public void setRefreshAhead(Duration refreshAhead) {
			this.refreshAhead = refreshAhead;
		}

		/**
		 * The project name.
		 * @return the project, or {@code null}
		 */
		public @Nullable String getProjectName() {
			return this.projectName;
		}

		/**
		 * Sets the project name.
		 * @param projectName the project
		 */
		public void setProjectName(@Nullable String projectName) {
			this.projectName = projectName;
		}

		/**
		 * The OpenAPI base URL.
		 * @return the URL, or {@code null} for the region's
		 */
		public @Nullable String getBaseUrl() {
			return this.baseUrl;
		}

		/**
		 * Sets the OpenAPI base URL.
		 * @param baseUrl the URL
		 */
		public void setBaseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
		}

		/**
		 * The signing region.
		 * @return the region, or {@code null} for the region's
		 */
		public @Nullable String getSigningRegion() {
			return this.signingRegion;
		}

		/**
		 * Sets the signing region.
		 * @param signingRegion the region
		 */
		public void setSigningRegion(@Nullable String signingRegion) {
			this.signingRegion = signingRegion;
		}

		@Override
		public String toString() {
			return "TemporaryKeys{duration=" + this.duration + ", projectName=" + this.projectName + "}";
		}

	}

	/** HTTP proxy of Ark's clients, {@code ark.chat.proxy.*}. */
	public static class Proxy {

		/**
		 * Host name or address of the HTTP proxy Ark's clients connect through. Unset: no proxy of Ark's own (the
		 * JVM's default proxy selector applies, as for any JDK HTTP client).
		 */
		private @Nullable String host;

		/**
		 * Port of the HTTP proxy, set together with host.
		 */
		private @Nullable Integer port;

		/**
		 * The proxy host.
		 * @return the host, or {@code null} for none
		 */
		public @Nullable String getHost() {
			return this.host;
		}

		/**
		 * Sets the proxy host.
		 * @param host the host
		 */
		public void setHost(@Nullable String host) {
			this.host = host;
		}

		/**
		 * The proxy port.
		 * @return the port, or {@code null}
		 */
		public @Nullable Integer getPort() {
			return this.port;
		}

		/**
		 * Sets the proxy port.
		 * @param port the port
		 */
		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		/**
		 * A proxy selector for these settings.
		 * @return the selector, or {@code null} when no proxy is set
		 */
		public java.net.@Nullable ProxySelector toProxySelector() {
			if (!StringUtils.hasText(this.host) || this.port == null) {
				return null;
			}
			return java.net.ProxySelector.of(java.net.InetSocketAddress.createUnresolved(this.host.trim(), this.port));
		}

		@Override
		public String toString() {
			return "Proxy{host=" + this.host + ", port=" + this.port + "}";
		}

	}

	/** TLS of Ark's clients, {@code ark.chat.ssl.*}. */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose trust material, key and options Ark's clients use, such
		 * as a corporate root certificate. Unset: spring.http.clients.ssl.bundle when Boot's HTTP client support is
		 * present, otherwise the JDK's default trust store.
		 */
		private @Nullable String bundle;

		/**
		 * The SSL bundle name.
		 * @return the name, or {@code null} for none
		 */
		public @Nullable String getBundle() {
			return this.bundle;
		}

		/**
		 * Sets the SSL bundle name.
		 * @param bundle the name
		 */
		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		@Override
		public String toString() {
			return "Ssl{bundle=" + this.bundle + "}";
		}

	}

}
