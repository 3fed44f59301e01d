package dev.arkchat.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatRole;
import dev.arkchat.chat.ContentPart;
import dev.arkchat.chat.Thinking;
import org.jspecify.annotations.Nullable;

/**
 * The {@link KnowledgeOperations} that applications inject: adds the configured collection, search defaults and model
 * to requests that leave them out, and chains search, prompt and chat in {@code ask}. No HTTP here;
 * {@link KnowledgeClient} does the calls. Build one with {@link #builder(KnowledgeClient)}. Thread-safe.
 * <p>
 * {@code ask(question, history)} searches the collection with the question (and, with {@link Builder#rewrite(boolean)
 * rewrite} on, the history, so that the server rewrites a follow-up question into a whole one), gives the chunks found
 * to the {@link KnowledgePromptTemplate}, and sends its messages to the model with {@code return_token_usage} on. For
 * a model that understands images (see {@link Builder#vision(Boolean)}), the search asks for attachment links so that
 * image chunks can be shown to it.
 */
public class KnowledgeTemplate implements KnowledgeOperations {

	private final KnowledgeClient client;

	private final @Nullable String collectionName;

	private final @Nullable String project;

	private final @Nullable String resourceId;

	private final @Nullable Integer limit;

	private final @Nullable Boolean rerank;

	private final @Nullable RerankModel rerankModel;

	private final @Nullable Integer retrieveCount;

	private final @Nullable Double denseWeight;

	private final boolean rewrite;

	private final @Nullable String model;

	private final @Nullable String modelVersion;

	private final @Nullable Thinking thinking;

	private final @Nullable String apiKey;

	private final @Nullable Integer maxTokens;

	private final @Nullable Double temperature;

	private final KnowledgePromptTemplate promptTemplate;

	private final boolean vision;

	private KnowledgeTemplate(Builder builder) {
		this.client = builder.client;
		this.collectionName = trimmed(builder.collectionName);
		this.project = trimmed(builder.project);
		this.resourceId = trimmed(builder.resourceId);
		this.limit = builder.limit;
		this.rerank = builder.rerank;
		this.rerankModel = builder.rerankModel;
		this.retrieveCount = builder.retrieveCount;
		this.denseWeight = builder.denseWeight;
		this.rewrite = builder.rewrite;
		this.model = trimmed(builder.model);
		this.modelVersion = trimmed(builder.modelVersion);
		this.thinking = builder.thinking;
		this.apiKey = trimmed(builder.apiKey);
		this.maxTokens = builder.maxTokens;
		this.temperature = builder.temperature;
		this.promptTemplate = builder.promptTemplate;
		this.vision = (builder.vision != null) ? builder.vision : isVisionModel(this.model, this.modelVersion);
	}

	/**
	 * A template that needs every collection and model named in its requests.
	 * @param client the endpoint client
	 */
	public KnowledgeTemplate(KnowledgeClient client) {
		this(builder(client));
	}

	/**
	 * A builder of a template with defaults.
	 * @param client the endpoint client
	 * @return the builder
	 */
	public static Builder builder(KnowledgeClient client) {
		return new Builder(client);
	}

	/**
	 * Whether a model understands images, judged by its name: {@code vision} models, the {@code Doubao-Seed} models,
	 * and versions {@code m-…} of multimodal thinking models. A private endpoint ({@code ep-…}) cannot be judged: set
	 * {@link Builder#vision(Boolean)}.
	 * @param model the model, or {@code null} for the server's default (a text model)
	 * @param modelVersion its version, or {@code null}
	 * @return {@code true} when image parts should be sent to it
	 */
	public static boolean isVisionModel(@Nullable String model, @Nullable String modelVersion) {
		if (model == null) {
			return false;
		}
		String name = model.toLowerCase(Locale.ROOT);
		return name.contains("vision") || name.startsWith("doubao-seed")
				|| (modelVersion != null && modelVersion.toLowerCase(Locale.ROOT).startsWith("m-"));
	}

	/**
	 * Whether image attachments are shown to the model.
	 * @return {@code true} for a vision model
	 */
	public boolean isVision() {
		return this.vision;
	}

	/**
	 * The prompt template of {@code ask}.
	 * @return the template
	 */
	public KnowledgePromptTemplate getPromptTemplate() {
		return this.promptTemplate;
	}

