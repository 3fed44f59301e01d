package dev.arkchat.knowledge;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arkchat.http.ArkJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * The document a retrieved chunk comes from ({@code doc_info}). Its {@code doc_meta} travels as a JSON <em>string</em>
 * holding an array of fields; it is decoded into {@link #docMeta()} (and kept as sent in {@link #docMetaJson()}).
 * Immutable.
 */
public final class DocInfo {

	private static final JavaType META_TYPE = ArkJson.mapper()
		.getTypeFactory()
		.constructCollectionType(List.class, DocMetaField.class);

	private final @Nullable String docId;

	private final @Nullable String docName;

	private final @Nullable Long createTime;

	private final @Nullable String docType;

	private final @Nullable String docMetaJson;

	private final List<DocMetaField> docMeta;

	private final @Nullable String source;

	private final @Nullable String title;

	private final @Nullable String url;

	/**
	 * Creates a document description.
	 * @param docId the document id
	 * @param docName the file name, such as {@code 2404.08817v2.pdf}
	 * @param createTime when the document was added, unix seconds
	 * @param docType the type, such as {@code pdf}
	 * @param docMetaJson the meta fields as the JSON string of the wire, or {@code null}
	 * @param source where the document came from, such as {@code tos_fe}
	 * @param title the document's title
	 * @param url the document's URL, for documents imported from the web
	 */
	public DocInfo(@Nullable String docId, @Nullable String docName, @Nullable Long createTime,
			@Nullable String docType, @Nullable String docMetaJson, @Nullable String source, @Nullable String title,
			@Nullable String url) {
		this.docId = docId;
		this.docName = docName;
		this.createTime = createTime;
		this.docType = docType;
		this.docMetaJson = docMetaJson;
		this.docMeta = decode(docMetaJson);
		this.source = source;
		this.title = title;
		this.url = url;
	}

	@JsonCreator
	static DocInfo fromJson(@JsonProperty("doc_id") @Nullable String docId,
			@JsonProperty("doc_name") @Nullable String docName, @JsonProperty("create_time") @Nullable Long createTime,
			@JsonProperty("doc_type") @Nullable String docType, @JsonProperty("doc_meta") @Nullable JsonNode docMeta,
			@JsonProperty("source") @Nullable String source, @JsonProperty("title") @Nullable String title,
			@JsonProperty("url") @Nullable String url) {
		String metaJson = null;
		if (docMeta != null && docMeta.isString()) {
			metaJson = docMeta.asString();
		}
		else if (docMeta != null && !docMeta.isNull() && !docMeta.isMissingNode()) {
			// tolerated: a server that sends the array itself rather than its JSON string
			metaJson = docMeta.toString();
		}
		return new DocInfo(docId, docName, createTime, docType, metaJson, source, title, url);
	}

	private static List<DocMetaField> decode(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		try {
			List<DocMetaField> fields = ArkJson.mapper().readValue(json, META_TYPE);
			return (fields != null) ? List.copyOf(fields) : List.of();
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// not the documented shape: the raw string stays available in docMetaJson()
			return List.of();
		}
	}

	/**
	 * The document id.
	 * @return the id, or {@code null}
	 */
	@JsonProperty("doc_id")
	public @Nullable String docId() {
		return this.docId;
	}

	/**
	 * The document's file name.
	 * @return the name, or {@code null}
	 */
	@JsonProperty("doc_name")
	public @Nullable String docName() {
		return this.docName;
	}

	/**
	 * When the document was added.
	 * @return unix seconds, or {@code null}
	 */
	@JsonProperty("create_time")
	public @Nullable Long createTime() {
		return this.createTime;
	}

	/**
	 * The document's type.
	 * @return the type, such as {@code pdf}, or {@code null}
	 */
	@JsonProperty("doc_type")
	public @Nullable String docType() {
		return this.docType;
	}

	/**
	 * The meta fields, as sent: a JSON string.
	 * @return the JSON, or {@code null}
	 */
	@JsonProperty("doc_meta")
	public @Nullable String docMetaJson() {
		return this.docMetaJson;
	}

	/**
	 * The meta fields, decoded.
	 * @return the fields; empty when there were none or they were not the documented array
	 */
	@JsonIgnore
	public List<DocMetaField> docMeta() {
		return this.docMeta;
	}

	/**
	 * The value of one meta field.
	 * @param fieldName the field's name, such as {@code doc_id}
	 * @return the value, or {@code null} when the document has no such field
	 */
	public @Nullable Object docMeta(String fieldName) {
		for (DocMetaField field : this.docMeta) {
			if (fieldName.equals(field.fieldName())) {
				return field.fieldValue();
			}
		}
		return null;
	}

	/**
	 * Where the document came from.
	 * @return the source, such as {@code tos_fe}, or {@code null}
	 */
	@JsonProperty("source")
	public @Nullable String source() {
		return this.source;
	}

	/**
	 * The document's title.
	 * @return the title, or {@code null}
	 */
	@JsonProperty("title")
	public @Nullable String title() {
		return this.title;
	}

	/**
	 * The document's URL.
	 * @return the URL, or {@code null}
	 */
	@JsonProperty("url")
	public @Nullable String url() {
		return this.url;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof DocInfo that && Objects.equals(this.docId, that.docId)
				&& Objects.equals(this.docName, that.docName) && Objects.equals(this.createTime, that.createTime)
				&& Objects.equals(this.docType, that.docType) && Objects.equals(this.docMetaJson, that.docMetaJson)
				&& Objects.equals(this.source, that.source) && Objects.equals(this.title, that.title)
				&& Objects.equals(this.url, that.url));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.docId, this.docName, this.title);
	}

	@Override
	public String toString() {
		return "DocInfo{docId=" + this.docId + ", docName=" + this.docName + ", title=" + this.title + "}";
	}

	/**
	 * One meta field of a document.
	 * @param fieldName the name, such as {@code doc_id}
	 * @param fieldType the type, such as {@code string}
	 * @param fieldValue the value as JSON gives it (a string, number, boolean, list or map)
	 */
	public record DocMetaField(@JsonProperty("field_name") @Nullable String fieldName,
			@JsonProperty("field_type") @Nullable String fieldType,
			@JsonProperty("field_value") @Nullable Object fieldValue) {
	}

}
