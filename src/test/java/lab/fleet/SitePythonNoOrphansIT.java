package lab.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The site as its own JVM, with Threads deployed as v3 (Python), then killed with
 * SIGKILL: no Python process is left a second later (the bound).
 */
class SitePythonNoOrphansIT {

	@Test
	void killingTheSiteWithSigkillLeavesNoPythonProcessAfterASecond() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory("lab-python-orphans");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process site = new ProcessBuilder(java, "-cp", SiteNoOrphansIT.fullClassPath(),
				"lab.MicroservicesLabApplication", "--server.port=" + port, "--lab.fleet.data-dir=" + data,
				"--lab.page-cache.enabled=false")
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("site.log").toFile())
			.start();
		long python;
		try {
			FleetClient client = new FleetClient(port);
			await().atMost(Duration.ofSeconds(120))
				.ignoreExceptions()
				.until(() -> site.isAlive() && client.get("/health/readiness").status() == 200);
			// on a busy machine a first start may miss its ready timeout: start it again
			// then
			await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
				if ("failed".equals(client.instance("threads-1").get("state"))) {
					client.post("/api/fleet/instances/threads-1/start", "");
				}
				return "ready".equals(client.instance("threads-1").get("state"));
			});
			assertThat(client.post("/api/fleet/services/microservices/threads/deploy", "version=v3").status())
				.isEqualTo(202);
			Map<String, Object> v3 = await().atMost(Duration.ofSeconds(120))
				.ignoreExceptions()
				.until(() -> client.instance("threads-2"), i -> "ready".equals(i.get("state")));
			assertThat(v3).containsEntry("runtime", "python");
			python = ((Number) v3.get("pid")).longValue();
			assertThat(ProcessHandle.of(python).flatMap(p -> p.info().command()).orElse("")).contains("python");
		}
		finally {
			site.destroyForcibly();
			site.waitFor();
		}
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> !SiteNoOrphansIT.alive(python));
	}

}
