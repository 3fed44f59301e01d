package dev.arkchat.test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;

/**
 * One endpoint family of the fake Ark: a WireMock transformer that reads the actual request and answers as Ark would,
 * the stub that routes requests to it, and the configuration that {@link ArkMockServer#reset()} restores. A new
 * endpoint (legacy bot chat, context, knowledge, GetApiKey) is one more subclass registered by {@link ArkMockServer}.
 * <p>
 * Transformers are not global: only the endpoint's own stub names it.
 */
abstract class ArkEndpoint implements ResponseDefinitionTransformerV2 {

	/**
	 * The stub that sends this endpoint's requests to this transformer, registered on start and after every reset.
	 * @return the stub
	 */
	abstract MappingBuilder mapping();

	/** Restores the default answers. */
	abstract void reset();

	@Override
	public final boolean applyGlobally() {
		return false;
	}

}
