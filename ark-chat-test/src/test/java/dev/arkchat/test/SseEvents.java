package dev.arkchat.test;

import java.util.ArrayList;
import java.util.List;

import dev.arkchat.http.ArkJson;
import tools.jackson.databind.JsonNode;

/** Splits a whole event-stream body into its JSON events, for assertions on the raw wire. */
final class SseEvents {

	private SseEvents() {
	}

	/**
	 * The JSON events of a body, without {@code [DONE]}.
	 * @param response the response
	 * @return the events in order
	 */
	static List<JsonNode> chunks(RawHttp.Response response) {
		List<JsonNode> events = new ArrayList<>();
		for (String data : data(response.body())) {
			if (!data.equals("[DONE]")) {
				events.add(ArkJson.mapper().readTree(data));
			}
		}
		return events;
	}

	/**
	 * The data of each event (events whose lines are all comments are skipped).
	 * @param body the body
	 * @return the data, in order
	 */
	static List<String> data(String body) {
		List<String> result = new ArrayList<>();
		for (String block : body.split("\n\n")) {
			StringBuilder data = null;
			for (String line : block.split("\n")) {
				if (line.startsWith("data: ")) {
					data = (data == null) ? new StringBuilder() : data.append('\n');
					data.append(line.substring(6));
				}
			}
			if (data != null) {
				result.add(data.toString());
			}
		}
		return result;
	}

}
