package lab.fleet.supervisor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStatsTest {

	@Test
	void cpuTimeGrowsWithWorkAndAGoneProcessHasNone() {
		long pid = ProcessHandle.current().pid();
		long before = ProcessStats.cpuMillis(pid);
		long spin = 0;
		long until = ProcessStats.cpuMillis(pid) + 200;
		while (ProcessStats.cpuMillis(pid) < until) {
			spin++;
		}
		assertThat(ProcessStats.cpuMillis(pid)).isGreaterThanOrEqualTo(before + 200);
		assertThat(spin).isPositive();
		assertThat(ProcessStats.cpuMillis(Long.MAX_VALUE)).isZero();
		assertThat(ProcessStats.rssBytes(pid)).isPositive();
	}

}
