package dev.arkchat.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code ark.chat.knowledge.*} properties: where the knowledge base is and how requests are signed, the default
 * collection, the search defaults and the model of {@code KnowledgeOperations}. The knowledge base needs AK/SK
 * ({@code ark.chat.access-key} and {@code ark.chat.secret-key}); without them no knowledge bean is created.
 * {@link #toString()} never shows the API key.
 */
@ConfigurationProperties(ArkChatKnowledgeProperties.PREFIX)
public class ArkChatKnowledgeProperties {

	/** The prefix of the knowledge properties. */
	public static final String PREFIX = ArkChatProperties.PREFIX + ".knowledge";

	/**
	 * Whether to auto-configure the knowledge base client and operations (when AK/SK are set).
	 */
	private boolean enabled = true;

	/**
	 * Base URL of the knowledge base, such as https://api-knowledgebase.mlp.cn-beijing.volces.com. Overrides the host
	 * that ark.chat.region gives.
	 */
	private @Nullable String baseUrl;

	/**
	 * Region named in the V4 signature's credential scope. Defaults to the region's (cn-north-1 for cn-beijing, as the
	 * official samples sign; some SDKs sign cn-beijing).
	 */
	private @Nullable String signingRegion;

	/**
	 * Volcengine account id, sent as the V-Account-Id header of every knowledge request.
	 */
	private @Nullable String accountId;

	/**
	 * Name of the collection searched by default. Set this (with project) or resource-id.
	 */
	private @Nullable String collectionName;

	/**
	 * Project of the collection named by collection-name (the server's default is "default").
	 */
	private @Nullable String project;

	/**
	 * Resource id of the collection searched by default, instead of collection-name and project.
	 */
	private @Nullable String resourceId;

	/**
	 * Model that answers: a public model such as Doubao-1-5-pro-32k (the server's default), or a private endpoint id
	 * ep-... (then also set api-key).
	 */
	private @Nullable String model;

	/**
	 * Version of the model, such as 250115.
	 */
	private @Nullable String modelVersion;

	/**
	 * Whether a reasoning model thinks before answering: enabled, disabled or auto. Unset leaves it to the model.
	 */
	private @Nullable ThinkingMode thinking;

	/**
	 * API key of the private endpoint named by model (sent in the request body). Never logged.
	 */
	private @Nullable String apiKey;

	/**
	 * Whether the model understands images, so that image chunks are shown to it. Unset judges by the model's name
	 * (vision models, Doubao-Seed models, versions m-...).
	 */
	private @Nullable Boolean vision;

	/**
	 * Chunks a search returns, in [1, 1000] (the server's default is 10).
	 */
	private @Nullable Integer limit;

	/**
	 * Whether a rerank model reorders the retrieved chunks.
	 */
	private @Nullable Boolean rerank;

	/**
	 * Rerank model: base-multilingual-rerank (the server's default), doubao-seed-rerank or m3-v2-rerank.
	 */
	private @Nullable String rerankModel;

	/**
	 * Chunks retrieved for the reranker, at least limit (the server's default is 25).
	 */
	private @Nullable Integer retrieveCount;

	/**
	 * Weight of semantic retrieval in hybrid search, in [0.2, 1] (the server's default is 0.5).
	 */
	private @Nullable Double denseWeight;

	/**
	 * Whether the server rewrites a follow-up question from the conversation before searching (costs tokens and time).
	 */
	private boolean rewrite;

	/**
	 * Most tokens the model generates (the server's default is 4096).
	 */
	private @Nullable Integer maxTokens;

	/**
	 * Sampling temperature, in [0, 1] (the server's default is 0.1).
	 */
	private @Nullable Double temperature;

	/**
	 * System prompt template of ask(), such as classpath:prompts/knowledge.txt: UTF-8 text with {{context}} where the
	 * chunks found go and, optionally, {{question}}. Unset uses the built-in prompt of the official multi-turn sample.
	 */
	private @Nullable Resource promptTemplate;

	/**
	 * Whether a reasoning model thinks first: the values of {@code thinking.type}.
	 */
	public enum ThinkingMode {

		/** Always think first. */
		ENABLED,

		/** Answer directly. */
		DISABLED,

		/** Let the model decide. */
		AUTO

	}

	/**
	 * Whether the knowledge beans are auto-configured.
	 * @return {@code true} unless turned off
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Turns the knowledge beans on or off.
	 * @param enabled whether they are on
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The knowledge base URL when it overrides the region's host.
	 * @return the base URL, or {@code null}
	 */
	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Sets the knowledge base URL.
	 * @param baseUrl the base URL
	 */
	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * The signing region when it overrides the region's.
	 * @return the signing region, or {@code null}
	 */
	public @Nullable String getSigningRegion() {
		return this.signingRegion;
	}

	/**
	 * Sets the signing region.
	 * @param signingRegion the signing region
	 */
	public void setSigningRegion(@Nullable String signingRegion) {
		this.signingRegion = signingRegion;
	}

	/**
	 * The account id sent as {@code V-Account-Id}.
	 * @return the account id, or {@code null}
	 */
	public @Nullable String getAccountId() {
		return this.accountId;
	}

	/**
	 * Sets the account id.
	 * @param accountId the account id
	 */
	public void setAccountId(@Nullable String accountId) {
		this.accountId = accountId;
	}

	/**
	 * The default collection's name.
	 * @return the name, or {@code null}
	 */
	public @Nullable String getCollectionName() {
		return this.collectionName;
	}

	/**
	 * Sets the default collection's name.
	 * @param collectionName the name
	 */
	public void setCollectionName(@Nullable String collectionName) {
		this.collectionName = collectionName;
	}

	/**
	 * The default collection's project.
	 * @return the project, or {@code null}
	 */
	public @Nullable String getProject() {
		return this.project;
	}

	/**
	 * Sets the default collection's project.
	 * @param project the project
	 */
	public void setProject(@Nullable String project) {
		this.project = project;
	}

	/**
	 * The default collection's resource id.
	 * @return the resource id, or {@code null}
	 */
	public @Nullable String getResourceId() {
		return this.resourceId;
	}

	/**
	 * Sets the default collection's resource id.
	 * @param resourceId the resource id
	 */
	public void setResourceId(@Nullable String resourceId) {
		this.resourceId = resourceId;
	}

	/**
	 * The model that answers.
	 * @return the model, or {@code null} for the server's default
	 */
	public @Nullable String getModel() {
		return this.model;
	}

	/**
	 * Sets the model.
	 * @param model the model
	 */
	public void setModel(@Nullable String model) {
		this.model = model;
	}

	/**
	 * The model's version.
	 * @return the version, or {@code null}
	 */
	public @Nullable String getModelVersion() {
		return this.modelVersion;
	}

	/**
	 * Sets the model's version.
	 * @param modelVersion the version
	 */
	public void setModelVersion(@Nullable String modelVersion) {
		this.modelVersion = modelVersion;
	}

	/**
	 * Whether a reasoning model thinks first.
	 * @return the mode, or {@code null} for the model's default
	 */
	public @Nullable ThinkingMode getThinking() {
		return this.thinking;
	}

	/**
	 * Sets whether a reasoning model thinks first.
	 * @param thinking the mode
	 */
	public void setThinking(@Nullable ThinkingMode thinking) {
		this.thinking = thinking;
	}

	/**
	 * The private endpoint's API key.
	 * @return the key, or {@code null}
	 */
	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	/**
	 * Sets the private endpoint's API key.
	 * @param apiKey the key
	 */
	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * Whether the model understands images.
	 * @return the flag, or {@code null} to judge by the model's name
	 */
	public @Nullable Boolean getVision() {
		return this.vision;
	}

	/**
	 * Sets whether the model understands images.
	 * @param vision the flag
	 */
	public void setVision(@Nullable Boolean vision) {
		this.vision = vision;
	}

	/**
	 * Chunks a search returns.
	 * @return the limit, or {@code null}
	 */
	public @Nullable Integer getLimit() {
		return this.limit;
	}

	/**
	 * Sets the chunks a search returns.
	 * @param limit the limit
	 */
	public void setLimit(@Nullable Integer limit) {
		this.limit = limit;
	}

	/**
	 * Whether retrieved chunks are reranked.
	 * @return the flag, or {@code null}
	 */
	public @Nullable Boolean getRerank() {
		return this.rerank;
	}

	/**
	 * Sets whether retrieved chunks are reranked.
	 * @param rerank the flag
	 */
	public void setRerank(@Nullable Boolean rerank) {
		this.rerank = rerank;
	}

	/**
	 * The rerank model.
	 * @return the model, or {@code null}
	 */
	public @Nullable String getRerankModel() {
		return this.rerankModel;
	}

	/**
	 * Sets the rerank model.
	 * @param rerankModel the model
	 */
	public void setRerankModel(@Nullable String rerankModel) {
		this.rerankModel = rerankModel;
	}

	/**
	 * Chunks retrieved for the reranker.
	 * @return the count, or {@code null}
	 */
	public @Nullable Integer getRetrieveCount() {
		return this.retrieveCount;
	}

	/**
	 * Sets the chunks retrieved for the reranker.
	 * @param retrieveCount the count
	 */
	public void setRetrieveCount(@Nullable Integer retrieveCount) {
		this.retrieveCount = retrieveCount;
	}

	/**
	 * The weight of semantic retrieval.
	 * @return the weight, or {@code null}
	 */
	public @Nullable Double getDenseWeight() {
		return this.denseWeight;
	}

	/**
	 * Sets the weight of semantic retrieval.
	 * @param denseWeight the weight
	 */
	public void setDenseWeight(@Nullable Double denseWeight) {
		this.denseWeight = denseWeight;
	}

	/**
	 * Whether follow-up questions are rewritten before searching.
	 * @return the flag
	 */
	public boolean isRewrite() {
		return this.rewrite;
	}

	/**
	 * Sets whether follow-up questions are rewritten before searching.
	 * @param rewrite the flag
	 */
	public void setRewrite(boolean rewrite) {
		this.rewrite = rewrite;
	}

	/**
	 * The most tokens to generate.
	 * @return the limit, or {@code null}
	 */
	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	/**
	 * Sets the most tokens to generate.
	 * @param maxTokens the limit
	 */
	public void setMaxTokens(@Nullable Integer maxTokens) {
		this.maxTokens = maxTokens;
	}

	/**
	 * The sampling temperature.
	 * @return the temperature, or {@code null}
	 */
	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	/**
	 * Sets the sampling temperature.
	 * @param temperature the temperature
	 */
	public void setTemperature(@Nullable Double temperature) {
		this.temperature = temperature;
	}

	/**
	 * The system prompt template of {@code ask()}.
	 * @return the resource, or {@code null} for the built-in prompt
	 */
	public @Nullable Resource getPromptTemplate() {
		return this.promptTemplate;
	}

	/**
	 * Sets the system prompt template of {@code ask()}.
	 * @param promptTemplate the resource
	 */
	public void setPromptTemplate(@Nullable Resource promptTemplate) {
		this.promptTemplate = promptTemplate;
	}

	@Override
	public String toString() {
		return "ArkChatKnowledgeProperties{baseUrl=" + this.baseUrl + ", collectionName=" + this.collectionName
				+ ", resourceId=" + this.resourceId + ", model=" + this.model + ", apiKey="
				+ ((this.apiKey != null) ? "******" : "none") + "}";
	}

}
