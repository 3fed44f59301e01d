package dev.arkchat.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkAuthenticationException;
import dev.arkchat.ArkRateLimitException;
import dev.arkchat.observation.ArkChatObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the outcome of the last call to each Ark API ({@code ark.api}: bots, bots.legacy, context, knowledge), for the
 * health check: when it ended, how, and with which error type. An {@link ObservationHandler}, so it sees every call of
 * every client observed with the application's registry. Keeps no message, prompt or key.
 */
final class ArkCallOutcomes implements ObservationHandler<ArkChatObservationContext> {

	private final Map<String, Outcome> last = new ConcurrentHashMap<>();

	private final Clock clock;

	ArkCallOutcomes(Clock clock) {
		this.clock = clock;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ArkChatObservationContext;
	}

	@Override
	public void onStop(ArkChatObservationContext context) {
		this.last.put(context.getApi(), Outcome.of(context, this.clock.instant()));
	}

	/**
	 * The last outcome per API.
	 * @return the outcomes, by API name
	 */
	Map<String, Outcome> last() {
		return Collections.unmodifiableMap(new TreeMap<>(this.last));
	}

	/**
	 * How one call ended.
	 * @param at when it ended
	 * @param errorType the error type ({@code cancelled} for a stream closed early), or {@code null} on success
	 * @param status the HTTP status of an error answer, or {@code null}
	 * @param authenticationFailed whether Ark refused the credentials
	 * @param rateLimited whether Ark answered with a rate limit
	 */
	record Outcome(Instant at, @Nullable String errorType, @Nullable Integer status, boolean authenticationFailed,
			boolean rateLimited) {

		static Outcome of(ArkChatObservationContext context, Instant at) {
			Throwable error = context.getError();
			Integer status = (error instanceof ArkApiException api) ? api.getStatusCode() : null;
			return new Outcome(at, context.getErrorType(), status, error instanceof ArkAuthenticationException,
					error instanceof ArkRateLimitException);
		}

		/**
		 * How the call ended, in a word.
		 * @return {@code success}, {@code cancelled} or {@code failure}
		 */
		String result() {
			if (this.errorType == null) {
				return "success";
			}
			return "cancelled".equals(this.errorType) ? "cancelled" : "failure";
		}

	}

}