	@Override
	public KnowledgeSearchResult search(String query) {
		return search(KnowledgeSearchRequest.builder().query(query).build());
	}

	@Override
	public KnowledgeSearchResult search(KnowledgeSearchRequest request) {
		return this.client.search(withSearchDefaults(request));
	}

	@Override
	public KnowledgeChatCompletion chat(List<ChatMessage> messages) {
		return chat(KnowledgeChatRequest.builder().messages(messages).build());
	}

	@Override
	public KnowledgeChatCompletion chat(KnowledgeChatRequest request) {
		return this.client.chat(withChatDefaults(request));
	}

	@Override
	public KnowledgeChatStream stream(KnowledgeChatRequest request) {
		return this.client.stream(withChatDefaults(request));
	}

	@Override
	public KnowledgeAnswer ask(String question) {
		return ask(question, List.of());
	}

	@Override
	public KnowledgeAnswer ask(String question, List<ChatMessage> history) {
		return ask(KnowledgeSearchRequest.builder().query(question).build(), history);
	}

	@Override
	public KnowledgeAnswer ask(KnowledgeSearchRequest search, List<ChatMessage> history) {
		Prepared prepared = prepare(search, history);
		return KnowledgeAnswer.of(this.client.chat(prepared.chat()), prepared.citations());
	}

	@Override
	public KnowledgeAnswerStream askStream(String question) {
		return askStream(question, List.of());
	}

	@Override
	public KnowledgeAnswerStream askStream(String question, List<ChatMessage> history) {
		return askStream(KnowledgeSearchRequest.builder().query(question).build(), history);
	}

	@Override
	public KnowledgeAnswerStream askStream(KnowledgeSearchRequest search, List<ChatMessage> history) {
		Prepared prepared = prepare(search, history);
		return new KnowledgeAnswerStream(this.client.openStream(prepared.chat()), prepared.citations());
	}

	/** Searches and builds the chat request from what was found. */
	private Prepared prepare(KnowledgeSearchRequest search, List<ChatMessage> history) {
		String question = search.query();
		if (question == null || question.isBlank()) {
			throw new IllegalArgumentException("query (the question) must not be blank");
		}
		KnowledgeSearchResult found = search(forAsk(search, question, history));
		List<ChatMessage> messages = this.promptTemplate
			.messages(new KnowledgePromptInput(question, history, found.chunks(), this.vision));
		KnowledgeChatRequest chat = withChatDefaults(
				KnowledgeChatRequest.builder().messages(messages).returnTokenUsage(true).build());
		return new Prepared(chat, found.chunks());
	}

	private KnowledgeSearchRequest forAsk(KnowledgeSearchRequest search, String question, List<ChatMessage> history) {
		KnowledgeSearchRequest.Builder builder = search.toBuilder();
		KnowledgeSearchRequest.PostProcessing post = search.postProcessing();
		if (this.vision && (post == null || post.getAttachmentLink() == null)) {
			builder.getAttachmentLink(true);
		}
		KnowledgeSearchRequest.PreProcessing pre = search.preProcessing();
		if (this.rewrite && !history.isEmpty() && (pre == null || pre.messages() == null)) {
			List<ChatMessage> turns = new ArrayList<>(history.size() + 1);
			for (ChatMessage message : history) {
				String text = text(message);
				if (text != null && message.role() != ChatRole.SYSTEM) {
					turns.add((message.role() == ChatRole.ASSISTANT) ? ChatMessage.assistant(text)
							: ChatMessage.user(text));
				}
			}
			turns.add(ChatMessage.user(question));
			builder.rewrite(true).messages(turns);
		}
		return builder.build();
	}

	private static @Nullable String text(ChatMessage message) {
		if (message.content() != null) {
			return message.content();
		}
		if (message.contentParts() == null) {
			return null;
		}
		StringBuilder sb = new StringBuilder();
		for (ContentPart part : message.contentParts()) {
			if (part.text() != null) {
				sb.append(part.text());
			}
		}
		return (sb.length() > 0) ? sb.toString() : null;
	}

