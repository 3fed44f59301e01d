package dev.arkchat.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The model that reranks retrieved chunks ({@code post_processing.rerank_model}). The documented models are constants;
 * {@link #of(String)} names any other, so that a model released later needs no new version of this library.
 * @param value the model's name on the wire
 */
public record RerankModel(@JsonValue String value) {

	/** The default: fast, long texts, more than 70 languages. */
	public static final RerankModel BASE_MULTILINGUAL_RERANK = new RerankModel("base-multilingual-rerank");

	/** Doubao's reranker. */
	public static final RerankModel DOUBAO_SEED_RERANK = new RerankModel("doubao-seed-rerank");

	/** The m3-v2 reranker. */
	public static final RerankModel M3_V2_RERANK = new RerankModel("m3-v2-rerank");

	/**
	 * Creates a rerank model name.
	 * @param value the name
	 * @throws IllegalArgumentException when the name is blank
	 */
	public RerankModel {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("rerank_model must not be blank");
		}
		value = value.trim();
	}

	/**
	 * A rerank model by name.
	 * @param value the name, such as {@code doubao-seed-rerank}
	 * @return the model
	 */
	@JsonCreator
	public static RerankModel of(String value) {
		return new RerankModel(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
