package dev.arkchat.autoconfigure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.auth.ApiKeyProvider;
import dev.arkchat.auth.StaticApiKeyProvider;
import dev.arkchat.auth.TemporaryApiKeyProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code ark} health indicator. Spends no tokens:
 * <ul>
 * <li>{@code hosts}: every host an Ark client was built for answers a {@code HEAD /} (any HTTP status counts);</li>
 * <li>{@code credentials}: with AK/SK, a temporary API key can be issued for the default bot (the provider caches it,
 * so this asks Ark at most once per key lifetime); with a console API key, nothing to check here;</li>
 * <li>{@code calls}: the outcome of the last call to each Ark API.</li>
 * </ul>
 * DOWN when a host does not answer, or when Ark refused the credentials (the last call, or issuing a key, failed with
 * an {@link ArkAuthenticationException}). UP, with the details, otherwise, including while rate-limited. Never shows
 * a key, a message or a prompt.
 */
final class ArkHealthIndicator extends AbstractHealthIndicator {

	private final Supplier<Iterable<URI>> hosts;

	private final ArkHostProbe probe;

	private final @Nullable ApiKeyProvider apiKeys;

	private final @Nullable String botId;

	private final ArkCallOutcomes outcomes;

	/**
	 * Creates the indicator.
	 * @param hosts the hosts of Ark's clients
	 * @param probe checks a host
	 * @param apiKeys the credentials, if any
	 * @param botId the bot a temporary key is issued for, if any
	 * @param outcomes the last calls
	 */
	ArkHealthIndicator(Supplier<Iterable<URI>> hosts, ArkHostProbe probe, @Nullable ApiKeyProvider apiKeys,
			@Nullable String botId, ArkCallOutcomes outcomes) {
		super("Ark health check failed");
		this.hosts = hosts;
		this.probe = probe;
		this.apiKeys = apiKeys;
		this.botId = botId;
		this.outcomes = outcomes;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean down = false;
		Map<String, Object> hosts = new LinkedHashMap<>();
		for (URI host : this.hosts.get()) {
			ArkHostProbe.Result result = this.probe.probe(host);
			hosts.put(host.toString(), result.details());
			down |= !result.reachable();
		}
		Map<String, Object> credentials = new LinkedHashMap<>();
		down |= checkCredentials(credentials);
		Map<String, Object> calls = new LinkedHashMap<>();
		for (Map.Entry<String, ArkCallOutcomes.Outcome> last : this.outcomes.last().entrySet()) {
			calls.put(last.getKey(), details(last.getValue()));
			down |= last.getValue().authenticationFailed();
		}
		(down ? builder.down() : builder.up()).withDetail("hosts", hosts)
			.withDetail("credentials", credentials)
			.withDetail("calls", calls);
	}

	/**
	 * Describes the credentials and, with AK/SK, checks that a key can be issued.
	 * @param details where the description goes
	 * @return whether Ark refused the credentials
	 */
	private boolean checkCredentials(Map<String, Object> details) {
		if (this.apiKeys == null) {
			details.put("type", "none");
			return false;
		}
		if (this.apiKeys instanceof StaticApiKeyProvider) {
			details.put("type", "api-key");
			return false;
		}
		if (!(this.apiKeys instanceof TemporaryApiKeyProvider)) {
			details.put("type", "custom");
			return false;
		}
		details.put("type", "access-key");
		if (this.botId == null) {
			details.put("temporaryKey", "not checked: no default bot (ark.chat.bot.id)");
			return false;
		}
		details.put("resource", this.botId);
		try {
			this.apiKeys.getApiKey(this.botId);
			details.put("temporaryKey", "issued");
			return false;
		}
		catch (RuntimeException ex) {
			details.put("temporaryKey", "failed");
			details.put("error", ex.getClass().getSimpleName());
			return ex instanceof ArkAuthenticationException;
		}
	}

	private static Map<String, Object> details(ArkCallOutcomes.Outcome outcome) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("outcome", outcome.result());
		details.put("at", outcome.at().toString());
		if (outcome.errorType() != null && !"cancelled".equals(outcome.errorType())) {
			details.put("errorType", outcome.errorType());
		}
		if (outcome.status() != null) {
			details.put("status", outcome.status());
		}
		if (outcome.rateLimited()) {
			details.put("rateLimited", true);
		}
		return details;
	}

}
