package dev.arkchat.bot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A source the bot's answer used: a web-search result ({@code url}, {@code site_name}, {@code title}, …) or a
 * knowledge-base chunk ({@code collection_name}, {@code doc_name}, {@code chunk_id}, …). Fields of the other kind are
 * {@code null}.
 * @param url the page
 * @param logoUrl the site's logo
 * @param mobileUrl the page for mobile
 * @param siteName the site
 * @param title the page title
 * @param summary a summary of the page
 * @param publishTime when the page was published, as the server formats it
 * @param coverImage the page's cover image
 * @param extra further data about the result
 * @param collectionName the knowledge collection
 * @param project the collection's project
 * @param docId the document id
 * @param docName the document name
 * @param docType the document type
 * @param docTitle the document title
 * @param chunkId the chunk id
 * @param chunkTitle the chunk's title
 * @param pageNums the pages of the chunk
 * @param originTextTokenLen the chunk's length in tokens
 * @param fileName the document's file name
 */
@JsonDeserialize(using = ReferenceDeserializer.class)
public record Reference(@Nullable String url, @Nullable String logoUrl, @Nullable String mobileUrl,
		@Nullable String siteName, @Nullable String title, @Nullable String summary, @Nullable String publishTime,
		@Nullable CoverImage coverImage, @Nullable JsonNode extra, @Nullable String collectionName,
		@Nullable String project, @Nullable String docId, @Nullable String docName, @Nullable String docType,
		@Nullable String docTitle, @Nullable String chunkId, @Nullable String chunkTitle, @Nullable JsonNode pageNums,
		@Nullable Integer originTextTokenLen, @Nullable String fileName) {

	/**
	 * A web-search result with the fields most answers carry, as a test or a fake server would build it.
	 * @param url the page
	 * @param title the page title
	 * @param siteName the site
	 * @return the reference
	 */
	public static Reference web(String url, String title, String siteName) {
		return new Reference(url, null, null, siteName, title, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null);
	}

	/**
	 * A knowledge-base chunk with the fields most answers carry, as a test or a fake server would build it.
	 * @param collectionName the collection
	 * @param docName the document name
	 * @param chunkId the chunk id
	 * @param chunkTitle the chunk's title
	 * @return the reference
	 */
	public static Reference knowledge(String collectionName, String docName, String chunkId, String chunkTitle) {
		return new Reference(null, null, null, null, null, null, null, null, null, collectionName, null, null, docName,
				null, null, chunkId, chunkTitle, null, null, null);
	}

	/**
	 * Whether this is a knowledge-base chunk rather than a web page.
	 * @return {@code true} for a knowledge-base reference
	 */
	@JsonIgnore
	public boolean isKnowledge() {
		return this.collectionName != null || this.docId != null || this.chunkId != null;
	}

	/**
	 * A cover image.
	 * @param url the image
	 * @param width its width in pixels
	 * @param height its height in pixels
	 */
	public record CoverImage(@Nullable String url, @Nullable Integer width, @Nullable Integer height) {
	}

}
