package dev.arkchat.context;

import java.util.Locale;

import dev.arkchat.ArkApiException;
import org.jspecify.annotations.Nullable;

/**
 * Reads Ark's answers for what they say about a context: busy with another call, or gone (expired or unknown). The
 * error for a call on an expired or unknown context is not documented, so "gone" is recognised by its shape:
 * <ul>
 * <li>HTTP 404, unless its code names the endpoint or model ({@code InvalidEndpointOrModel.*}, {@code ModelNotOpen},
 * {@code UnsupportedModel}): creating a new context would fail the same way;</li>
 * <li>HTTP 400 or 403 about the context (its {@code param} is {@code context_id}, or its code or message names the
 * context: {@code context_id}, "context id", "specified context", {@code ctx-}, a code containing {@code Context})
 * that says it is invalid, expired, unknown, not found or does not exist.</li>
 * </ul>
 * {@code 403 OperationDenied.InvalidState} is busy, never gone, unless its message says the context expired or does
 * not exist.
 */
final class ContextErrors {

	private ContextErrors() {
	}

	/**
	 * Whether the server refused because another call on the context is in progress.
	 * @param ex the error
	 * @return {@code true} for {@code 403 OperationDenied.InvalidState} that does not say the context is gone
	 */
	static boolean isBusy(ArkApiException ex) {
		return ex.getStatusCode() == 403 && ContextBusyException.CODE.equals(ex.getCode())
				&& !saysExpiredOrMissing(lower(ex.getServerMessage()));
	}

	/**
	 * Whether the error means that the context no longer exists (or never did), so that a new one may replace it.
	 * @param ex the error
	 * @return {@code true} when the context is gone
	 */
	static boolean isGone(ArkApiException ex) {
		if (isBusy(ex)) {
			return false;
		}
		String code = lower(ex.getCode());
		int status = ex.getStatusCode();
		if (status == 404) {
			return !(code.startsWith("invalidendpointormodel") || code.startsWith("modelnotopen")
					|| code.startsWith("unsupportedmodel"));
		}
		if (status != 400 && status != 403) {
			return false;
		}
		String message = lower(ex.getServerMessage());
		boolean aboutContext = "context_id".equals(lower(ex.getParam())) || code.contains("context")
				|| message.contains("context_id") || message.contains("context id")
				|| message.contains("specified context") || message.contains("ctx-");
		return aboutContext && (saysExpiredOrMissing(code + " " + message) || code.contains("invalid")
				|| message.contains("invalid") || message.contains("unknown"));
	}

	private static boolean saysExpiredOrMissing(String text) {
		return text.contains("expired") || text.contains("not found") || text.contains("notfound")
				|| text.contains("not exist") || text.contains("deleted");
	}

	private static String lower(@Nullable String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : "";
	}

}
