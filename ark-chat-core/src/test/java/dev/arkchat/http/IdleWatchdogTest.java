package dev.arkchat.http;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The idle guard of streams leaves nothing behind once a stream is over. */
class IdleWatchdogTest {

	@Test
	void aStoppedGuardLeavesNoCheckQueued() {
		int before = IdleWatchdog.pendingChecks();
		List<IdleWatchdog> guards = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			IdleWatchdog guard = new IdleWatchdog(Duration.ofHours(1), () -> {
			});
			guard.watch(new ByteArrayInputStream(new byte[0]));
			guards.add(guard);
		}
		assertThat(IdleWatchdog.pendingChecks()).isEqualTo(before + 1000);
		guards.forEach(IdleWatchdog::stop);
		// a cancelled check that stayed queued until its time would keep its stream reachable for the whole hour
		assertThat(IdleWatchdog.pendingChecks()).isEqualTo(before);
	}

}
