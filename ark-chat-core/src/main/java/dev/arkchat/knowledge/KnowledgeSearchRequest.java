package dev.arkchat.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.arkchat.chat.ChatMessage;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge search request ({@code POST /api/knowledge/collection/search_knowledge}): which collection (by name and
 * project, or by resource id), the query, and how to retrieve, filter and rerank. Build one with {@link #builder()};
 * the collection may be left out when a {@link KnowledgeOperations} with a default collection sends it. Checked before
 * it is sent. Immutable.
 */
@JsonPropertyOrder({ "name", "project", "resource_id", "query", "image_query", "limit", "query_param", "dense_weight",
		"pre_processing", "post_processing" })
public final class KnowledgeSearchRequest {

	/** The longest query the server accepts, in characters. */
	public static final int MAX_QUERY_LENGTH = 8000;

	/** The most chunks a search may ask for (the server may allow fewer: 200 without rerank). */
	public static final int MAX_LIMIT = 1000;

	/** The largest {@code chunk_diffusion_count}. */
	public static final int MAX_CHUNK_DIFFUSION_COUNT = 5;

	/** The smallest {@code dense_weight} (1 is pure semantic retrieval). */
	public static final double MIN_DENSE_WEIGHT = 0.2;

	/** The {@code limit} the server uses when none is sent. */
	static final int DEFAULT_LIMIT = 10;

	private final @Nullable String name;

	private final @Nullable String project;

	private final @Nullable String resourceId;

	private final @Nullable String query;

	private final @Nullable String imageQuery;

	private final @Nullable Integer limit;

	private final @Nullable QueryParam queryParam;

	private final @Nullable Double denseWeight;

	private final @Nullable PreProcessing preProcessing;

	private final @Nullable PostProcessing postProcessing;

	private final Map<String, Object> extraBody;

	private KnowledgeSearchRequest(Builder builder) {
		this.name = trimmed(builder.name);
		this.project = trimmed(builder.project);
		this.resourceId = trimmed(builder.resourceId);
		this.query = builder.query;
		this.imageQuery = builder.imageQuery;
		this.limit = builder.limit;
		this.queryParam = (builder.docFilter != null) ? new QueryParam(builder.docFilter) : null;
		this.denseWeight = builder.denseWeight;
		PreProcessing pre = new PreProcessing(builder.needInstruction, builder.returnTokenUsage, builder.rewrite,
				(builder.messages != null) ? List.copyOf(builder.messages) : null);
		this.preProcessing = pre.isEmpty() ? null : pre;
		PostProcessing post = new PostProcessing(builder.rerankSwitch, builder.retrieveCount,
				builder.chunkDiffusionCount, builder.chunkGroup, builder.rerankModel, builder.rerankOnlyChunk,
				builder.getAttachmentLink, builder.enableRerankThreshold, builder.rerankThreshold,
				builder.rerankInstruction);
		this.postProcessing = post.isEmpty() ? null : post;
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
	}

	/**
	 * A new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder that starts from this request.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder b = new Builder();
		b.name = this.name;
		b.project = this.project;
		b.resourceId = this.resourceId;
		b.query = this.query;
		b.imageQuery = this.imageQuery;
		b.limit = this.limit;
		b.docFilter = (this.queryParam != null) ? this.queryParam.docFilter() : null;
		b.denseWeight = this.denseWeight;
		if (this.preProcessing != null) {
			b.needInstruction = this.preProcessing.needInstruction();
			b.returnTokenUsage = this.preProcessing.returnTokenUsage();
			b.rewrite = this.preProcessing.rewrite();
			b.messages = this.preProcessing.messages();
		}
		if (this.postProcessing != null) {
			PostProcessing p = this.postProcessing;
			b.rerankSwitch = p.rerankSwitch();
			b.retrieveCount = p.retrieveCount();
			b.chunkDiffusionCount = p.chunkDiffusionCount();
			b.chunkGroup = p.chunkGroup();
			b.rerankModel = p.rerankModel();
			b.rerankOnlyChunk = p.rerankOnlyChunk();
			b.getAttachmentLink = p.getAttachmentLink();
			b.enableRerankThreshold = p.enableRerankThreshold();
			b.rerankThreshold = p.rerankThreshold();
			b.rerankInstruction = p.rerankInstruction();
		}
		b.extraBody.putAll(this.extraBody);
		return b;
	}

	/**
	 * The collection's name.
	 * @return the name, or {@code null} when the collection is named by resource id or left to the default
	 */
	@JsonProperty("name")
	public @Nullable String name() {
		return this.name;
	}

	/**
	 * The project the named collection belongs to ({@code default} on the server when absent).
	 * @return the project, or {@code null}
	 */
	@JsonProperty("project")
	public @Nullable String project() {
		return this.project;
	}

	/**
	 * The collection's resource id, instead of name and project.
	 * @return the resource id, or {@code null}
	 */
	@JsonProperty("resource_id")
	public @Nullable String resourceId() {
		return this.resourceId;
	}

	/**
	 * Whether the request names a collection, by name or by resource id.
	 * @return {@code true} when {@link #name()} or {@link #resourceId()} is set
	 */
	public boolean hasCollection() {
		return this.name != null || this.resourceId != null;
	}

	/**
	 * The text to search for.
	 * @return the query
	 */
	@JsonProperty("query")
	public @Nullable String query() {
		return this.query;
	}

	/**
	 * An image to search with (for collections of images).
	 * @return the image query, or {@code null}
	 */
	@JsonProperty("image_query")
	public @Nullable String imageQuery() {
		return this.imageQuery;
	}

	/**
	 * How many chunks to return (10 on the server when absent).
	 * @return the limit, or {@code null}
	 */
	@JsonProperty("limit")
	public @Nullable Integer limit() {
		return this.limit;
	}

	/**
	 * Query parameters: the document filter.
	 * @return the parameters, or {@code null}
	 */
	@JsonProperty("query_param")
	public @Nullable QueryParam queryParam() {
		return this.queryParam;
	}

	/**
	 * The weight of semantic (dense) retrieval against keyword retrieval in hybrid search.
	 * @return the weight in [0.2, 1], or {@code null} for the server's 0.5
	 */
	@JsonProperty("dense_weight")
	public @Nullable Double denseWeight() {
		return this.denseWeight;
	}

	/**
	 * What happens to the query before retrieval.
	 * @return the pre-processing, or {@code null}
	 */
	@JsonProperty("pre_processing")
	public @Nullable PreProcessing preProcessing() {
		return this.preProcessing;
	}

	/**
	 * What happens to the chunks after retrieval (rerank, diffusion, grouping, attachment links).
	 * @return the post-processing, or {@code null}
	 */
	@JsonProperty("post_processing")
	public @Nullable PostProcessing postProcessing() {
		return this.postProcessing;
	}

	/**
	 * Extra JSON fields, sent as they are.
	 * @return the fields
	 */
	@JsonAnyGetter
	public Map<String, Object> extraBody() {
		return this.extraBody;
	}

	/**
	 * Checks the request before it is sent.
	 * @throws IllegalArgumentException naming the field, the value and the rule
	 */
	void validate() {
		if (this.name == null && this.resourceId == null) {
			throw new IllegalArgumentException("name (the collection) or resource_id must be set: name a collection "
					+ "in the request or configure a default collection (ark.chat.knowledge.collection-name)");
		}
		if (this.name != null && this.resourceId != null) {
			throw new IllegalArgumentException("name ('" + this.name + "') and resource_id ('" + this.resourceId
					+ "') both name a collection: set only one of them");
		}
		if (this.project != null && this.resourceId != null) {
			throw new IllegalArgumentException("project ('" + this.project + "') applies to a collection named by "
					+ "name, not by resource_id ('" + this.resourceId + "')");
		}
		if (this.query == null || this.query.isBlank()) {
			throw new IllegalArgumentException("query must not be blank");
		}
		int length = this.query.codePointCount(0, this.query.length());
		if (length > MAX_QUERY_LENGTH) {
			throw new IllegalArgumentException(
					"query must be at most " + MAX_QUERY_LENGTH + " characters but has " + length);
		}
		if (this.limit != null && (this.limit < 1 || this.limit > MAX_LIMIT)) {
			throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "] but was " + this.limit);
		}
		if (this.denseWeight != null
				&& (this.denseWeight.isNaN() || this.denseWeight < MIN_DENSE_WEIGHT || this.denseWeight > 1)) {
			throw new IllegalArgumentException("dense_weight must be in [0.2, 1] but was " + this.denseWeight);
		}
		if (this.postProcessing != null) {
			this.postProcessing.validate((this.limit != null) ? this.limit : DEFAULT_LIMIT, this.limit != null);
		}
		if (this.preProcessing != null && this.preProcessing.messages() != null) {
			List<ChatMessage> messages = this.preProcessing.messages();
			for (int i = 0; i < messages.size(); i++) {
				if (messages.get(i).content() == null) {
					throw new IllegalArgumentException("pre_processing.messages[" + i
							+ "].content must be text: the search rewrites the query from text turns only");
				}
			}
		}
	}

	@Override
	public String toString() {
		return "KnowledgeSearchRequest{" + ((this.name != null) ? "name=" + this.name + ", project=" + this.project
				: "resourceId=" + this.resourceId) + ", query=" + ((this.query != null) ? this.query.length() : 0)
				+ " chars, limit=" + this.limit + "}";
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/**
	 * Query parameters ({@code query_param}).
	 * @param docFilter the document filter: any JSON value (a {@code Map}, a Jackson tree, a record), sent as it is,
	 * such as {@code {"op": "must", "field": "doc_id", "conds": ["…"]}}
	 */
	public record QueryParam(@JsonProperty("doc_filter") @Nullable Object docFilter) {
	}

	/**
	 * What happens to the query before retrieval ({@code pre_processing}).
	 * @param needInstruction whether the query is embedded with a retrieval instruction
	 * @param returnTokenUsage whether the answer reports the tokens the search spent
	 * @param rewrite whether the query is rewritten from the conversation in {@code messages}
	 * @param messages the conversation the query comes from, oldest first, ending with the question (text only)
	 */
	public record PreProcessing(@JsonProperty("need_instruction") @Nullable Boolean needInstruction,
			@JsonProperty("return_token_usage") @Nullable Boolean returnTokenUsage,
			@JsonProperty("rewrite") @Nullable Boolean rewrite,
			@JsonProperty("messages") @Nullable List<ChatMessage> messages) {

		boolean isEmpty() {
			return this.needInstruction == null && this.returnTokenUsage == null && this.rewrite == null
					&& this.messages == null;
		}

	}

	/**
	 * What happens to the chunks after retrieval ({@code post_processing}).
	 * @param rerankSwitch whether a rerank model reorders the retrieved chunks
	 * @param retrieveCount how many chunks are retrieved for the reranker (25 on the server; at least {@code limit})
	 * @param chunkDiffusionCount how many neighbouring chunks are added to each hit, in [0, 5]
	 * @param chunkGroup whether chunks of one document are grouped and ordered as in the document
	 * @param rerankModel the rerank model
	 * @param rerankOnlyChunk whether only the chunk's content (not its title) is reranked
	 * @param getAttachmentLink whether image attachments come with a temporary download link (needed to show images
	 * to a vision model)
	 * @param enableRerankThreshold whether chunks below {@code rerankThreshold} are dropped
	 * @param rerankThreshold the lowest rerank score kept
	 * @param rerankInstruction an instruction for the rerank model ({@code doubao-seed-rerank})
	 */
	public record PostProcessing(@JsonProperty("rerank_switch") @Nullable Boolean rerankSwitch,
			@JsonProperty("retrieve_count") @Nullable Integer retrieveCount,
			@JsonProperty("chunk_diffusion_count") @Nullable Integer chunkDiffusionCount,
			@JsonProperty("chunk_group") @Nullable Boolean chunkGroup,
			@JsonProperty("rerank_model") @Nullable RerankModel rerankModel,
			@JsonProperty("rerank_only_chunk") @Nullable Boolean rerankOnlyChunk,
			@JsonProperty("get_attachment_link") @Nullable Boolean getAttachmentLink,
			@JsonProperty("enable_rerank_threshold") @Nullable Boolean enableRerankThreshold,
			@JsonProperty("rerank_threshold") @Nullable Double rerankThreshold,
			@JsonProperty("rerank_instruction") @Nullable String rerankInstruction) {

		boolean isEmpty() {
			return this.rerankSwitch == null && this.retrieveCount == null && this.chunkDiffusionCount == null
					&& this.chunkGroup == null && this.rerankModel == null && this.rerankOnlyChunk == null
					&& this.getAttachmentLink == null && this.enableRerankThreshold == null
					&& this.rerankThreshold == null && this.rerankInstruction == null;
		}

		void validate(int limit, boolean limitSet) {
			if (this.retrieveCount != null && this.retrieveCount < limit) {
				throw new IllegalArgumentException("post_processing.retrieve_count must be at least limit ("
						+ limit + (limitSet ? "" : ", the server's default") + ") but was " + this.retrieveCount);
			}
			if (this.chunkDiffusionCount != null
					&& (this.chunkDiffusionCount < 0 || this.chunkDiffusionCount > MAX_CHUNK_DIFFUSION_COUNT)) {
				throw new IllegalArgumentException("post_processing.chunk_diffusion_count must be in [0, "
						+ MAX_CHUNK_DIFFUSION_COUNT + "] but was " + this.chunkDiffusionCount);
			}
			if (this.rerankThreshold != null && this.rerankThreshold.isNaN()) {
				throw new IllegalArgumentException("post_processing.rerank_threshold must be a number but was NaN");
			}
		}

	}

	/** Builds a {@link KnowledgeSearchRequest}. */
	public static final class Builder {

		private @Nullable String name;

		private @Nullable String project;

		private @Nullable String resourceId;

		private @Nullable String query;

		private @Nullable String imageQuery;

		private @Nullable Integer limit;

		private @Nullable Object docFilter;

		private @Nullable Double denseWeight;

		private @Nullable Boolean needInstruction;

		private @Nullable Boolean returnTokenUsage;

		private @Nullable Boolean rewrite;

		private @Nullable List<ChatMessage> messages;

		private @Nullable Boolean rerankSwitch;

		private @Nullable Integer retrieveCount;

		private @Nullable Integer chunkDiffusionCount;

		private @Nullable Boolean chunkGroup;

		private @Nullable RerankModel rerankModel;

		private @Nullable Boolean rerankOnlyChunk;

		private @Nullable Boolean getAttachmentLink;

		private @Nullable Boolean enableRerankThreshold;

		private @Nullable Double rerankThreshold;

		private @Nullable String rerankInstruction;

		private final Map<String, Object> extraBody = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Names the collection to search, in the project {@code default}.
		 * @param name the collection's name
		 * @return this builder
		 */
		public Builder collection(@Nullable String name) {
			this.name = name;
			return this;
		}

		/**
		 * Names the collection to search and its project.
		 * @param name the collection's name
		 * @param project the project, such as {@code default}
		 * @return this builder
		 */
		public Builder collection(@Nullable String name, @Nullable String project) {
			this.name = name;
			this.project = project;
			return this;
		}

		/**
		 * Names the collection by its resource id instead of name and project.
		 * @param resourceId the resource id
		 * @return this builder
		 */
		public Builder resourceId(@Nullable String resourceId) {
			this.resourceId = resourceId;
			return this;
		}

		/**
		 * Sets the text to search for (required, at most 8000 characters).
		 * @param query the query
		 * @return this builder
		 */
		public Builder query(@Nullable String query) {
			this.query = query;
			return this;
		}

		/**
		 * Sets an image to search with ({@code image_query}).
		 * @param imageQuery the image, as the collection expects it (URL or base64)
		 * @return this builder
		 */
		public Builder imageQuery(@Nullable String imageQuery) {
			this.imageQuery = imageQuery;
			return this;
		}

		/**
		 * Sets how many chunks to return, in [1, 1000] (10 on the server when absent).
		 * @param limit the limit
		 * @return this builder
		 */
		public Builder limit(@Nullable Integer limit) {
			this.limit = limit;
			return this;
		}

		/**
		 * Filters the documents searched ({@code query_param.doc_filter}).
		 * @param docFilter any JSON value: a {@code Map}, a Jackson tree or a record, sent as it is
		 * @return this builder
		 */
		public Builder docFilter(@Nullable Object docFilter) {
			this.docFilter = docFilter;
			return this;
		}

		/**
		 * Sets the weight of semantic retrieval in hybrid search, in [0.2, 1] (0.5 on the server).
		 * @param denseWeight the weight
		 * @return this builder
		 */
		public Builder denseWeight(@Nullable Double denseWeight) {
			this.denseWeight = denseWeight;
			return this;
		}

		/**
		 * Embeds the query with a retrieval instruction ({@code pre_processing.need_instruction}).
		 * @param needInstruction whether to
		 * @return this builder
		 */
		public Builder needInstruction(@Nullable Boolean needInstruction) {
			this.needInstruction = needInstruction;
			return this;
		}

		/**
		 * Asks for the tokens the search spent ({@code pre_processing.return_token_usage}).
		 * @param returnTokenUsage whether to
		 * @return this builder
		 */
		public Builder returnTokenUsage(@Nullable Boolean returnTokenUsage) {
			this.returnTokenUsage = returnTokenUsage;
			return this;
		}

		/**
		 * Rewrites the query from the conversation ({@code pre_processing.rewrite}); give the conversation with
		 * {@link #messages(List)}.
		 * @param rewrite whether to
		 * @return this builder
		 */
		public Builder rewrite(@Nullable Boolean rewrite) {
			this.rewrite = rewrite;
			return this;
		}

		/**
		 * Sets the conversation the query comes from ({@code pre_processing.messages}), oldest first, text only.
		 * @param messages the turns
		 * @return this builder
		 */
		public Builder messages(@Nullable List<ChatMessage> messages) {
			this.messages = (messages != null) ? new ArrayList<>(messages) : null;
			return this;
		}

		/**
		 * Reorders the retrieved chunks with a rerank model ({@code post_processing.rerank_switch}).
		 * @param rerank whether to
		 * @return this builder
		 */
		public Builder rerank(@Nullable Boolean rerank) {
			this.rerankSwitch = rerank;
			return this;
		}

		/**
		 * Sets the rerank model; the server uses {@link RerankModel#BASE_MULTILINGUAL_RERANK} otherwise.
		 * @param rerankModel the model
		 * @return this builder
		 */
		public Builder rerankModel(@Nullable RerankModel rerankModel) {
			this.rerankModel = rerankModel;
			return this;
		}

		/**
		 * Sets how many chunks are retrieved for the reranker (25 on the server; at least {@code limit}).
		 * @param retrieveCount the count
		 * @return this builder
		 */
		public Builder retrieveCount(@Nullable Integer retrieveCount) {
			this.retrieveCount = retrieveCount;
			return this;
		}

		/**
		 * Adds neighbouring chunks to each hit, in [0, 5] ({@code post_processing.chunk_diffusion_count}).
		 * @param chunkDiffusionCount how many
		 * @return this builder
		 */
		public Builder chunkDiffusionCount(@Nullable Integer chunkDiffusionCount) {
			this.chunkDiffusionCount = chunkDiffusionCount;
			return this;
		}

		/**
		 * Groups chunks of one document, in document order ({@code post_processing.chunk_group}).
		 * @param chunkGroup whether to
		 * @return this builder
		 */
		public Builder chunkGroup(@Nullable Boolean chunkGroup) {
			this.chunkGroup = chunkGroup;
			return this;
		}

		/**
		 * Reranks by the chunk's content only ({@code post_processing.rerank_only_chunk}).
		 * @param rerankOnlyChunk whether to
		 * @return this builder
		 */
		public Builder rerankOnlyChunk(@Nullable Boolean rerankOnlyChunk) {
			this.rerankOnlyChunk = rerankOnlyChunk;
			return this;
		}

		/**
		 * Asks for download links of image attachments ({@code post_processing.get_attachment_link}).
		 * @param getAttachmentLink whether to
		 * @return this builder
		 */
		public Builder getAttachmentLink(@Nullable Boolean getAttachmentLink) {
			this.getAttachmentLink = getAttachmentLink;
			return this;
		}

		/**
		 * Drops chunks whose rerank score is below a threshold ({@code enable_rerank_threshold} and
		 * {@code rerank_threshold}).
		 * @param threshold the lowest score kept, or {@code null} to keep every chunk
		 * @return this builder
		 */
		public Builder rerankThreshold(@Nullable Double threshold) {
			this.enableRerankThreshold = (threshold != null) ? Boolean.TRUE : null;
			this.rerankThreshold = threshold;
			return this;
		}

		/**
		 * Sets an instruction for the rerank model ({@code post_processing.rerank_instruction}).
		 * @param rerankInstruction the instruction
		 * @return this builder
		 */
		public Builder rerankInstruction(@Nullable String rerankInstruction) {
			this.rerankInstruction = rerankInstruction;
			return this;
		}

		/**
		 * Adds a JSON field this library does not know yet, sent as it is at the top level.
		 * @param name the field name
		 * @param value the value
		 * @return this builder
		 */
		public Builder extraBody(String name, Object value) {
			this.extraBody.put(Objects.requireNonNull(name, "name must not be null"), value);
			return this;
		}

		/**
		 * Builds the request (checked when it is sent).
		 * @return the request
		 */
		public KnowledgeSearchRequest build() {
			return new KnowledgeSearchRequest(this);
		}

	}

}
