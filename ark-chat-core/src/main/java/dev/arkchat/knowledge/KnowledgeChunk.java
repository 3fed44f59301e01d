package dev.arkchat.knowledge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One retrieved chunk of a knowledge search ({@code data.result_list[]}): its text, scores and positions, the
 * document it comes from, and, for FAQ chunks, the question it answers; image chunks carry attachments. These are
 * what {@link KnowledgeOperations#ask(String)} shows the model and returns as citations.
 * @param id the chunk's id
 * @param content the chunk's text (for an FAQ chunk: the answer)
 * @param mdContent the chunk's text as Markdown, when the collection keeps it
 * @param score the retrieval score
 * @param pointId the id of the chunk's vector point
 * @param chunkTitle the chunk's title (its heading in the document)
 * @param chunkId the chunk's number in its document
 * @param rerankScore the rerank score, when reranked
 * @param originalQuestion the question of an FAQ chunk
 * @param tableChunkFields the fields of a chunk from a structured (table) collection
 * @param chunkType the type, such as {@code text}, {@code faq}, {@code image} or {@code structured}
 * @param chunkAttachment attachments, such as images, with a link when {@code get_attachment_link} was asked for
 * @param docInfo the document the chunk comes from
 * @param recallPosition the position in retrieval order, from 1
 * @param rerankPosition the position after reranking, from 1
 */
public record KnowledgeChunk(@JsonProperty("id") @Nullable String id,
		@JsonProperty("content") @Nullable String content, @JsonProperty("md_content") @Nullable String mdContent,
		@JsonProperty("score") @Nullable Double score, @JsonProperty("point_id") @Nullable String pointId,
		@JsonProperty("chunk_title") @Nullable String chunkTitle, @JsonProperty("chunk_id") @Nullable Long chunkId,
		@JsonProperty("rerank_score") @Nullable Double rerankScore,
		@JsonProperty("original_question") @Nullable String originalQuestion,
		@JsonProperty("table_chunk_fields") @Nullable List<TableChunkField> tableChunkFields,
		@JsonProperty("chunk_type") @Nullable String chunkType,
		@JsonProperty("chunk_attachment") @Nullable List<ChunkAttachment> chunkAttachment,
		@JsonProperty("doc_info") @Nullable DocInfo docInfo,
		@JsonProperty("recall_position") @Nullable Integer recallPosition,
		@JsonProperty("rerank_position") @Nullable Integer rerankPosition) {

	/**
	 * Whether this is an FAQ chunk: a question and its answer ({@link #content()}).
	 * @return {@code true} when {@link #originalQuestion()} is set
	 */
	public boolean isFaq() {
		return this.originalQuestion != null && !this.originalQuestion.isBlank();
	}

	/**
	 * The link of the chunk's first attachment (its image), when the search asked for links.
	 * @return the link, or {@code null}
	 */
	public @Nullable String attachmentLink() {
		if (this.chunkAttachment == null || this.chunkAttachment.isEmpty()) {
			return null;
		}
		String link = this.chunkAttachment.get(0).link();
		return (link == null || link.isBlank()) ? null : link;
	}

	/**
	 * The document's name, when known.
	 * @return {@code doc_info.doc_name}, or {@code null}
	 */
	public @Nullable String docName() {
		return (this.docInfo != null) ? this.docInfo.docName() : null;
	}

	/**
	 * One field of a structured (table) chunk.
	 * @param fieldName the column's name
	 * @param fieldValue the value as JSON gives it
	 */
	public record TableChunkField(@JsonProperty("field_name") @Nullable String fieldName,
			@JsonProperty("field_value") @Nullable Object fieldValue) {
	}

	/**
	 * An attachment of a chunk, such as an image found in the document.
	 * @param uuid the attachment's id
	 * @param caption its caption
	 * @param type its type, such as {@code image}
	 * @param link a temporary download link, when asked for
	 */
	public record ChunkAttachment(@JsonProperty("uuid") @Nullable String uuid,
			@JsonProperty("caption") @Nullable String caption, @JsonProperty("type") @Nullable String type,
			@JsonProperty("link") @Nullable String link) {
	}

}
