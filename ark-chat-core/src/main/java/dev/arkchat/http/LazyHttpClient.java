package dev.arkchat.http;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A JDK {@link HttpClient} created on first use, then shared: building one starts its selector thread and loads the
 * default SSL context (trust store included), which is most of what an Ark client costs at startup. Transports of
 * clients that are never called never pay it. Thread-safe.
 */
public final class LazyHttpClient implements Supplier<HttpClient> {

	private final Supplier<HttpClient> factory;

	private volatile @Nullable HttpClient client;

	/**
	 * Creates a lazy client.
	 * @param factory builds the client, once
	 */
	public LazyHttpClient(Supplier<HttpClient> factory) {
		this.factory = Objects.requireNonNull(factory, "factory must not be null");
	}

	/**
	 * The client, built by the first caller.
	 * @return the client
	 */
	@Override
	public HttpClient get() {
		HttpClient result = this.client;
		if (result == null) {
			synchronized (this) {
				result = this.client;
				if (result == null) {
					result = Objects.requireNonNull(this.factory.get(), "the factory returned no HttpClient");
					this.client = result;
				}
			}
		}
		return result;
	}

	@Override
	public String toString() {
		return "LazyHttpClient{created=" + (this.client != null) + "}";
	}

}
