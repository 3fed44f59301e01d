package dev.arkchat.autoconfigure;

import dev.arkchat.http.ArkTransport;
import dev.arkchat.http.RetrySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property defaults are written as literals so that the configuration processor puts them in the metadata (and so
 * in the README's reference); they must stay equal to the core's defaults.
 */
class ArkChatPropertiesDefaultsTests {

	@Test
	void retryDefaultsAreTheCoresDefaults() {
		assertThat(new ArkChatProperties().getRetry().toSettings()).isEqualTo(RetrySettings.DEFAULTS);
	}

	@Test
	void streamIdleDefaultIsTheCoresDefault() {
		assertThat(new ArkChatProperties().getTimeouts().getStreamIdle())
			.isEqualTo(ArkTransport.DEFAULT_STREAM_IDLE_TIMEOUT);
	}

}
