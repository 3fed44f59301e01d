package dev.arkchat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Reads the payloads of the public documentation in {@code fixtures/}, with their documented caveats undone. */
public final class Fixtures {

	private Fixtures() {
	}

	/** The fixture as it is. */
	public static String raw(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The fixture with the documentation's {@code ...} elision lines removed. */
	public static String withoutElisions(String name) {
		return raw(name).lines().filter((line) -> !line.strip().equals("...")).collect(Collectors.joining("\n"));
	}

	/** A stream printed one JSON per line, framed as it travels: {@code data: } + line + blank line. */
	public static String asEventStream(String name) {
		return withoutElisions(name).lines()
			.filter((line) -> !line.isBlank())
			.map((line) -> "data: " + line + "\n\n")
			.collect(Collectors.joining());
	}

}
