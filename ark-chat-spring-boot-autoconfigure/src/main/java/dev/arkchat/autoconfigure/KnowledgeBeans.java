package dev.arkchat.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.arkchat.auth.VolcengineCredentials;
import dev.arkchat.auth.VolcengineSigner;
import dev.arkchat.chat.Thinking;
import dev.arkchat.knowledge.DefaultKnowledgePromptTemplate;
import dev.arkchat.knowledge.KnowledgeClient;
import dev.arkchat.knowledge.KnowledgeOperations;
import dev.arkchat.knowledge.KnowledgePromptTemplate;
import dev.arkchat.knowledge.KnowledgeTemplate;
import dev.arkchat.knowledge.RerankModel;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * The knowledge base beans that {@link ArkChatBeanRegistrar} registers from {@code ark.chat.knowledge.*}: a
 * {@link KnowledgeClient} signed with AK/SK (service {@code air}), the {@link KnowledgePromptTemplate} of {@code ask},
 * and the {@link KnowledgeOperations} applications inject.
 * <p>
 * The knowledge base accepts only V4 signatures, so these beans exist only with credentials: a
 * {@link VolcengineCredentials} bean, or {@code ark.chat.access-key} and {@code ark.chat.secret-key} (with
 * {@code ark.chat.session-token} for temporary credentials). The client is built on the same transport as every Ark
 * client ({@link ArkTransports}), with the signer as the last interceptor. Wrong settings (a malformed URL, an
 * unreadable prompt template, a default out of its range) fail the startup naming the property. The factory methods
 * are static, so that the beans can be processed ahead of time.
 */
final class KnowledgeBeans {

	/** The wire field a core validation message starts with, to the property that sets it. */
	private static final Map<String, String> PROPERTIES_BY_FIELD = Map.of("limit", "limit", "dense_weight",
			"dense-weight", "post_processing.retrieve_count", "retrieve-count", "temperature", "temperature",
			"max_tokens", "max-tokens", "collection name", "resource-id", "api_key", "api-key");

	private KnowledgeBeans() {
	}

	/**
	 * The {@code ark.chat.knowledge.*} properties, which Boot binds once created.
	 * @return unbound properties
	 */
	static ArkChatKnowledgeProperties knowledgeProperties() {
		return new ArkChatKnowledgeProperties();
	}

	/**
	 * The knowledge base client, signed with the application's credentials.
	 * @param properties the root properties (region, AK/SK)
	 * @param knowledge the knowledge properties
	 * @param credentials the application's credentials, if it defines them
	 * @param transports builds the transport
	 * @return the client
	 */
	static KnowledgeClient knowledgeClient(ArkChatProperties properties, ArkChatKnowledgeProperties knowledge,
			ObjectProvider<VolcengineCredentials> credentials, ArkTransports transports) {
		VolcengineCredentials keys = credentials.getIfAvailable(() -> credentialsOf(properties));
		URI baseUrl = ArkBaseUrls.resolve(ArkChatKnowledgeProperties.PREFIX + ".base-url", knowledge.getBaseUrl(),
				properties.getRegion().knowledgeBaseUrl());
		String region = StringUtils.hasText(knowledge.getSigningRegion()) ? knowledge.getSigningRegion().trim()
				: properties.getRegion().knowledgeSigningRegion();
		VolcengineSigner signer = VolcengineSigner.builder(keys)
			.service(KnowledgeClient.SIGNING_SERVICE)
			.region(region)
			.build();
		return new KnowledgeClient(transports.create(baseUrl, List.of(signer)), knowledge.getAccountId());
	}

	/**
	 * The prompt of {@code ask}: read from {@code ark.chat.knowledge.prompt-template}, or the built-in one.
	 * @param knowledge the knowledge properties
	 * @return the prompt template
	 */
	static KnowledgePromptTemplate knowledgePromptTemplate(ArkChatKnowledgeProperties knowledge) {
		Resource resource = knowledge.getPromptTemplate();
		if (resource == null) {
			return new DefaultKnowledgePromptTemplate();
		}
		String property = ArkChatKnowledgeProperties.PREFIX + ".prompt-template";
		if (!resource.exists()) {
			throw new ArkChatConfigurationException(property,
					"Property '" + property + "' names " + resource.getDescription() + ", which does not exist.",
					"Point '" + property + "' at a UTF-8 text file, such as classpath:prompts/knowledge.txt, or "
							+ "remove it to use the built-in prompt.");
		}
		try {
			return DefaultKnowledgePromptTemplate.fromResource(resource);
		}
		catch (IllegalArgumentException ex) {
			throw new ArkChatConfigurationException(property,
					"Property '" + property + "' names an unusable prompt template: " + ex.getMessage(),
					"In the file named by '" + property + "', put {{context}} where the chunks found go (and "
							+ "{{question}} where the question goes, if anywhere), or remove the property to use the "
							+ "built-in prompt.");
		}
	}

	/**
	 * What applications inject to search, chat and ask, with the configured collection, search defaults and model.
	 * @param client the endpoint client
	 * @param knowledge the knowledge properties
	 * @param promptTemplate the prompt of {@code ask}
	 * @return the template
	 */
	static KnowledgeTemplate knowledgeTemplate(KnowledgeClient client, ArkChatKnowledgeProperties knowledge,
			KnowledgePromptTemplate promptTemplate) {
		KnowledgeTemplate.Builder builder = KnowledgeTemplate.builder(client)
			.collection(knowledge.getCollectionName(), knowledge.getProject())
			.resourceId(knowledge.getResourceId())
			.limit(knowledge.getLimit())
			.rerank(knowledge.getRerank())
			.rerankModel(StringUtils.hasText(knowledge.getRerankModel()) ? RerankModel.of(knowledge.getRerankModel())
					: null)
			.retrieveCount(knowledge.getRetrieveCount())
			.denseWeight(knowledge.getDenseWeight())
			.rewrite(knowledge.isRewrite())
			.model(knowledge.getModel())
			.modelVersion(knowledge.getModelVersion())
			.thinking((knowledge.getThinking() != null)
					? new Thinking(knowledge.getThinking().name().toLowerCase(Locale.ROOT)) : null)
			.apiKey(knowledge.getApiKey())
			.maxTokens(knowledge.getMaxTokens())
			.temperature(knowledge.getTemperature())
			.vision(knowledge.getVision())
			.promptTemplate(promptTemplate);
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			String property = ArkChatKnowledgeProperties.PREFIX + "." + propertyOf(ex.getMessage());
			throw new ArkChatConfigurationException(property,
					"The knowledge defaults are not valid: " + ex.getMessage() + ".",
					"Correct '" + property + "' (see the ark.chat.knowledge.* properties).");
		}
	}

	private static String propertyOf(@Nullable String message) {
		if (message != null) {
			for (Map.Entry<String, String> entry : PROPERTIES_BY_FIELD.entrySet()) {
				if (message.startsWith(entry.getKey() + " ")) {
					return entry.getValue();
				}
			}
		}
		return "*";
	}

	private static VolcengineCredentials credentialsOf(ArkChatProperties properties) {
		String token = properties.getSessionToken();
		return new VolcengineCredentials(String.valueOf(properties.getAccessKey()),
				String.valueOf(properties.getSecretKey()), StringUtils.hasText(token) ? token : null);
	}

}
