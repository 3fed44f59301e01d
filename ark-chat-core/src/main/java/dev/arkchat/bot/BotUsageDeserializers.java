package dev.arkchat.bot;

import java.util.List;

import dev.arkchat.http.WireDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.type.TypeFactory;

/**
 * Read {@link BotUsage} and its parts, sent with every bot answer that used a plugin, without Jackson's generic record
 * path (a property buffer, a creator lookup per property and an absent-value lookup per missing one).
 */
final class BotUsageDeserializers {

	private BotUsageDeserializers() {
	}

	/** Reads a {@link BotUsage}. */
	static final class Usage extends WireDeserializer<BotUsage> {

		private @Nullable ValueDeserializer<Object> modelUsage;

		private @Nullable ValueDeserializer<Object> actionUsage;

		private @Nullable ValueDeserializer<Object> actionDetails;

		Usage() {
			super(BotUsage.class);
		}

		@Override
		public void resolve(DeserializationContext ctxt) {
			TypeFactory types = ctxt.getTypeFactory();
			this.modelUsage = find(ctxt, types.constructCollectionType(List.class, BotUsage.ModelUsage.class));
			this.actionUsage = find(ctxt, types.constructCollectionType(List.class, BotUsage.ActionUsage.class));
			this.actionDetails = find(ctxt, types.constructCollectionType(List.class, BotUsage.ActionDetail.class));
		}

		@Override
		protected BotUsage readProperties(JsonParser p, DeserializationContext ctxt) {
			List<BotUsage.ModelUsage> modelUsage = null;
			List<BotUsage.ActionUsage> actionUsage = null;
			List<BotUsage.ActionDetail> actionDetails = null;
			for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
				String name = p.currentName();
				p.nextToken();
				switch (name) {
					case "model_usage", "modelUsage" -> modelUsage = value(p, ctxt, resolved(this.modelUsage));
					case "action_usage", "actionUsage" -> actionUsage = value(p, ctxt, resolved(this.actionUsage));
					case "action_details", "actionDetails" ->
						actionDetails = value(p, ctxt, resolved(this.actionDetails));
					default -> unknown(p, ctxt, name);
				}
			}
			return new BotUsage(modelUsage, actionUsage, actionDetails);
		}

	}

	/** Reads a {@link BotUsage.ModelUsage}. */
	static final class Model extends WireDeserializer<BotUsage.ModelUsage> {

		Model() {
			super(BotUsage.ModelUsage.class);
		}

		@Override
		protected BotUsage.ModelUsage readProperties(JsonParser p, DeserializationContext ctxt) {
			String name = null;
			int promptTokens = 0;
			int completionTokens = 0;
			int totalTokens = 0;
			for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
				String property = p.currentName();
				p.nextToken();
				switch (property) {
					case "name" -> name = string(p, ctxt);
					case "prompt_tokens", "promptTokens" -> promptTokens = intValue(p, ctxt);
					case "completion_tokens", "completionTokens" -> completionTokens = intValue(p, ctxt);
					case "total_tokens", "totalTokens" -> totalTokens = intValue(p, ctxt);
					default -> unknown(p, ctxt, property);
				}
			}
			return new BotUsage.ModelUsage(name, promptTokens, completionTokens, totalTokens);
		}

	}

	/** Reads a {@link BotUsage.ActionUsage}. */
	static final class Action extends WireDeserializer<BotUsage.ActionUsage> {

		Action() {
			super(BotUsage.ActionUsage.class);
		}

		@Override
		protected BotUsage.ActionUsage readProperties(JsonParser p, DeserializationContext ctxt) {
			String actionName = null;
			Integer count = null;
			String name = null;
			Integer searchCount = null;
			Integer promptTokens = null;
			Integer completionTokens = null;
			Integer totalTokens = null;
			for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
				String property = p.currentName();
				p.nextToken();
				switch (property) {
					case "action_name", "actionName" -> actionName = string(p, ctxt);
					case "count" -> count = integer(p, ctxt);
					case "name" -> name = string(p, ctxt);
					case "search_count", "searchCount" -> searchCount = integer(p, ctxt);
					case "prompt_tokens", "promptTokens" -> promptTokens = integer(p, ctxt);
					case "completion_tokens", "completionTokens" -> completionTokens = integer(p, ctxt);
					case "total_tokens", "totalTokens" -> totalTokens = integer(p, ctxt);
					default -> unknown(p, ctxt, property);
				}
			}
			return new BotUsage.ActionUsage(actionName, count, name, searchCount, promptTokens, completionTokens,
					totalTokens);
		}

	}

	/** Reads a {@link BotUsage.ActionDetail}. */
	static final class Detail extends WireDeserializer<BotUsage.ActionDetail> {

		private @Nullable ValueDeserializer<Object> toolDetails;

		Detail() {
			super(BotUsage.ActionDetail.class);
		}

		@Override
		public void resolve(DeserializationContext ctxt) {
			this.toolDetails = find(ctxt,
					ctxt.getTypeFactory().constructCollectionType(List.class, BotUsage.ToolDetail.class));
		}

		@Override
		protected BotUsage.ActionDetail readProperties(JsonParser p, DeserializationContext ctxt) {
			String name = null;
			Integer count = null;
			List<BotUsage.ToolDetail> toolDetails = null;
			for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
				String property = p.currentName();
				p.nextToken();
				switch (property) {
					case "name" -> name = string(p, ctxt);
					case "count" -> count = integer(p, ctxt);
					case "tool_details", "toolDetails" -> toolDetails = value(p, ctxt, resolved(this.toolDetails));
					default -> unknown(p, ctxt, property);
				}
			}
			return new BotUsage.ActionDetail(name, count, toolDetails);
		}

	}

	/** Reads a {@link BotUsage.ToolDetail}: its input and output stay JSON trees. */
	static final class Tool extends WireDeserializer<BotUsage.ToolDetail> {

		private @Nullable ValueDeserializer<Object> nodes;

		Tool() {
			super(BotUsage.ToolDetail.class);
		}

		@Override
		public void resolve(DeserializationContext ctxt) {
			this.nodes = find(ctxt, ctxt.constructType(JsonNode.class));
		}

		@Override
		protected BotUsage.ToolDetail readProperties(JsonParser p, DeserializationContext ctxt) {
			String name = null;
			JsonNode input = null;
			JsonNode output = null;
			Long createdAt = null;
			Long completedAt = null;
			for (JsonToken token = p.currentToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
				String property = p.currentName();
				p.nextToken();
				switch (property) {
					case "name" -> name = string(p, ctxt);
					case "input" -> input = value(p, ctxt, resolved(this.nodes));
					case "output" -> output = value(p, ctxt, resolved(this.nodes));
					case "created_at", "createdAt" -> createdAt = longValue(p, ctxt);
					case "completed_at", "completedAt" -> completedAt = longValue(p, ctxt);
					default -> unknown(p, ctxt, property);
				}
			}
			return new BotUsage.ToolDetail(name, input, output, createdAt, completedAt);
		}

	}

}
