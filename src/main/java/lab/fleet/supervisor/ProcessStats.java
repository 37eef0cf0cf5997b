package lab.fleet.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory and CPU of a process: the resident memory from Linux's /proc (zero where /proc
 * is not there), the CPU time from the JDK's {@link ProcessHandle} (which knows the
 * system's clock tick).
 */
public final class ProcessStats {

	private ProcessStats() {
	}

	/** Resident set size in bytes: the real memory the process holds. */
	public static long rssBytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone, or not Linux
		}
		return 0;
	}

	/** CPU time used so far (user + system), in milliseconds. */
	public static long cpuMillis(long pid) {
		return ProcessHandle.of(pid)
			.flatMap(p -> p.info().totalCpuDuration())
			.map(java.time.Duration::toMillis)
			.orElse(0L);
	}

}
