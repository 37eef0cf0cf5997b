package lab.fleet;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The site started as its own JVM, with its default fleet and Threads v3 (Python)
 * deployed, then killed with SIGKILL: every demo process, Java or Python, exits by itself
 * (each watches its parent and its stdin). How fast is bench/fleet.sh's figure, not this
 * test's bound: the time is printed.
 */
class SiteNoOrphansIT {

	@Test
	void killingTheSiteWithSigkillLeavesNoChildBehindJavaOrPython() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory("lab-orphans");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process site = new ProcessBuilder(java, "-cp", fullClassPath(), "lab.MicroservicesLabApplication",
				"--server.port=" + port, "--lab.fleet.data-dir=" + data, "--lab.page-cache.enabled=false",
				// a loaded CI machine can take far longer than 10 s to start five JVMs at
				// once
				"--lab.fleet.ready-timeout=60s")
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("site.log").toFile())
			.start();
		List<Long> children = new ArrayList<>();
		try {
			FleetClient client = new FleetClient(port);
			await("the site is ready").atMost(Duration.ofSeconds(120))
				.ignoreExceptions()
				.failFast("the site process ended", () -> !site.isAlive())
				.until(() -> client.get("/health/readiness").status() == 200);
			client.await("five instances ready",
					all -> all.stream().filter(i -> "ready".equals(i.get("state"))).count() == 5,
					Duration.ofSeconds(120));
			assertThat(client.post("/api/fleet/services/microservices/threads/deploy", "version=v3").status())
				.isEqualTo(202);
			Map<String, Object> v3 = await("Threads v3 ready").atMost(Duration.ofSeconds(120))
				.ignoreExceptions()
				.until(() -> client.instance("threads-2"), i -> "ready".equals(i.get("state")));
			assertThat(v3).containsEntry("runtime", "python");
			long python = ((Number) v3.get("pid")).longValue();
			assertThat(ProcessHandle.of(python).flatMap(p -> p.info().command()).orElse("")).contains("python");
			for (Map<String, Object> instance : client.instances()) {
				long pid = ((Number) instance.get("pid")).longValue();
				if (pid > 0 && alive(pid)) {
					children.add(pid);
				}
			}
			assertThat(children).contains(python).hasSizeGreaterThanOrEqualTo(5);
		}
		finally {
			site.destroyForcibly();
			site.waitFor();
		}
		long killedAt = System.nanoTime();
		await("every demo process exits after the site died").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> children.stream().noneMatch(SiteNoOrphansIT::alive));
		System.out.printf("SITE-NO-ORPHANS %d children (one Python) gone %d ms after the site%n", children.size(),
				(System.nanoTime() - killedAt) / 1_000_000);
	}

	/** Running, and not a zombie waiting for init to reap it. */
	static boolean alive(long pid) {
		if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			try {
				String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
				return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
			}
			catch (IOException ex) {
				return false;
			}
		}
		return false;
	}

	/**
	 * The test JVM's class path; a manifest-only jar (as Maven's runners use) is
	 * expanded.
	 */
	static String fullClassPath() throws IOException {
		String classPath = System.getProperty("java.class.path");
		String[] entries = classPath.split(File.pathSeparator);
		if (entries.length == 1 && entries[0].endsWith(".jar")) {
			try (JarFile jar = new JarFile(entries[0])) {
				Manifest manifest = jar.getManifest();
				String listed = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
				if (listed != null) {
					Path dir = Path.of(entries[0]).toAbsolutePath().getParent();
					List<String> expanded = new ArrayList<>();
					for (String entry : listed.trim().split("\\s+")) {
						Path path = entry.startsWith("file:") ? Path.of(java.net.URI.create(entry))
								: dir.resolve(entry);
						expanded.add(path.toString());
					}
					return String.join(File.pathSeparator, expanded);
				}
			}
		}
		return classPath;
	}

}
