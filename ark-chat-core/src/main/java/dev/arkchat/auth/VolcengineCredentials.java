package dev.arkchat.auth;

import org.jspecify.annotations.Nullable;

/**
 * A Volcengine access key pair (AK/SK), optionally with the session token of temporary (STS) credentials. Used to
 * sign OpenAPI and knowledge-base requests ({@link VolcengineSigner}) and to obtain temporary API keys
 * ({@link TemporaryApiKeyProvider}). Its {@code toString()} shows only the first characters of the access key id.
 * @param accessKeyId the access key id ({@code AKLT…})
 * @param secretAccessKey the secret access key, used as is to derive signing keys
 * @param sessionToken the STS session token, or {@code null} for long-term credentials
 */
public record VolcengineCredentials(String accessKeyId, String secretAccessKey, @Nullable String sessionToken) {

	private static final int SHOWN_PREFIX = 4;

	/**
	 * Creates credentials, trimming surrounding white space.
	 * @param accessKeyId the access key id
	 * @param secretAccessKey the secret access key
	 * @param sessionToken the STS session token, or {@code null}
	 * @throws IllegalArgumentException when the access key id or secret is blank, or the token is blank but not
	 * {@code null}
	 */
	public VolcengineCredentials {
		if (accessKeyId == null || accessKeyId.isBlank()) {
			throw new IllegalArgumentException("accessKeyId must not be blank");
		}
		if (secretAccessKey == null || secretAccessKey.isBlank()) {
			throw new IllegalArgumentException("secretAccessKey must not be blank");
		}
		if (sessionToken != null && sessionToken.isBlank()) {
			throw new IllegalArgumentException("sessionToken must be null or not blank");
		}
		accessKeyId = accessKeyId.trim();
		secretAccessKey = secretAccessKey.trim();
		sessionToken = (sessionToken != null) ? sessionToken.trim() : null;
	}

	/**
	 * Long-term credentials: an access key pair without a session token.
	 * @param accessKeyId the access key id
	 * @param secretAccessKey the secret access key
	 * @return the credentials
	 */
	public static VolcengineCredentials of(String accessKeyId, String secretAccessKey) {
		return new VolcengineCredentials(accessKeyId, secretAccessKey, null);
	}

	/**
	 * Whether these are temporary (STS) credentials, whose requests carry a signed {@code X-Security-Token}.
	 * @return {@code true} when a session token is set
	 */
	public boolean isTemporary() {
		return this.sessionToken != null;
	}

	/**
	 * The access key id with all but its first characters masked, for logs and messages.
	 * @return for example {@code AKLT****}
	 */
	public String maskedAccessKeyId() {
		String prefix = (this.accessKeyId.length() > 2 * SHOWN_PREFIX) ? this.accessKeyId.substring(0, SHOWN_PREFIX)
				: "";
		return prefix + "****";
	}

	@Override
	public String toString() {
		return "VolcengineCredentials{accessKeyId=" + maskedAccessKeyId() + ", secretAccessKey=******"
				+ (isTemporary() ? ", sessionToken=******" : "") + "}";
	}

}
