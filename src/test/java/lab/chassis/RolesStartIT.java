package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * (a) Every role starts as its own process, prints READY, and answers health and info.
 */
class RolesStartIT {

	/** A port nothing listens on: peers need not be up for a service to start. */
	static final String NOBODY = "http://127.0.0.1:9";

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "users", "posts", "threads", "payments", "monolith" })
	void eachRoleStartsAndAnswersHealthAndInfo(String role) throws Exception {
		LaunchCommand command = LaunchCommand.of(role)
			.instance(role + "-7")
			.dataDir(dir.resolve(role))
			.version("v2")
			.peer("users", NOBODY)
			.peer("posts", NOBODY);
		try (DemoProcess process = DemoProcess.start(command)) {
			assertThat(process.stdoutLines().get(0))
				.isEqualTo("READY port=" + process.port() + " pid=" + process.pid());
			assertThat(process.readyLinePid()).isEqualTo(process.pid());

			assertThat(Http.get(process.url() + "/health/live").status()).isEqualTo(200);
			Http.Response ready = Http.get(process.url() + "/health/ready");
			assertThat(ready.status()).isEqualTo(200);
			assertThat(ready.json()).containsEntry("status", "UP");

			Http.Response info = Http.get(process.url() + "/info");
			assertThat(info.header("X-Instance")).isEqualTo(role + "-7");
			assertThat(info.json()).containsEntry("role", role)
				.containsEntry("version", "v2")
				.containsEntry("instance", role + "-7")
				.containsEntry("pid", process.pid())
				.containsEntry("port", (long) process.port());
			assertThat((List<?>) info.json().get("modules")).isEqualTo(Role.parse(role).modules());
		}
	}

	@Test
	void sigtermStopsGracefullyAndFast() throws Exception {
		// stdin watch off: Process.destroy() also closes the child's stdin, which would
		// stop it too (with status 0)
		try (DemoProcess process = DemoProcess
			.start(LaunchCommand.of("users").dataDir(dir.resolve("graceful")).arg("watch-stdin", "false"))) {
			int status = process.terminate();
			assertThat(status).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook
												// ran
		}
		// the database was closed cleanly and opens again
		try (DemoProcess again = DemoProcess.start(LaunchCommand.of("users").dataDir(dir.resolve("graceful")))) {
			assertThat(Http.get(again.url() + "/api/users").list("users")).hasSize(4);
		}
	}

	@Test
	void sigtermLetsARunningRequestFinish() throws Exception {
		try (DemoProcess process = DemoProcess
			.start(LaunchCommand.of("users").dataDir(dir.resolve("drain")).arg("watch-stdin", "false"))) {
			Http.post(process.url() + "/chaos", lab.chassis.http.Json.object("latencyMs", 600, "latencyShare", 1.0));
			var slow = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
				try {
					return Http.get(process.url() + "/api/users").status();
				}
				catch (Exception e) {
					return -1;
				}
			});
			Thread.sleep(200);
			process.process().destroy();
			assertThat(slow.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
			assertThat(process.waitFor(3000)).isEqualTo(143);
		}
	}

	@Test
	void badArgumentsExitAtOnceWithStatusTwo() throws Exception {
		Process process = LaunchCommand.of("posts").dataDir(dir.resolve("bad")).processBuilder().start();
		assertThat(process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(2);
		assertThat(new String(process.getErrorStream().readAllBytes())).contains("--peer.users");
	}

	@Test
	void theRequestLogHasOneLinePerRequest() throws Exception {
		try (DemoProcess process = DemoProcess
			.start(LaunchCommand.of("users").instance("users-3").dataDir(dir.resolve("log")))) {
			Http.get(process.url() + "/api/users/1");
			org.awaitility.Awaitility.await("the request's log line")
				.atMost(java.time.Duration.ofSeconds(30))
				.until(() -> process.stdoutLines().size() >= 2);
			assertThat(process.stdoutLines().get(1)).matches("users-3 GET /api/users/1 200 \\d+ms");
		}
	}

}
