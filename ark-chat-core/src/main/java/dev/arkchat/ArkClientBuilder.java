package dev.arkchat;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.StaticApiKeyProvider;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.http.ArkTransport;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * What the builders of the Bearer-authenticated clients (bot chat v3 and v2, context) share, for use without Spring
 * Boot: the Ark host (from a region or a base URL), the credentials (a console API key, a provider of keys, or an
 * access key pair that has temporary keys issued per resource), and the transport (timeouts, retries, observation).
 * @param <B> the concrete builder
 * @param <C> the client it builds
 */
public abstract class ArkClientBuilder<B extends ArkClientBuilder<B, C>, C> {

	private ArkRegion region = ArkRegion.CN_BEIJING;

	private @Nullable URI baseUrl;

	private @Nullable ApiKeyProvider apiKeys;

	private @Nullable VolcengineCredentials credentials;

	private RestClient.@Nullable Builder restClientBuilder;

	private Clock clock = Clock.systemUTC();

	private final ArkTransport.Builder transport = ArkTransport.builder();

	/** Creates a builder for the Beijing region. */
	protected ArkClientBuilder() {
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	/**
	 * Sets the Ark host; defaults to the region's.
	 * @param baseUrl the base URL, such as {@code https://ark.cn-beijing.volces.com}
	 * @return this builder
	 */
	public B baseUrl(String baseUrl) {
		this.baseUrl = URI.create(baseUrl);
		return self();
	}

	/**
	 * Sets the region, which derives the Ark host and, with {@link #credentials}, the OpenAPI host and signing region
	 * of {@code GetApiKey}. Beijing by default.
	 * @param region the region
	 * @return this builder
	 */
	public B region(ArkRegion region) {
		this.region = Objects.requireNonNull(region, "region must not be null");
		return self();
	}

	/**
	 * Uses one console API key for every resource.
	 * @param apiKey the key
	 * @return this builder
	 */
	public B apiKey(String apiKey) {
		this.apiKeys = new StaticApiKeyProvider(apiKey);
		this.credentials = null;
		return self();
	}

	/**
	 * Uses a provider of keys per resource.
	 * @param apiKeys the provider
	 * @return this builder
	 */
	public B apiKeyProvider(ApiKeyProvider apiKeys) {
		this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys must not be null");
		this.credentials = null;
		return self();
	}

	/**
	 * Uses temporary keys issued for each resource with an access key pair: a {@link TemporaryApiKeyProvider} for
	 * the region, with this builder's {@code RestClient.Builder} and clock and its defaults otherwise.
	 * @param credentials the access key pair
	 * @return this builder
	 */
	public B credentials(VolcengineCredentials credentials) {
		this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
		this.apiKeys = null;
		return self();
	}

	/**
	 * Starts from a configured {@link RestClient.Builder} (interceptors, observation). It is cloned, never changed.
	 * @param restClientBuilder the builder
	 * @return this builder
	 */
	public B restClientBuilder(RestClient.Builder restClientBuilder) {
		this.restClientBuilder = restClientBuilder;
		this.transport.restClientBuilder(restClientBuilder);
		return self();
	}

	/**
	 * Sets the clock (for {@code Retry-After} dates and key expiry).
	 * @param clock the clock
	 * @return this builder
	 */
	public B clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.transport.clock(clock);
		return self();
	}

	/**
	 * Configures the transport: timeouts, retries, observation.
	 * @param customizer changes the transport builder
	 * @return this builder
	 */
	public B transport(Consumer<ArkTransport.Builder> customizer) {
		customizer.accept(this.transport);
		return self();
	}

	/**
	 * Builds the client.
	 * @return the client
	 * @throws IllegalStateException when neither a key, a key provider nor credentials were given
	 */
	public C build() {
		ApiKeyProvider keys = this.apiKeys;
		if (keys == null && this.credentials != null) {
			TemporaryApiKeyProvider.Builder temporary = TemporaryApiKeyProvider.builder()
				.credentials(this.credentials)
				.region(this.region)
				.clock(this.clock);
			if (this.restClientBuilder != null) {
				temporary.restClientBuilder(this.restClientBuilder);
			}
			keys = temporary.build();
		}
		if (keys == null) {
			throw new IllegalStateException(
					"An API key is required: call apiKey(...), apiKeyProvider(...) or credentials(...)");
		}
		URI url = (this.baseUrl != null) ? this.baseUrl : this.region.arkBaseUrl();
		return create(this.transport.baseUrl(url).build(), keys);
	}

	/**
	 * Creates the client.
	 * @param transport the transport to the Ark host
	 * @param apiKeys the keys
	 * @return the client
	 */
	protected abstract C create(ArkTransport transport, ApiKeyProvider apiKeys);

}
