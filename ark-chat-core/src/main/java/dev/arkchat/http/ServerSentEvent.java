package dev.arkchat.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

/**
 * One server-sent event as dispatched by {@link ServerSentEventReader}: its type, id, retry and the joined
 * {@code data}. The data is kept as UTF-8 bytes and handed to Jackson without an intermediate {@code String}.
 */
public final class ServerSentEvent {

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	private final @Nullable String type;

	private final @Nullable String id;

	private final @Nullable Long retry;

	private final byte[] data;

	private final int length;

	/**
	 * Creates an event.
	 * @param type the {@code event} field, or {@code null} for the default {@code message} type
	 * @param id the last event id, or {@code null}
	 * @param retry the {@code retry} field in milliseconds, or {@code null}
	 * @param data the joined data lines as UTF-8 (the array is owned by the event from now on)
	 * @param length how many bytes of {@code data} are the event's
	 */
	public ServerSentEvent(@Nullable String type, @Nullable String id, @Nullable Long retry, byte[] data, int length) {
		this.type = type;
		this.id = id;
		this.retry = retry;
		this.data = data;
		this.length = length;
	}

	/**
	 * Creates an event with only data, as a test or a fake server would.
	 * @param data the data
	 * @return the event
	 */
	public static ServerSentEvent ofData(String data) {
		byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
		return new ServerSentEvent(null, null, null, bytes, bytes.length);
	}

	/**
	 * The event type ({@code event:} field).
	 * @return the type, or {@code null} when the event had none (the {@code message} type)
	 */
	public @Nullable String type() {
		return this.type;
	}

	/**
	 * The last event id in force when this event was dispatched.
	 * @return the id, or {@code null}
	 */
	public @Nullable String id() {
		return this.id;
	}

	/**
	 * The reconnection time the server asked for, in milliseconds.
	 * @return the retry value, or {@code null}
	 */
	public @Nullable Long retry() {
		return this.retry;
	}

	/**
	 * The data, decoded from UTF-8.
	 * @return the data lines joined with {@code \n}
	 */
	public String data() {
		return new String(this.data, 0, this.length, StandardCharsets.UTF_8);
	}

	/**
	 * Whether the data is exactly {@code [DONE]}, the terminator of Ark's OpenAI-style streams.
	 * @return {@code true} for the terminator
	 */
	public boolean isDone() {
		return this.length == DONE.length && Arrays.equals(this.data, 0, this.length, DONE, 0, DONE.length);
	}

	/**
	 * Whether the data is empty or only white space.
	 * @return {@code true} when there is nothing to decode
	 */
	public boolean isBlank() {
		for (int i = 0; i < this.length; i++) {
			byte b = this.data[i];
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the data contains a byte sequence, such as a field name. Called on every event, so it compares eight
	 * bytes at a time.
	 * @param needle the bytes to look for
	 * @return {@code true} when found
	 */
	public boolean contains(byte[] needle) {
		return ByteScan.contains(this.data, this.length, needle);
	}

	/**
	 * Decodes the data as JSON straight from its bytes.
	 * @param reader a reader for the target type (reuse one per type)
	 * @param <T> the target type
	 * @return the decoded value
	 */
	public <T> T readData(ObjectReader reader) {
		return reader.readValue(this.data, 0, this.length);
	}

	@Override
	public String toString() {
		return "ServerSentEvent{type=" + this.type + ", id=" + this.id + ", data=" + data() + "}";
	}

}
