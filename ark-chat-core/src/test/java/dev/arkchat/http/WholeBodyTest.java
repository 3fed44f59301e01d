package dev.arkchat.http;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body received whole hands its bytes to a reader that can take them (the transport parses a blocking answer from
 * them), but only while none of it has been read through the stream: after that, the stream alone is right.
 */
class WholeBodyTest {

	private final byte[] json = "{\"content\":\"杭州\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void untouchedItGivesItsOwnBytes() {
		ArkJdkClientHttpRequestFactory.WholeBody body = new ArkJdkClientHttpRequestFactory.WholeBody(this.json);

		assertThat(body.unread()).isSameAs(this.json);
	}

	@Test
	void onceReadingHasBegunItGivesNoneAndTheStreamGoesOnWhereItWas() {
		ArkJdkClientHttpRequestFactory.WholeBody body = new ArkJdkClientHttpRequestFactory.WholeBody(this.json);

		assertThat(body.read()).isEqualTo('{');

		assertThat(body.unread()).isNull();
		assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("\"content\":\"杭州\"}");
	}

}
