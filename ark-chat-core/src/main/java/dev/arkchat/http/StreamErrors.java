package dev.arkchat.http;

import java.nio.charset.StandardCharsets;

import dev.arkchat.ArkStreamException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Finds an {@code error} object inside an event of a 200 stream (Ark reports failures after the stream started this
 * way) and raises it. Events are scanned for the bytes {@code "error"} first, so a normal chunk is not parsed twice.
 */
public final class StreamErrors {

	private static final byte[] ERROR = "\"error\"".getBytes(StandardCharsets.US_ASCII);

	private StreamErrors() {
	}

	/**
	 * Throws when the event carries a non-empty {@code error} object.
	 * @param event the event
	 * @param requestId the exchange's request id, if known
	 * @throws ArkStreamException with the server's code and message
	 */
	public static void throwIfError(ServerSentEvent event, @Nullable String requestId) {
		if (!event.contains(ERROR)) {
			return;
		}
		JsonNode root = event.readData(ArkJson.mapper().readerFor(JsonNode.class));
		JsonNode error = root.path("error");
		if (!error.isObject() || error.isEmpty()) {
			return;
		}
		String code = text(error.get("code"));
		String message = text(error.get("message"));
		if (code == null && message == null) {
			return;
		}
		String id = (requestId != null) ? requestId : ArkErrorDecoder.requestIdFromMessage(message);
		if (id == null) {
			id = text(root.get("req_id"));
		}
		throw new ArkStreamException("Ark reported an error in the stream" + ((code != null) ? " " + code : "")
				+ ((message != null) ? ": " + message : ""), code, id, null, null);
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		String text = node.isValueNode() ? node.asString() : node.toString();
		return text.isEmpty() ? null : text;
	}

}
