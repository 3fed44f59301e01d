package dev.arkchat.context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.arkchat.chat.ChatMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;

/**
 * The {@link ContextChatOperations} that applications inject: fills in the default endpoint, mode, time to live and
 * truncation strategy where requests leave them out, turns single messages into requests, and owns the
 * {@link ContextSessions} of its configuration. No HTTP here; {@link ContextClient} does the calls.
 */
public class ContextChatTemplate implements ContextChatOperations {

	private final ContextClient client;

	private final @Nullable String defaultEndpointId;

	private final @Nullable ContextMode defaultMode;

	private final @Nullable Long defaultTtl;

	private final @Nullable TruncationStrategy defaultTruncation;

	private final @Nullable Cache sessionCache;

	private final List<ChatMessage> sessionMessages;

	private volatile @Nullable ContextSessions sessions;

	/**
	 * Creates a template with a default endpoint and the server's defaults for the rest; its sessions keep
	 * conversations in memory and start them without initial messages.
	 * @param client the endpoint client
	 * @param defaultEndpointId the endpoint for requests naming none, or {@code null} to require one
	 */
	public ContextChatTemplate(ContextClient client, @Nullable String defaultEndpointId) {
		this(builder(client).endpointId(defaultEndpointId));
	}

	private ContextChatTemplate(Builder builder) {
		this.client = builder.client;
		this.defaultEndpointId = builder.endpointId;
		this.defaultMode = builder.mode;
		this.defaultTtl = builder.ttl;
		this.defaultTruncation = builder.truncation;
		this.sessionCache = builder.sessionCache;
		this.sessionMessages = List.copyOf(builder.sessionMessages);
	}

	/**
	 * A builder of a template with defaults.
	 * @param client the endpoint client
	 * @return the builder
	 */
	public static Builder builder(ContextClient client) {
		return new Builder(client);
	}

	/**
	 * The endpoint for requests naming none.
	 * @return the default endpoint id, or {@code null}
	 */
	public @Nullable String getDefaultEndpointId() {
		return this.defaultEndpointId;
	}

	/**
	 * The mode of contexts whose request names none.
	 * @return the default mode, or {@code null} for the server's ({@code session})
	 */
	public @Nullable ContextMode getDefaultMode() {
		return this.defaultMode;
	}

	/**
	 * The time to live of contexts whose request names none.
	 * @return the default in seconds, or {@code null} for the server's (86400)
	 */
	public @Nullable Long getDefaultTtl() {
		return this.defaultTtl;
	}

	/**
	 * The truncation strategy of session contexts whose request names none.
	 * @return the default, or {@code null} for the server's
	 */
	public @Nullable TruncationStrategy getDefaultTruncationStrategy() {
		return this.defaultTruncation;
	}

	@Override
	public ContextCreateResult createContext(ContextCreateRequest request) {
		ContextCreateRequest filled = request.withDefaults(this.defaultEndpointId, this.defaultMode, this.defaultTtl,
				this.defaultTruncation);
		if (filled.model() == null) {
			throw new IllegalArgumentException(noEndpoint());
		}
		return this.client.create(filled);
	}

	@Override
	public ContextCreateResult createContext(String systemPrompt) {
		return createContext(ContextCreateRequest.builder().system(systemPrompt).build());
	}

	@Override
	public ContextChatCompletion chat(String contextId, String userMessage) {
		return chat(ContextChatRequest.builder().contextId(contextId).user(userMessage).build());
	}

	@Override
	public ContextChatCompletion chat(ContextChatRequest request) {
		return this.client.chat(withEndpoint(request));
	}

	@Override
	public ContextChatStream stream(String contextId, String userMessage) {
		return stream(ContextChatRequest.builder().contextId(contextId).user(userMessage).build());
	}

