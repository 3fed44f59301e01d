package dev.arkchat.http;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The request factory leaves out exactly the headers the JDK client refuses to take from a caller (it sets them
 * itself), in any case, and passes every other one on.
 */
class RestrictedHeadersTest {

	@ParameterizedTest
	@ValueSource(strings = { "Connection", "connection", "CONTENT-LENGTH", "Content-Length", "Expect", "host", "Host",
			"Upgrade", "uPGRADE" })
	void theHeadersTheJdkClientRefusesAreLeftOut(String name) {
		assertThat(ArkJdkClientHttpRequestFactory.isRestricted(name)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.newBuilder(URI.create("http://127.0.0.1/"))
			.header(name, "x"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Content-Type", "Accept", "Authorization", "X-Client-Request-Id", "X-Host", "Hosts",
			"Expects", "Upgrade-Insecure-Requests", "Content-Lengths", "Connections", "traceparent", "Cookie" })
	void everyOtherHeaderIsPassedOn(String name) {
		assertThat(ArkJdkClientHttpRequestFactory.isRestricted(name)).isFalse();
		assertThatNoException().isThrownBy(() -> HttpRequest.newBuilder(URI.create("http://127.0.0.1/"))
			.header(name, "x"));
	}

}
