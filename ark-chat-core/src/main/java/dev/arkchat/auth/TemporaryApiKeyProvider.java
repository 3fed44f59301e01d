package dev.arkchat.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import dev.arkchat.ArkException;
import dev.arkchat.ArkRegion;
import dev.arkchat.http.ArkJdkClientHttpRequestFactory;
import dev.arkchat.http.LazyHttpClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Temporary API keys for AK/SK credentials: one key per bot or endpoint, issued by the OpenAPI's {@code GetApiKey}
 * (signed with {@link VolcengineSigner}), cached, and refreshed before it expires.
 * <ul>
 * <li>Once a key enters its refresh window ({@link Builder#refreshAhead(Duration) refreshAhead} before expiry, 30
 * minutes by default), the next call starts one refresh on the {@link Builder#executor(Executor) executor} and every
 * caller keeps the still-valid key meanwhile.</li>
 * <li>At most one {@code GetApiKey} call is in flight per resource; callers that need a key while it runs share its
 * outcome.</li>
 * <li>A failed refresh keeps the valid key; the next call after {@link Builder#retryBackoff(Duration) retryBackoff}
 * tries again.</li>
 * <li>No call returns an empty or expired key: when there is no key, or less than
 * {@link Builder#expiryMargin(Duration) expiryMargin} of it is left, the caller waits for a fetch and, if that fails,
 * gets its {@link ArkException} (an {@link dev.arkchat.ArkApiException} with the OpenAPI code and request id for an
 * error answer).</li>
 * </ul>
 * Keys and the secret key never appear in logs, messages or {@code toString()}. Thread-safe.
 */
public final class TemporaryApiKeyProvider implements ApiKeyProvider {

	/** The lifetime asked for by default: 7 days, as the official SDKs ask. */
	public static final Duration DEFAULT_DURATION = Duration.ofDays(7);

	/** The longest lifetime {@code GetApiKey} grants: 30 days. */
	public static final Duration MAX_DURATION = Duration.ofDays(30);

	/** How long before expiry a background refresh starts, by default. */
	public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(30);

	/** How much of a key's life must be left for it to be handed out, by default (clock skew, slow requests). */
	public static final Duration DEFAULT_EXPIRY_MARGIN = Duration.ofMinutes(5);

	/** How long after a failed background refresh the next one may start, by default. */
	public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(TemporaryApiKeyProvider.class);

	private static final Executor DEFAULT_EXECUTOR = (task) -> {
		Thread thread = new Thread(task, "ark-api-key-refresh");
		thread.setDaemon(true);
		thread.start();
	};

	private final ApiKeyIssuer issuer;

	private final Clock clock;

	private final Executor executor;

	private final Duration refreshAhead;

	private final Duration expiryMargin;

	private final Duration retryBackoff;

	private final String description;

	private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

	private TemporaryApiKeyProvider(Builder builder, VolcengineCredentials credentials) {
		VolcengineSigner signer = VolcengineSigner.builder(credentials)
			.service(builder.service)
			.region(builder.signingRegion)
			.clock(builder.clock)
			.build();
		RestClient.Builder restClient = (builder.restClientBuilder != null) ? builder.restClientBuilder.clone()
				: RestClient.builder().requestFactory(defaultRequestFactory());
		// the signer goes last, so that it signs the request exactly as it is sent
		RestClient client = restClient.baseUrl(builder.baseUrl)
			// the body is sent as bytes and the answer read as a tree: no default converters (a Jackson mapper of
			// their own among them) built for nothing
			.configureMessageConverters((converters) -> converters.addCustomConverter(new ByteArrayHttpMessageConverter()))
			.requestInterceptor(signer)
			.build();
		this.issuer = new ApiKeyIssuer(client, builder.duration.getSeconds(), builder.projectName, builder.clock);
		this.clock = builder.clock;
		this.executor = builder.executor;
		this.refreshAhead = builder.refreshAhead;
		this.expiryMargin = builder.expiryMargin;
		this.retryBackoff = builder.retryBackoff;
		this.description = "TemporaryApiKeyProvider{openApi=" + builder.baseUrl + ", region=" + builder.signingRegion
				+ ", service=" + builder.service + ", duration=" + builder.duration + ", credentials=" + credentials;
	}

	private static ClientHttpRequestFactory defaultRequestFactory() {
		// the HTTP client (its SSL context most of all) is built at the first refresh, not with the provider
		return ArkJdkClientHttpRequestFactory.forWholeBodies(
				new LazyHttpClient(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()),
				Duration.ofSeconds(30));
	}

	/**
	 * A builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The key for a bot or endpoint: the cached one while it is valid (starting a background refresh once it is
	 * due), otherwise a new one, waiting for it.
	 * @param resourceId the bot id ({@code bot-…}) or endpoint id ({@code ep-…}, {@code ep-m-…})
	 * @return a key that has not expired
	 * @throws IllegalArgumentException when the id is not a bot or endpoint id
	 * @throws ArkException when there is no valid key and none could be issued
	 */
	@Override
	public String getApiKey(String resourceId) {
		Slot slot = this.slots.get(resourceId);
		if (slot == null) {
			ApiKeyResourceType type = ApiKeyResourceType.of(resourceId);
			slot = this.slots.computeIfAbsent(resourceId, (id) -> new Slot(id, type));
		}
		Instant now = this.clock.instant();
		CachedKey key = slot.key;
		if (key != null && now.isBefore(key.usableUntil)) {
			if (!now.isBefore(key.refreshAt) && !now.isBefore(slot.retryAt)) {
				refreshInBackground(slot);
			}
			return key.apiKey;
		}
		return await(slot, fetchNow(slot));
	}

	private void refreshInBackground(Slot slot) {
		CompletableFuture<CachedKey> fetch;
		synchronized (slot) {
			// the caller read the key without the lock: a refresh that finished since then must not be repeated
			CachedKey current = slot.key;
			if (slot.inFlight != null || (current != null && this.clock.instant().isBefore(current.refreshAt))) {
				return;
			}
			fetch = new CompletableFuture<>();
			slot.inFlight = fetch;
		}
		try {
			this.executor.execute(() -> run(slot, fetch));
		}
		catch (RuntimeException ex) {
			finish(slot, fetch, null, new ArkException(
					"Could not start refreshing the temporary API key for " + slot.resourceId + ": " + ex, ex));
		}
	}

	private CompletableFuture<CachedKey> fetchNow(Slot slot) {
		CompletableFuture<CachedKey> fetch;
		synchronized (slot) {
			CachedKey key = slot.key;
			if (key != null && this.clock.instant().isBefore(key.usableUntil)) {
				return CompletableFuture.completedFuture(key);
			}
			if (slot.inFlight != null) {
				return slot.inFlight;
			}
			fetch = new CompletableFuture<>();
			slot.inFlight = fetch;
		}
		run(slot, fetch);
		return fetch;
	}

	private void run(Slot slot, CompletableFuture<CachedKey> fetch) {
		CachedKey key = null;
		Throwable failure = null;
		try {
			key = schedule(this.issuer.issue(slot.resourceId, slot.type));
		}
		catch (Throwable ex) {
			failure = ex;
		}
		finish(slot, fetch, key, failure);
		if (failure instanceof Error error) {
			throw error;
		}
	}

	private void finish(Slot slot, CompletableFuture<CachedKey> fetch, @Nullable CachedKey key,
			@Nullable Throwable failure) {
		CachedKey previous;
		synchronized (slot) {
			previous = slot.key;
			if (key != null) {
				slot.key = key;
				slot.retryAt = Instant.MIN;
			}
			else {
				slot.retryAt = this.clock.instant().plus(this.retryBackoff);
			}
			slot.inFlight = null;
		}
		if (key != null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Issued a temporary API key for " + slot.resourceId + ", valid until " + key.expiresAt
						+ " (refresh from " + key.refreshAt + ")");
			}
			fetch.complete(key);
			return;
		}
		Throwable cause = Objects.requireNonNull(failure);
		if (previous != null && this.clock.instant().isBefore(previous.usableUntil)) {
			logger.warn("Could not refresh the temporary API key for " + slot.resourceId + "; the current key stays "
					+ "in use until " + previous.usableUntil + " and the next attempt is after " + slot.retryAt + ": "
					+ cause.getMessage());
		}
		else {
			logger.warn("Could not obtain a temporary API key for " + slot.resourceId + ": " + cause.getMessage());
		}
		fetch.completeExceptionally(cause);
	}

	private CachedKey schedule(IssuedApiKey issued) {
		Duration lifetime = Duration.between(this.clock.instant(), issued.expiresAt());
		Duration ahead = min(this.refreshAhead, lifetime.dividedBy(2));
		Duration margin = min(this.expiryMargin, lifetime.dividedBy(4));
		return new CachedKey(issued.apiKey(), issued.expiresAt(), issued.expiresAt().minus(ahead),
				issued.expiresAt().minus(margin));
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static String await(Slot slot, CompletableFuture<CachedKey> fetch) {
		try {
			return fetch.get().apiKey;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ArkException("Interrupted while waiting for a temporary API key for " + slot.resourceId, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof ArkException arkException) {
				throw arkException;
			}
			if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
				throw (RuntimeException) cause;
			}
			throw new ArkException("Could not obtain a temporary API key for " + slot.resourceId + ": " + cause,
					cause);
		}
	}

	@Override
	public String toString() {
		return this.description + ", resources=" + this.slots.size() + "}";
	}

	/** The state of one resource: its key, the fetch in flight, and when a failed refresh may be retried. */
	private static final class Slot {

		final String resourceId;

		final ApiKeyResourceType type;

		volatile @Nullable CachedKey key;

		volatile Instant retryAt = Instant.MIN;

		/** Guarded by this slot's monitor. */
		@Nullable CompletableFuture<CachedKey> inFlight;

		Slot(String resourceId, ApiKeyResourceType type) {
			this.resourceId = resourceId;
			this.type = type;
		}

	}

	/** A key with the times that govern it. Its {@code toString()} never shows the key. */
	private static final class CachedKey {

		final String apiKey;

		final Instant expiresAt;

		final Instant refreshAt;

		final Instant usableUntil;

		CachedKey(String apiKey, Instant expiresAt, Instant refreshAt, Instant usableUntil) {
			this.apiKey = apiKey;
			this.expiresAt = expiresAt;
			this.refreshAt = refreshAt;
			this.usableUntil = usableUntil;
		}

		@Override
		public String toString() {
			return "CachedKey{apiKey=******, expiresAt=" + this.expiresAt + "}";
		}

	}

	/** Builds a {@link TemporaryApiKeyProvider}. */
	public static final class Builder {

		private @Nullable VolcengineCredentials credentials;

		private RestClient.@Nullable Builder restClientBuilder;

		private URI baseUrl = ArkRegion.CN_BEIJING.openApiBaseUrl();

		private String signingRegion = ArkRegion.CN_BEIJING.openApiSigningRegion();

		private String service = "ark";

		private Duration duration = DEFAULT_DURATION;

		private @Nullable String projectName;

		private Duration refreshAhead = DEFAULT_REFRESH_AHEAD;

		private Duration expiryMargin = DEFAULT_EXPIRY_MARGIN;

		private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;

		private Clock clock = Clock.systemUTC();

		private Executor executor = DEFAULT_EXECUTOR;

		private Builder() {
		}

		/**
		 * Sets the access key pair that signs {@code GetApiKey}. Required.
		 * @param credentials the credentials
		 * @return this builder
		 */
		public Builder credentials(VolcengineCredentials credentials) {
			this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
			return this;
		}

		/**
		 * Sets the access key pair that signs {@code GetApiKey}.
		 * @param accessKeyId the access key id
		 * @param secretAccessKey the secret access key
		 * @return this builder
		 */
		public Builder credentials(String accessKeyId, String secretAccessKey) {
			return credentials(VolcengineCredentials.of(accessKeyId, secretAccessKey));
		}

		/**
		 * Starts from a configured {@link RestClient.Builder} (request factory, timeouts, SSL, observation). It is
		 * cloned, never changed; the signer is added as its last interceptor.
		 * @param restClientBuilder the builder
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.restClientBuilder = Objects.requireNonNull(restClientBuilder, "restClientBuilder must not be null");
			return this;
		}

		/**
		 * Sets the region: its OpenAPI host and signing region ({@code open.volcengineapi.com} and
		 * {@code cn-beijing} for Volcengine, {@code open.byteplusapi.com} and {@code ap-southeast-1} for BytePlus).
		 * @param region the region
		 * @return this builder
		 */
		public Builder region(ArkRegion region) {
			this.baseUrl = region.openApiBaseUrl();
			this.signingRegion = region.openApiSigningRegion();
			return this;
		}

		/**
		 * Sets the OpenAPI host; {@code https://open.volcengineapi.com} by default.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = URI.create(baseUrl);
			return this;
		}

		/**
		 * Sets the region the requests are signed for; {@code cn-beijing} by default.
		 * @param signingRegion the region
		 * @return this builder
		 */
		public Builder signingRegion(String signingRegion) {
			if (signingRegion == null || signingRegion.isBlank()) {
				throw new IllegalArgumentException("signingRegion must not be blank");
			}
			this.signingRegion = signingRegion.trim();
			return this;
		}

		/**
		 * Sets the service the requests are signed for; {@code ark} by default.
		 * @param service the service
		 * @return this builder
		 */
		public Builder service(String service) {
			if (service == null || service.isBlank()) {
				throw new IllegalArgumentException("service must not be blank");
			}
			this.service = service.trim();
			return this;
		}

		/**
		 * Sets the lifetime to ask for ({@code DurationSeconds}); 7 days by default.
		 * @param duration whole seconds, at least 1 second and at most 30 days (2592000 seconds)
		 * @return this builder
		 * @throws IllegalArgumentException when out of range
		 */
		public Builder duration(Duration duration) {
			Objects.requireNonNull(duration, "duration must not be null");
			long seconds = duration.getSeconds();
			if (duration.isNegative() || seconds < 1 || duration.compareTo(MAX_DURATION) > 0) {
				throw new IllegalArgumentException("duration (DurationSeconds) must be in [1, "
						+ MAX_DURATION.getSeconds() + "] seconds (at most 30 days) but was " + seconds + " seconds ("
						+ duration + ")");
			}
			this.duration = Duration.ofSeconds(seconds);
			return this;
		}

		/**
		 * Sets the project the resources belong to ({@code ProjectName}); left out by default.
		 * @param projectName the project, or {@code null}
		 * @return this builder
		 */
		public Builder projectName(@Nullable String projectName) {
			this.projectName = (projectName != null && !projectName.isBlank()) ? projectName.trim() : null;
			return this;
		}

		/**
		 * Sets how long before expiry a background refresh starts; 30 minutes by default (at most half a key's
		 * lifetime is used).
		 * @param refreshAhead the window, positive
		 * @return this builder
		 */
		public Builder refreshAhead(Duration refreshAhead) {
			this.refreshAhead = positive(refreshAhead, "refreshAhead");
			return this;
		}

		/**
		 * Sets how much of a key's life must be left for it to be handed out; 5 minutes by default (at most a quarter
		 * of a key's lifetime is used). Below it callers wait for a new key.
		 * @param expiryMargin the margin, zero or positive
		 * @return this builder
		 */
		public Builder expiryMargin(Duration expiryMargin) {
			this.expiryMargin = notNegative(expiryMargin, "expiryMargin");
			return this;
		}

		/**
		 * Sets how long after a failed background refresh the next one may start; 10 seconds by default.
		 * @param retryBackoff the delay, zero or positive
		 * @return this builder
		 */
		public Builder retryBackoff(Duration retryBackoff) {
			this.retryBackoff = notNegative(retryBackoff, "retryBackoff");
			return this;
		}

		/**
		 * Sets the clock that expiry is measured with and requests are dated by.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Sets where background refreshes run; by default each runs on a new daemon thread (they are rare: one per
		 * resource per key lifetime).
		 * @param executor the executor
		 * @return this builder
		 */
		public Builder executor(Executor executor) {
			this.executor = Objects.requireNonNull(executor, "executor must not be null");
			return this;
		}

		/**
		 * Builds the provider. Nothing is called until the first key is needed.
		 * @return the provider
		 * @throws IllegalStateException when no credentials were given
		 */
		public TemporaryApiKeyProvider build() {
			if (this.credentials == null) {
				throw new IllegalStateException(
						"Credentials are required to issue temporary API keys: call credentials(accessKey, secretKey)");
			}
			return new TemporaryApiKeyProvider(this, this.credentials);
		}

		private static Duration positive(Duration value, String name) {
			Objects.requireNonNull(value, name + " must not be null");
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive but was " + value);
			}
			return value;
		}

		private static Duration notNegative(Duration value, String name) {
			Objects.requireNonNull(value, name + " must not be null");
			if (value.isNegative()) {
				throw new IllegalArgumentException(name + " must not be negative but was " + value);
			}
			return value;
		}

	}

}