	private KnowledgeSearchRequest withSearchDefaults(KnowledgeSearchRequest request) {
		KnowledgeSearchRequest.Builder builder = request.toBuilder();
		if (!request.hasCollection()) {
			if (this.collectionName != null) {
				builder.collection(this.collectionName, this.project);
			}
			else if (this.resourceId != null) {
				builder.resourceId(this.resourceId);
			}
			else {
				throw new IllegalStateException("No knowledge collection to search: the request names none and no "
						+ "default is configured. Set ark.chat.knowledge.collection-name (or "
						+ "ark.chat.knowledge.resource-id), or name the collection in a KnowledgeSearchRequest.");
			}
		}
		if (request.limit() == null && this.limit != null) {
			builder.limit(this.limit);
		}
		if (request.denseWeight() == null && this.denseWeight != null) {
			builder.denseWeight(this.denseWeight);
		}
		KnowledgeSearchRequest.PostProcessing post = request.postProcessing();
		if ((post == null || post.rerankSwitch() == null) && this.rerank != null) {
			builder.rerank(this.rerank);
		}
		if ((post == null || post.rerankModel() == null) && this.rerankModel != null) {
			builder.rerankModel(this.rerankModel);
		}
		if ((post == null || post.retrieveCount() == null) && this.retrieveCount != null) {
			builder.retrieveCount(this.retrieveCount);
		}
		return builder.build();
	}

