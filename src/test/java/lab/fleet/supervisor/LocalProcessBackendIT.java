package lab.fleet.supervisor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The local backend keeps the backend contract with real child processes. */
class LocalProcessBackendIT extends ProcessBackendContract {

	@TempDir
	Path dir;

	private final String password = UUID.randomUUID().toString();

	private final LocalProcessBackend backend = new LocalProcessBackend(List.of());

	@Override
	protected ProcessBackend backend() {
		return this.backend;
	}

	@Override
	protected ProcessBackend.Spec startable(String instanceId) {
		return spec(instanceId, this.dir.resolve("users"));
	}

	@Override
	protected ProcessBackend.Spec unstartable(String instanceId) {
		try {
			// a file where its data folder should be: it cannot open its database
			Path file = Files.writeString(this.dir.resolve("not-a-folder"), "x");
			return spec(instanceId, file.resolve("users"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	protected void crashFromInside(ProcessBackend.Running running) {
		int port = running.ready().join();
		HttpRequest crash = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chaos/crash"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpClient.newHttpClient().send(crash, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			// the process may go before it answers
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	protected Duration patience() {
		return Duration.ofSeconds(30);
	}

	private ProcessBackend.Spec spec(String instanceId, Path data) {
		return new ProcessBackend.Spec("users", instanceId, "v1", data, Map.of(), Duration.ofMillis(400), true,
				this.dir.resolve("logs").resolve(instanceId + ".log"), this.password);
	}

	@Test
	void theDatabasePasswordReachesTheProcessInItsEnvironmentNeverOnItsCommandLine() throws Exception {
		ProcessBackend.Running running = this.backend.launch(startable("secret-1"));
		try {
			running.ready().get(patience().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			String commandLine = Files.readString(Path.of("/proc", String.valueOf(running.pid()), "cmdline"),
					StandardCharsets.UTF_8);
			String environment = Files.readString(Path.of("/proc", String.valueOf(running.pid()), "environ"),
					StandardCharsets.UTF_8);
			assertThat(commandLine).contains("--instance=secret-1").doesNotContain(this.password);
			assertThat(environment).contains("LAB_DB_PASSWORD=" + this.password);
		}
		finally {
			running.kill();
			running.exit().join();
		}
	}

}
