package lab.fleet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RequestStatsTest {

	private static final long T0 = 1_000_000_000_000L;

	@Test
	void theP95CoversEveryRequestNotASampleOfEachSecond() {
		RequestStats stats = new RequestStats();
		// 1,000 requests in one second: 900 fast ones first, then 100 slow ones; a sample
		// of the
		// first 200 of the second would never see a slow one
		for (int i = 0; i < 900; i++) {
			stats.record(T0, true, 2);
		}
		for (int i = 0; i < 100; i++) {
			stats.record(T0 + 500, false, 800);
		}
		RequestStats.Summary summary = stats.summary(T0 + 1000, 1);
		assertThat(summary.total()).isEqualTo(1000);
		assertThat(summary.errorRate()).isCloseTo(0.1, within(1e-9));
		assertThat(summary.p95Ms()).isBetween(792, 808);
	}

	@Test
	void oldSecondsLeaveTheWindowAndAVeryLongCallCountsAsTheCeiling() {
		RequestStats stats = new RequestStats();
		stats.record(T0, true, 5_000_000);
		assertThat(stats.summary(T0 + 1000, 1).p95Ms()).isBetween(59_500, 60_500);
		stats.record(T0 + 30_000, true, 3);
		RequestStats.Summary later = stats.summary(T0 + 31_000, 10);
		assertThat(later.total()).isEqualTo(1);
		assertThat(later.p95Ms()).isEqualTo(3);
	}

}