	@Override
	public ContextChatStream stream(ContextChatRequest request) {
		return this.client.stream(withEndpoint(request));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Created on first use, so that applications that never use sessions do not need {@code spring-context} (the
	 * home of {@link Cache}) on their class path.
	 */
	@Override
	public ContextSessions sessions() {
		ContextSessions current = this.sessions;
		if (current == null) {
			synchronized (this) {
				current = this.sessions;
				if (current == null) {
					ContextSessions.Builder builder = ContextSessions.builder(this)
						.initialMessages(this.sessionMessages);
					if (this.sessionCache != null) {
						builder.cache(this.sessionCache);
					}
					current = builder.build();
					this.sessions = current;
				}
			}
		}
		return current;
	}

	private ContextChatRequest withEndpoint(ContextChatRequest request) {
		if (request.model() != null && !request.model().isBlank()) {
			return request;
		}
		if (this.defaultEndpointId == null) {
			throw new IllegalArgumentException(noEndpoint());
		}
		return request.withModel(this.defaultEndpointId);
	}

	private static String noEndpoint() {
		return "model (the endpoint id, ep-…) must be set: the request names no endpoint and no default endpoint is "
				+ "configured (set ark.chat.context.endpoint-id)";
	}

	@Override
	public String toString() {
		return "ContextChatTemplate{defaultEndpointId=" + this.defaultEndpointId + ", defaultMode=" + this.defaultMode
				+ ", defaultTtl=" + this.defaultTtl + ", defaultTruncationStrategy=" + this.defaultTruncation + "}";
	}

	/** Builds a {@link ContextChatTemplate} with defaults; each is checked by {@link #build()}. */
	public static final class Builder {

		private final ContextClient client;

		private @Nullable String endpointId;

		private @Nullable ContextMode mode;

		private @Nullable Long ttl;

		private @Nullable TruncationStrategy truncation;

		private @Nullable Cache sessionCache;

		private final List<ChatMessage> sessionMessages = new ArrayList<>();

		private Builder(ContextClient client) {
			this.client = Objects.requireNonNull(client, "client must not be null");
		}

		/**
		 * Sets the endpoint for requests naming none.
		 * @param endpointId the endpoint id ({@code ep-…}), or {@code null} to require one in every request
		 * @return this builder
		 */
		public Builder endpointId(@Nullable String endpointId) {
			this.endpointId = (endpointId != null && !endpointId.isBlank()) ? endpointId.trim() : null;
			return this;
		}

		/**
		 * Sets the mode of contexts whose request names none (sessions always use {@code session}).
		 * @param mode the mode
		 * @return this builder
		 */
		public Builder mode(@Nullable ContextMode mode) {
			this.mode = mode;
			return this;
		}

		/**
		 * Sets the time to live of contexts whose request names none; whole seconds in [3600, 604800].
		 * @param ttl the time to live
		 * @return this builder
		 */
		public Builder ttl(@Nullable Duration ttl) {
			this.ttl = (ttl != null) ? ttl.getSeconds() : null;
			return this;
		}

		/**
		 * Sets the truncation strategy of session contexts whose request names none.
		 * @param truncation the strategy
		 * @return this builder
		 */
		public Builder truncationStrategy(@Nullable TruncationStrategy truncation) {
			this.truncation = truncation;
			return this;
		}

		/**
		 * Sets where the sessions keep conversation-to-context ids; a shared cache (such as Redis) lets several
		 * instances continue the same conversations. Defaults to an in-memory map.
		 * @param cache the cache
		 * @return this builder
		 */
		public Builder sessionCache(@Nullable Cache cache) {
			this.sessionCache = cache;
			return this;
		}

		/**
		 * Sets the system prompt every session context starts with (and starts with again when renewed).
		 * @param systemPrompt the instructions
		 * @return this builder
		 */
		public Builder sessionSystemPrompt(String systemPrompt) {
			this.sessionMessages.clear();
			this.sessionMessages.add(ChatMessage.system(systemPrompt));
			return this;
		}

		/**
		 * Sets the messages every session context starts with (and starts with again when renewed).
		 * @param messages the initial messages, oldest first
		 * @return this builder
		 */
		public Builder sessionInitialMessages(List<ChatMessage> messages) {
			this.sessionMessages.clear();
			this.sessionMessages.addAll(messages);
			return this;
		}

		/**
		 * Builds the template.
		 * @return the template
		 * @throws IllegalArgumentException when a default breaks a documented rule, naming the property
		 */
		public ContextChatTemplate build() {
			try {
				ContextCreateRequest.validateSettings(this.mode, this.ttl, this.truncation);
				ContextMessages.validate(this.sessionMessages, false);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Invalid context defaults (ark.chat.context.*): " + ex.getMessage(),
						ex);
			}
			return new ContextChatTemplate(this);
		}

	}

}
