package lab.chassis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo process started the way the supervisor will: {@link LaunchCommand}, stdin kept
 * open, stdout read for the READY line and then drained (so the child never blocks on a
 * full pipe).
 */
final class DemoProcess implements AutoCloseable {

	private static final Pattern READY = Pattern.compile("READY port=(\\d+) pid=(\\d+)");

	private final Process process;

	private final List<String> stdout = new CopyOnWriteArrayList<>();

	private final StringBuilder stderr = new StringBuilder();

	private final CountDownLatch ready = new CountDownLatch(1);

	private volatile int port;

	private volatile long readyPid;

	private final long spawnedAt;

	private volatile long readyAt;

	private DemoProcess(Process process, long spawnedAt) {
		this.process = process;
		this.spawnedAt = spawnedAt;
	}

	static DemoProcess start(LaunchCommand command) {
		return start(command.toList());
	}

	/**
	 * Starts {@code command} with another way to find the application (see
	 * {@link LaunchCommand#applicationLauncher}).
	 */
	static DemoProcess start(LaunchCommand command, List<String> launcher) {
		return start(command.toList(launcher));
	}

	static DemoProcess start(List<String> command) {
		long spawnedAt = System.nanoTime();
		Process process;
		try {
			process = new ProcessBuilder(command).start();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot start " + command, e);
		}
		DemoProcess demo = new DemoProcess(process, spawnedAt);
		demo.readStdout(process.getInputStream());
		demo.readStderr(process.getErrorStream());
		demo.awaitReady(15_000);
		return demo;
	}

	private void readStdout(InputStream in) {
		Thread t = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					Matcher m = READY.matcher(line);
					boolean first = ready.getCount() > 0 && m.matches();
					if (first) {
						readyAt = System.nanoTime();
						port = Integer.parseInt(m.group(1));
						readyPid = Long.parseLong(m.group(2));
					}
					stdout.add(line);
					if (first) {
						ready.countDown();
					}
				}
			}
			catch (IOException ignored) {
				// the process is gone
			}
		}, "stdout-" + process.pid());
		t.setDaemon(true);
		t.start();
	}

	private void readStderr(InputStream in) {
		Thread t = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					synchronized (stderr) {
						stderr.append(line).append('\n');
					}
				}
			}
			catch (IOException ignored) {
				// the process is gone
			}
		}, "stderr-" + process.pid());
		t.setDaemon(true);
		t.start();
	}

	private void awaitReady(long millis) {
		try {
			if (!ready.await(millis, TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("no READY line within " + millis + " ms; stderr:\n" + stderr());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	int port() {
		return port;
	}

	long pid() {
		return process.pid();
	}

	long readyLinePid() {
		return readyPid;
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	long spawnToReadyMillis() {
		return (readyAt - spawnedAt) / 1_000_000;
	}

	Process process() {
		return process;
	}

	List<String> stdoutLines() {
		return stdout;
	}

	String stderr() {
		synchronized (stderr) {
			return stderr.toString();
		}
	}

	/** SIGKILL: no shutdown hook, no clean close. Waits until the process is gone. */
	void kill9() {
		process.destroyForcibly();
		waitFor(5_000);
	}

	/** SIGTERM: the graceful path. Returns the exit status. */
	int terminate() {
		process.destroy();
		return waitFor(5_000);
	}

	int waitFor(long millis) {
		try {
			if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("process " + pid() + " still running after " + millis + " ms");
			}
			return process.exitValue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Resident memory in kB, from /proc/<pid>/status (Linux). */
	long rssKb() {
		try {
			for (String line : java.nio.file.Files
				.readAllLines(java.nio.file.Path.of("/proc", String.valueOf(pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		throw new IllegalStateException("no VmRSS for " + pid());
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroyForcibly();
			try {
				process.waitFor(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
