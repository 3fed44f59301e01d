package dev.arkchat.context;

import dev.arkchat.ArkApiException;
import dev.arkchat.ArkPermissionException;
import org.jspecify.annotations.Nullable;

/**
 * Ark refused a context chat because another call on the same context was still in progress
 * ({@code 403 OperationDenied.InvalidState}, "The specified context is in invalid state: InProgress"). A session
 * context answers one call at a time. {@link ContextSessions} serialises the calls of a conversation within one
 * instance, so this means another instance (another JVM, another {@code ContextSessions}) or another client is using
 * the same context at the same moment. Retrying after that call has finished succeeds.
 */
public class ContextBusyException extends ArkPermissionException {

	private static final long serialVersionUID = 1L;

	/** The Ark error code of a busy context. */
	public static final String CODE = "OperationDenied.InvalidState";

	private final @Nullable String contextId;

	private final @Nullable String conversationId;

	/**
	 * Creates the exception from the server's refusal.
	 * @param refusal the decoded {@code 403 OperationDenied.InvalidState}
	 * @param contextId the context that was busy
	 * @param conversationId the conversation it belongs to, when {@link ContextSessions} made the call
	 */
	public ContextBusyException(ArkApiException refusal, @Nullable String contextId, @Nullable String conversationId) {
		super(refusal.getStatusCode(), refusal.getCode(), refusal.getType(), refusal.getParam(),
				refusal.getServerMessage(), refusal.getRequestId());
		this.contextId = contextId;
		this.conversationId = conversationId;
		setStackTrace(refusal.getStackTrace());
	}

	/**
	 * The context that was busy.
	 * @return the context id, or {@code null} if unknown
	 */
	public @Nullable String getContextId() {
		return this.contextId;
	}

	/**
	 * The conversation whose context was busy.
	 * @return the conversation id, or {@code null} when the call was not made by {@link ContextSessions}
	 */
	public @Nullable String getConversationId() {
		return this.conversationId;
	}

	@Override
	public String getMessage() {
		StringBuilder sb = new StringBuilder("Context ").append(this.contextId);
		if (this.conversationId != null) {
			sb.append(" of conversation '").append(this.conversationId).append('\'');
		}
		sb.append(" is busy with another call: Ark refuses a second call on a context while one is in progress. ");
		if (this.conversationId != null) {
			sb.append("ContextSessions serialise the calls of a conversation within one instance only, so another "
					+ "instance or client is using this context; retry once it has finished. ");
		}
		else {
			sb.append("Make one call at a time per context (ContextSessions does this per conversation). ");
		}
		return sb.append('(').append(super.getMessage()).append(')').toString();
	}

}
