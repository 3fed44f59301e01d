package dev.arkchat.bot;

import dev.arkchat.chat.ChatMessage;
import dev.arkchat.chat.ChatOptions;
import dev.arkchat.chat.ChatRole;
import org.jspecify.annotations.Nullable;

/**
 * The defaults a {@link BotChatTemplate} adds to the requests it sends: options the request leaves unset, and a system
 * prompt placed first when the request has no system message. A value the request sets always wins.
 */
final class BotChatDefaults {

	static final BotChatDefaults NONE = new BotChatDefaults(ChatOptions.DEFAULTS, null);

	private final ChatOptions options;

	private final @Nullable String systemPrompt;

	BotChatDefaults(ChatOptions options, @Nullable String systemPrompt) {
		this.options = options;
		this.systemPrompt = (systemPrompt != null && !systemPrompt.isBlank()) ? systemPrompt : null;
	}

	ChatOptions options() {
		return this.options;
	}

	@Nullable String systemPrompt() {
		return this.systemPrompt;
	}

	/**
	 * The request with these defaults added.
	 * @param request the caller's request
	 * @return the same request when there is nothing to add, otherwise a copy with the defaults
	 */
	BotChatRequest applyTo(BotChatRequest request) {
		boolean addSystem = this.systemPrompt != null && !hasSystemMessage(request);
		ChatOptions merged = merge(request.options(), this.options);
		if (!addSystem && merged.equals(request.options())) {
			return request;
		}
		BotChatRequest.Builder builder = BotChatRequest.builder().bot(request.model());
		if (addSystem) {
			builder.system(this.systemPrompt);
		}
		builder.messages(request.messages()).options(merged).metadata(request.metadata());
		request.extraBody().forEach(builder::extraBody);
		return builder.build();
	}

	private static boolean hasSystemMessage(BotChatRequest request) {
		for (ChatMessage message : request.messages()) {
			if (message.role() == ChatRole.SYSTEM) {
				return true;
			}
		}
		return false;
	}

	private static ChatOptions merge(ChatOptions request, ChatOptions defaults) {
		return new ChatOptions(first(request.maxTokens(), defaults.maxTokens()), first(request.stop(), defaults.stop()),
				first(request.frequencyPenalty(), defaults.frequencyPenalty()),
				first(request.presencePenalty(), defaults.presencePenalty()),
				first(request.temperature(), defaults.temperature()), first(request.topP(), defaults.topP()),
				first(request.logprobs(), defaults.logprobs()), first(request.topLogprobs(), defaults.topLogprobs()),
				first(request.logitBias(), defaults.logitBias()), first(request.tools(), defaults.tools()),
				first(request.thinking(), defaults.thinking()),
				first(request.streamOptions(), defaults.streamOptions()));
	}

	private static <T> @Nullable T first(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

	@Override
	public String toString() {
		return "options=" + this.options + ", systemPrompt=" + ((this.systemPrompt != null) ? "(set)" : "(none)");
	}

}
