package dev.arkchat.bot;

import dev.arkchat.http.WireDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link Reference} without Jackson's generic record path, which looks up an absent value for each of the
 * twenty components a reference does not carry (a web result carries seven, a knowledge chunk about as many).
 */
final class ReferenceDeserializer extends WireDeserializer<Reference> {

	private @Nullable ValueDeserializer<Object> nodes;

	private @Nullable ValueDeserializer<Object> coverImages;

	ReferenceDeserializer() {
		super(Reference.class);
	}

	@Override
	public void resolve(DeserializationContext ctxt) {
		this.nodes = find(ctxt, ctxt.constructType(JsonNode.class));
		this.coverImages = find(ctxt, ctxt.constructType(Reference.CoverImage.class));
	}

	@Override
	protected Reference readProperties(JsonParser p, DeserializationContext ctxt) {
		String url = null;
		String logoUrl = null;
		String mobileUrl = null;
		String siteName = null;
		String title = null;
		String summary = null;
		String publishTime = null;
		Reference.CoverImage coverImage = null;
		JsonNode extra = null;
		String collectionName = null;
		String project = null;
		String docId = null;
		String docName = null;
		String docType = null;
		String docTitle = null;
		String chunkId = null;
		String chunkTitle = null;
		JsonNode pageNums = null;
		Integer originTextTokenLen = null;
		String fileName = null;
		for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "url" -> url = string(p, ctxt);
				case "logo_url", "logoUrl" -> logoUrl = string(p, ctxt);
				case "mobile_url", "mobileUrl" -> mobileUrl = string(p, ctxt);
				case "site_name", "siteName" -> siteName = string(p, ctxt);
				case "title" -> title = string(p, ctxt);
				case "summary" -> summary = string(p, ctxt);
				case "publish_time", "publishTime" -> publishTime = string(p, ctxt);
				case "cover_image", "coverImage" -> coverImage = value(p, ctxt, resolved(this.coverImages));
				case "extra" -> extra = value(p, ctxt, resolved(this.nodes));
				case "collection_name", "collectionName" -> collectionName = string(p, ctxt);
				case "project" -> project = string(p, ctxt);
				case "doc_id", "docId" -> docId = string(p, ctxt);
				case "doc_name", "docName" -> docName = string(p, ctxt);
				case "doc_type", "docType" -> docType = string(p, ctxt);
				case "doc_title", "docTitle" -> docTitle = string(p, ctxt);
				case "chunk_id", "chunkId" -> chunkId = string(p, ctxt);
				case "chunk_title", "chunkTitle" -> chunkTitle = string(p, ctxt);
				case "page_nums", "pageNums" -> pageNums = value(p, ctxt, resolved(this.nodes));
				case "origin_text_token_len", "originTextTokenLen" -> originTextTokenLen = integer(p, ctxt);
				case "file_name", "fileName" -> fileName = string(p, ctxt);
				default -> unknown(p, ctxt, name);
			}
		}
		return new Reference(url, logoUrl, mobileUrl, siteName, title, summary, publishTime, coverImage, extra,
				collectionName, project, docId, docName, docType, docTitle, chunkId, chunkTitle, pageNums,
				originTextTokenLen, fileName);
	}

}
