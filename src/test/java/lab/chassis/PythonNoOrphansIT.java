package lab.chassis;

import static lab.chassis.NoOrphansIT.isRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Threads v3 (Python) never outlives its parent: after a SIGKILL of the parent no Python
 * process is left after one second (the bound), through the parent-pid watch, the
 * end of standard input, and both.
 */
class PythonNoOrphansIT {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "both", "pid", "stdin" })
	void noPythonProcessIsLeftASecondAfterTheParentsSigkill(String mode) throws Exception {
		Process parent = new ProcessBuilder(List.of(LaunchCommand.javaBinary(), "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-cp", LaunchCommand.currentClassPath(), OrphanParent.class.getName(), mode,
				dir.toString(), PythonThreads.VERSION))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		ProcessHandle child = null;
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
			String line = out.readLine();
			assertThat(line).as("the parent's report").startsWith("CHILD ").contains("READY port=");
			child = ProcessHandle.of(Long.parseLong(line.split(" ")[1])).orElseThrow();
			assertThat(child.info().command().orElse("")).contains("python");
			String childUrl = "http://127.0.0.1:" + line.replaceAll(".*port=(\\d+).*", "$1");
			assertThat(Http.get(childUrl + "/info").json()).containsEntry("runtime", "python");

			parent.destroyForcibly();
			assertThat(parent.waitFor(5, TimeUnit.SECONDS)).isTrue();
			ProcessHandle python = child;
			await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> !isRunning(python));
			assertThat(Http.isRefused(childUrl + "/health/live")).isTrue();
		}
		finally {
			parent.destroyForcibly();
			if (child != null && isRunning(child)) {
				child.destroyForcibly();
			}
		}
	}

}
