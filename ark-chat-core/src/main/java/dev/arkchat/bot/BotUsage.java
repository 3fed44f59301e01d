package dev.arkchat.bot;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What a bot call consumed: tokens per model endpoint, and plugin use.
 * @param modelUsage tokens per model endpoint the bot called
 * @param actionUsage plugin calls
 * @param actionDetails plugin calls with each tool's input and output
 */
@JsonDeserialize(using = BotUsageDeserializers.Usage.class)
public record BotUsage(@Nullable List<ModelUsage> modelUsage, @Nullable List<ActionUsage> actionUsage,
		@Nullable List<ActionDetail> actionDetails) {

	/**
	 * Input tokens over every model the bot called.
	 * @return the sum
	 */
	public int promptTokens() {
		return (this.modelUsage != null) ? this.modelUsage.stream().mapToInt(ModelUsage::promptTokens).sum() : 0;
	}

	/**
	 * Output tokens over every model the bot called.
	 * @return the sum
	 */
	public int completionTokens() {
		return (this.modelUsage != null) ? this.modelUsage.stream().mapToInt(ModelUsage::completionTokens).sum() : 0;
	}

	/**
	 * All tokens over every model the bot called.
	 * @return the sum
	 */
	public int totalTokens() {
		return (this.modelUsage != null) ? this.modelUsage.stream().mapToInt(ModelUsage::totalTokens).sum() : 0;
	}

	/**
	 * Tokens of one model endpoint.
	 * @param name the endpoint or model, when the server names it
	 * @param promptTokens input tokens
	 * @param completionTokens output tokens
	 * @param totalTokens the sum
	 */
	@JsonDeserialize(using = BotUsageDeserializers.Model.class)
	public record ModelUsage(@Nullable String name, int promptTokens, int completionTokens, int totalTokens) {
	}

	/**
	 * Use of one plugin. Newer answers carry {@code action_name} and {@code count}; older ones {@code name},
	 * {@code search_count} and token counts (sometimes as strings, accepted here as numbers).
	 * @param actionName the plugin
	 * @param count how many times it ran
	 * @param name the plugin, older form
	 * @param searchCount searches, older form
	 * @param promptTokens input tokens, older form
	 * @param completionTokens output tokens, older form
	 * @param totalTokens the sum, older form
	 */
	@JsonDeserialize(using = BotUsageDeserializers.Action.class)
	public record ActionUsage(@Nullable String actionName, @Nullable Integer count, @Nullable String name,
			@Nullable Integer searchCount, @Nullable Integer promptTokens, @Nullable Integer completionTokens,
			@Nullable Integer totalTokens) {
	}

	/**
	 * One plugin's calls with their tools.
	 * @param name the plugin
	 * @param count how many times it ran
	 * @param toolDetails each tool call
	 */
	@JsonDeserialize(using = BotUsageDeserializers.Detail.class)
	public record ActionDetail(@Nullable String name, @Nullable Integer count, @Nullable List<ToolDetail> toolDetails) {
	}

	/**
	 * One tool call of a plugin, with what went in and came out.
	 * @param name the tool
	 * @param input its input, as JSON
	 * @param output its output, as JSON
	 * @param createdAt when it started (epoch milliseconds)
	 * @param completedAt when it ended (epoch milliseconds)
	 */
	@JsonDeserialize(using = BotUsageDeserializers.Tool.class)
	public record ToolDetail(@Nullable String name, @Nullable JsonNode input, @Nullable JsonNode output,
			@Nullable Long createdAt, @Nullable Long completedAt) {
	}

}
