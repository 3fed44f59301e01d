package dev.arkchat.test;

import java.util.ArrayList;
import java.util.List;

/** Splits text into pieces of a number of code points, so that no surrogate pair is cut in two. */
final class CodePoints {

	private CodePoints() {
	}

	/**
	 * Splits text.
	 * @param text the text
	 * @param size code points per piece, at least 1
	 * @return the pieces in order; empty for empty text
	 */
	static List<String> split(String text, int size) {
		List<String> pieces = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = text.offsetByCodePoints(start, Math.min(size, text.codePointCount(start, text.length())));
			pieces.add(text.substring(start, end));
			start = end;
		}
		return pieces;
	}

	/**
	 * Estimates tokens the way the fake reports usage: one token per four code points, rounded up.
	 * @param text the text
	 * @return the estimate
	 */
	static int tokens(String text) {
		return (text.codePointCount(0, text.length()) + 3) / 4;
	}

}
