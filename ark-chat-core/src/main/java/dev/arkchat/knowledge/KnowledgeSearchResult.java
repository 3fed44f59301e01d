package dev.arkchat.knowledge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arkchat.chat.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The answer of a knowledge search, unwrapped from its envelope: the chunks found, best first (or in document order
 * when grouped), with what the server tells about the search.
 * @param collectionName the collection searched
 * @param count how many chunks were returned
 * @param rewriteQuery the query as rewritten from the conversation, when rewriting was asked for
 * @param tokenUsage tokens the search spent, when asked for
 * @param chunks the chunks ({@code result_list})
 * @param requestId the server's request id
 */
public record KnowledgeSearchResult(@Nullable String collectionName, int count, @Nullable String rewriteQuery,
		@Nullable TokenUsage tokenUsage, List<KnowledgeChunk> chunks, @Nullable String requestId) {

	/**
	 * Creates a result; the chunks are copied.
	 * @param collectionName the collection searched
	 * @param count how many chunks were returned
	 * @param rewriteQuery the rewritten query, if any
	 * @param tokenUsage tokens spent, if reported
	 * @param chunks the chunks
	 * @param requestId the server's request id
	 */
	public KnowledgeSearchResult {
		chunks = List.copyOf(chunks);
	}

	/**
	 * Tokens a search spent ({@code token_usage}).
	 * @param embeddingTokenUsage tokens of embedding the query
	 * @param rerankTokenUsage tokens of reranking
	 */
	public record TokenUsage(@Nullable Usage embeddingTokenUsage, @Nullable Long rerankTokenUsage) {

		@JsonCreator
		static TokenUsage fromJson(@JsonProperty("embedding_token_usage") @Nullable Usage embeddingTokenUsage,
				@JsonProperty("rerank_token_usage") @Nullable JsonNode rerankTokenUsage) {
			return new TokenUsage(embeddingTokenUsage, tokens(rerankTokenUsage));
		}

		private static @Nullable Long tokens(@Nullable JsonNode node) {
			if (node == null || node.isNull() || node.isMissingNode()) {
				return null;
			}
			if (node.isNumber()) {
				return node.longValue();
			}
			if (node.isObject() && node.path("total_tokens").isNumber()) {
				return node.path("total_tokens").longValue();
			}
			return null;
		}

	}

	/** The {@code data} object on the wire. */
	record Data(@JsonProperty("collection_name") @Nullable String collectionName,
			@JsonProperty("count") @Nullable Integer count, @JsonProperty("rewrite_query") @Nullable String rewriteQuery,
			@JsonProperty("token_usage") @Nullable TokenUsage tokenUsage,
			@JsonProperty("result_list") @Nullable List<KnowledgeChunk> resultList) {

		KnowledgeSearchResult toResult(@Nullable String requestId) {
			List<KnowledgeChunk> chunks = (this.resultList != null) ? this.resultList : List.of();
			return new KnowledgeSearchResult(this.collectionName, (this.count != null) ? this.count : chunks.size(),
					this.rewriteQuery, this.tokenUsage, chunks, requestId);
		}

	}

}
