package dev.arkchat.test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * Answers requests no endpoint serves with an Ark-shaped 404, so that a client pointed at a wrong path fails with a
 * decoded error that names the path, instead of WireMock's own "not matched" page. Lowest priority: any stub wins.
 */
final class UnknownPathEndpoint extends ArkEndpoint {

	static final String NAME = "ark-unknown-path";

	private static final int LOWEST_PRIORITY = Integer.MAX_VALUE;

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	MappingBuilder mapping() {
		return any(anyUrl()).atPriority(LOWEST_PRIORITY).willReturn(aResponse().withTransformers(NAME));
	}

	@Override
	void reset() {
		// nothing to configure
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		return ArkErrorResponses.error(404, "NotFound", "The fake Ark serves no " + request.getMethod().getName()
				+ " " + request.getUrl(), "", ArkRequestIds.next(), null);
	}

}
