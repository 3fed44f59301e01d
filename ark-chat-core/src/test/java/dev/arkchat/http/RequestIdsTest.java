package dev.arkchat.http;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Client request ids: the official SDKs' format, the current UTC second, unique. */
class RequestIdsTest {

	@Test
	void isTheCurrentUtcSecondFollowedByTwentyAlphanumerics() {
		LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
		String id = RequestIds.next();
		LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC);
		assertThat(id).hasSize(34).matches("[0-9]{14}[0-9a-zA-Z]{20}");
		LocalDateTime stamp = LocalDateTime.parse(id.substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
		assertThat(stamp).isBetween(before, after);
	}

	@Test
	void idsDiffer() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(RequestIds.next());
		}
		assertThat(ids).hasSize(10_000);
	}

}
