package lab.fleet.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory and CPU of a process, read from Linux's /proc (zero where /proc is not there). */
public final class ProcessStats {

	private static final long TICKS_PER_SECOND = 100;

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
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
			return ticks * 1000 / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
