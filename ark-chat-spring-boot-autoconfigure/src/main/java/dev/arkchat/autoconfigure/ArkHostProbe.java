package dev.arkchat.autoconfigure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Checks that an Ark host answers, without spending tokens: a {@code HEAD /} with a short timeout. Any HTTP answer
 * (including 404 or 401) means the host is reachable.
 */
final class ArkHostProbe {

	private final RestClient restClient;

	/**
	 * Creates the probe.
	 * @param restClient a client with a short timeout, built like Ark's own (customizers, SSL)
	 */
	ArkHostProbe(RestClient restClient) {
		this.restClient = restClient;
	}

	/**
	 * Probes one host.
	 * @param host the base URL
	 * @return whether it answered, and with which status or error type
	 */
	Result probe(URI host) {
		try {
			int status = this.restClient.head()
				.uri(host.resolve("/"))
				.exchange((request, response) -> response.getStatusCode().value(), true);
			return new Result(true, status, null);
		}
		catch (RestClientException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new Result(false, null, cause.getClass().getSimpleName());
		}
	}

	/**
	 * The answer of a host.
	 * @param reachable whether the host answered
	 * @param status the HTTP status it answered with
	 * @param error the type of the failure when it did not answer
	 */
	record Result(boolean reachable, @Nullable Integer status, @Nullable String error) {

		Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("reachable", this.reachable);
			if (this.status != null) {
				details.put("status", this.status);
			}
			if (this.error != null) {
				details.put("error", this.error);
			}
			return details;
		}

	}

}
