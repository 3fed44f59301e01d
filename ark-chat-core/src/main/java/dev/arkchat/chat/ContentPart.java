package dev.arkchat.chat;

import org.jspecify.annotations.Nullable;

/**
 * One part of a multimodal user message: text, an image, a video or audio.
 * @param type {@code text}, {@code image_url}, {@code video_url} or {@code input_audio}
 * @param text the text of a {@code text} part
 * @param imageUrl the image of an {@code image_url} part
 * @param videoUrl the video of a {@code video_url} part
 * @param inputAudio the audio of an {@code input_audio} part
 */
public record ContentPart(String type, @Nullable String text, @Nullable ImageUrl imageUrl,
		@Nullable VideoUrl videoUrl, @Nullable InputAudio inputAudio) {

	/**
	 * A text part.
	 * @param text the text
	 * @return the part
	 */
	public static ContentPart text(String text) {
		return new ContentPart("text", text, null, null, null);
	}

	/**
	 * An image part.
	 * @param url an {@code https} URL or a {@code data:} URL with base64 content
	 * @return the part
	 */
	public static ContentPart imageUrl(String url) {
		return new ContentPart("image_url", null, new ImageUrl(url, null), null, null);
	}

	/**
	 * An image part with a detail level.
	 * @param url an {@code https} URL or a {@code data:} URL
	 * @param detail {@code low}, {@code high} or {@code auto}
	 * @return the part
	 */
	public static ContentPart imageUrl(String url, String detail) {
		return new ContentPart("image_url", null, new ImageUrl(url, detail), null, null);
	}

	/**
	 * A video part.
	 * @param url the video URL
	 * @return the part
	 */
	public static ContentPart videoUrl(String url) {
		return new ContentPart("video_url", null, null, new VideoUrl(url, null), null);
	}

	/**
	 * An image reference.
	 * @param url the URL
	 * @param detail the detail level, if any
	 */
	public record ImageUrl(String url, @Nullable String detail) {
	}

	/**
	 * A video reference.
	 * @param url the URL
	 * @param fps frames per second to sample, if set
	 */
	public record VideoUrl(String url, @Nullable Double fps) {
	}

	/**
	 * Inline audio.
	 * @param data base64 audio
	 * @param format the format, such as {@code wav}
	 */
	public record InputAudio(String data, String format) {
	}

}
