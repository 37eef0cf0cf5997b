package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * (e) A demo process, Java or Python (Threads v3), exits by itself when its parent dies
 * by SIGKILL: through the parent-pid watch, through the end of its standard input, and
 * with both (the default). How fast is bench/fleet.sh's figure, not a test's bound.
 */
class NoOrphansIT {

	@TempDir
	Path dir;

	static Stream<Arguments> childrenAndWatches() {
		return Stream.of("java", "python")
			.flatMap(runtime -> Stream.of("both", "pid", "stdin").map(mode -> Arguments.of(runtime, mode)));
	}

	@ParameterizedTest(name = "{0} child, watching {1}")
	@MethodSource("childrenAndWatches")
	void aChildExitsAfterItsParentIsKilled(String runtime, String mode) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(LaunchCommand.javaBinary(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
						LaunchCommand.currentClassPath(), OrphanParent.class.getName(), mode, this.dir.toString()));
		if (runtime.equals("python")) {
			command.add(PythonThreads.VERSION);
		}
		Process parent = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		ProcessHandle child = null;
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
			String line = out.readLine();
			assertThat(line).as("the parent's report").startsWith("CHILD ").contains("READY port=");
			child = ProcessHandle.of(Long.parseLong(line.split(" ")[1])).orElseThrow();
			String childUrl = "http://127.0.0.1:" + line.replaceAll(".*port=(\\d+).*", "$1");
			assertThat(isRunning(child)).isTrue();
			assertThat(Http.get(childUrl + "/info").json()).containsEntry("runtime", runtime);

			parent.destroyForcibly();
			assertThat(parent.waitFor(5, TimeUnit.SECONDS)).isTrue();
			long killedAt = System.nanoTime();
			ProcessHandle orphan = child;
			await("the child exits after its parent died").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> !isRunning(orphan));
			System.out.printf("NO-ORPHANS %s child gone %d ms after its parent%n", runtime,
					(System.nanoTime() - killedAt) / 1_000_000);
			// the leader thread shows as a zombie while the process's other threads are
			// still ending, and they hold the listening socket until the last one is gone
			await("the orphan's port closed").atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> Http.isRefused(childUrl + "/health/live"));
		}
		finally {
			parent.destroyForcibly();
			if (child != null && isRunning(child)) {
				child.destroyForcibly();
			}
		}
	}

	/**
	 * Running, as opposed to exited: an orphan that has exited stays a zombie until init
	 * reaps it, which in some sandboxes takes a second or more; a zombie holds no memory,
	 * port or file.
	 */
	static boolean isRunning(ProcessHandle process) {
		Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
		if (!Files.isDirectory(Path.of("/proc"))) {
			return process.isAlive();
		}
		try {
			String text = Files.readString(stat);
			char state = text.charAt(text.lastIndexOf(')') + 2);
			return state != 'Z' && state != 'X';
		}
		catch (IOException gone) {
			return false;
		}
	}

}