	private KnowledgeChatRequest withChatDefaults(KnowledgeChatRequest request) {
		KnowledgeChatRequest.Builder builder = request.toBuilder();
		if (request.model() == null && this.model != null) {
			// model, version and key belong together: a request naming its own model gets none of them
			builder.model(this.model);
			if (request.modelVersion() == null) {
				builder.modelVersion(this.modelVersion);
			}
			if (request.apiKey() == null) {
				builder.apiKey(this.apiKey);
			}
		}
		if (request.thinking() == null && this.thinking != null) {
			builder.thinking(this.thinking);
		}
		if (request.maxTokens() == null && this.maxTokens != null) {
			builder.maxTokens(this.maxTokens);
		}
		if (request.temperature() == null && this.temperature != null) {
			builder.temperature(this.temperature);
		}
		return builder.build();
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	@Override
	public String toString() {
		return "KnowledgeTemplate{collection=" + ((this.collectionName != null) ? this.collectionName
				: (this.resourceId != null) ? "resource " + this.resourceId : "none") + ", model=" + this.model
				+ ", apiKey=" + ((this.apiKey != null) ? "******" : "none") + "}";
	}

	/** A chat request built from a search, with the chunks it shows the model. */
	private record Prepared(KnowledgeChatRequest chat, List<KnowledgeChunk> citations) {
	}

	/** Builds a {@link KnowledgeTemplate}. */
	public static final class Builder {

		private final KnowledgeClient client;

		private @Nullable String collectionName;

		private @Nullable String project;

		private @Nullable String resourceId;

		private @Nullable Integer limit;

		private @Nullable Boolean rerank;

		private @Nullable RerankModel rerankModel;

		private @Nullable Integer retrieveCount;

		private @Nullable Double denseWeight;

		private boolean rewrite;

		private @Nullable String model;

		private @Nullable String modelVersion;

		private @Nullable Thinking thinking;

		private @Nullable String apiKey;

		private @Nullable Integer maxTokens;

		private @Nullable Double temperature;

		private KnowledgePromptTemplate promptTemplate = new DefaultKnowledgePromptTemplate();

		private @Nullable Boolean vision;

		private Builder(KnowledgeClient client) {
			this.client = Objects.requireNonNull(client, "client must not be null");
		}

		/**
		 * Sets the default collection, by name, in the project {@code default}.
		 * @param name the collection's name
		 * @return this builder
		 */
		public Builder collection(@Nullable String name) {
			return collection(name, null);
		}

		/**
		 * Sets the default collection, by name and project.
		 * @param name the collection's name
		 * @param project the project, or {@code null} for the server's {@code default}
		 * @return this builder
		 */
		public Builder collection(@Nullable String name, @Nullable String project) {
			this.collectionName = name;
			this.project = project;
			return this;
		}

		/**
		 * Sets the default collection by resource id, instead of name and project.
		 * @param resourceId the resource id
		 * @return this builder
		 */
		public Builder resourceId(@Nullable String resourceId) {
			this.resourceId = resourceId;
			return this;
		}

		/**
		 * Sets how many chunks a search returns, in [1, 1000], unless a request says otherwise.
		 * @param limit the limit, or {@code null} for the server's 10
		 * @return this builder
		 */
		public Builder limit(@Nullable Integer limit) {
			this.limit = limit;
			return this;
		}

		/**
		 * Turns reranking of retrieved chunks on or off, unless a request says otherwise.
		 * @param rerank whether to rerank, or {@code null} for the server's default
		 * @return this builder
		 */
		public Builder rerank(@Nullable Boolean rerank) {
			this.rerank = rerank;
			return this;
		}

		/**
		 * Sets the rerank model, unless a request says otherwise.
		 * @param rerankModel the model, or {@code null} for the server's default
		 * @return this builder
		 */
		public Builder rerankModel(@Nullable RerankModel rerankModel) {
			this.rerankModel = rerankModel;
			return this;
		}

		/**
		 * Sets how many chunks are retrieved for the reranker (at least the limit), unless a request says otherwise.
		 * @param retrieveCount the count, or {@code null} for the server's 25
		 * @return this builder
		 */
		public Builder retrieveCount(@Nullable Integer retrieveCount) {
			this.retrieveCount = retrieveCount;
			return this;
		}

		/**
		 * Sets the weight of semantic retrieval in hybrid search, in [0.2, 1], unless a request says otherwise.
		 * @param denseWeight the weight, or {@code null} for the server's 0.5
		 * @return this builder
		 */
		public Builder denseWeight(@Nullable Double denseWeight) {
			this.denseWeight = denseWeight;
			return this;
		}

		/**
		 * Lets the server rewrite a follow-up question from the conversation before searching (costs tokens and
		 * time). Off by default.
		 * @param rewrite whether to
		 * @return this builder
		 */
		public Builder rewrite(boolean rewrite) {
			this.rewrite = rewrite;
			return this;
		}

		/**
		 * Sets the default model: a public model name such as {@code Doubao-1-5-pro-32k}, or a private endpoint
		 * {@code ep-…} (then also set {@link #apiKey(String)}).
		 * @param model the model, or {@code null} for the server's default
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets the version of the default model, such as {@code 250115}.
		 * @param modelVersion the version
		 * @return this builder
		 */
		public Builder modelVersion(@Nullable String modelVersion) {
			this.modelVersion = modelVersion;
			return this;
		}

		/**
		 * Sets whether a reasoning model thinks first, unless a request says otherwise.
		 * @param thinking the setting, or {@code null} for the model's default
		 * @return this builder
		 */
		public Builder thinking(@Nullable Thinking thinking) {
			this.thinking = thinking;
			return this;
		}

		/**
		 * Sets the API key of the default model when it is a private endpoint.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Sets the most tokens to generate, unless a request says otherwise.
		 * @param maxTokens the limit, at least 1, or {@code null} for the server's 4096
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Sets the sampling temperature, in [0, 1], unless a request says otherwise.
		 * @param temperature the temperature, or {@code null} for the server's 0.1
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Replaces the prompt template of {@code ask}.
		 * @param promptTemplate the template
		 * @return this builder
		 */
		public Builder promptTemplate(KnowledgePromptTemplate promptTemplate) {
			this.promptTemplate = Objects.requireNonNull(promptTemplate, "promptTemplate must not be null");
			return this;
		}

		/**
		 * Says whether the model understands images; by default judged from its name
		 * ({@link KnowledgeTemplate#isVisionModel(String, String)}).
		 * @param vision whether to show image attachments to the model, or {@code null} to judge by name
		 * @return this builder
		 */
		public Builder vision(@Nullable Boolean vision) {
			this.vision = vision;
			return this;
		}

		/**
		 * Builds the template, checking the defaults by the rules their requests are checked by.
		 * @return the template
		 * @throws IllegalArgumentException when a default breaks a documented rule, or both a collection name and a
		 * resource id are set
		 */
		public KnowledgeTemplate build() {
			if (trimmed(this.collectionName) != null && trimmed(this.resourceId) != null) {
				throw new IllegalArgumentException("collection name ('" + this.collectionName + "') and resource id ('"
						+ this.resourceId + "') both name the default collection: set only one of them");
			}
			KnowledgeTemplate template = new KnowledgeTemplate(this);
			// the defaults must make valid requests: check them now rather than at the first call
			template.withSearchDefaults(KnowledgeSearchRequest.builder()
				.collection((template.resourceId == null) ? "default" : null)
				.query("?")
				.build()).validate();
			template.withChatDefaults(KnowledgeChatRequest.builder().user("?").build()).validate();
			return template;
		}

	}

}
