package dev.arkchat.bot.legacy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The {@code error} object of a v2 bot answer or stream chunk: absent or empty on success. Related legacy APIs send a
 * numeric {@code code_n} beside (or instead of) the string {@code code}; {@code code_n: 0} means no error.
 * @param code the error code, such as {@code InvalidParameter}
 * @param codeN the numeric error code
 * @param message what went wrong
 */
public record LegacyBotError(@Nullable String code, @Nullable Long codeN, @Nullable String message) {

	/**
	 * Whether this object reports no error (every field absent, empty, or {@code code_n} 0).
	 * @return {@code true} on success
	 */
	@JsonIgnore
	public boolean isEmpty() {
		return isBlank(this.code) && (this.codeN == null || this.codeN == 0) && isBlank(this.message);
	}

	/**
	 * The code to report: {@code code}, or {@code code_n} when there is no string code.
	 * @return the code, or {@code null} when neither is set
	 */
	public @Nullable String effectiveCode() {
		if (!isBlank(this.code)) {
			return this.code;
		}
		return (this.codeN != null && this.codeN != 0) ? Long.toString(this.codeN) : null;
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
