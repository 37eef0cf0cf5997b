package lab.fleet;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site started as its own JVM, with its default fleet, then killed with SIGKILL:
 * every demo process must be gone within 2 seconds (each child watches its parent and its
 * stdin).
 */
class SiteNoOrphansIT {

	@Test
	void killingTheSiteWithSigkillLeavesNoChildBehind() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory("lab-orphans");
		Path log = data.resolve("site.log");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process site = new ProcessBuilder(java, "-cp", fullClassPath(), "lab.MicroservicesLabApplication",
				"--server.port=" + port, "--lab.fleet.data-dir=" + data, "--lab.page-cache.enabled=false",
				// a loaded CI machine can take far longer than 10 s to start five JVMs at
				// once
				"--lab.fleet.ready-timeout=60s")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		List<Long> children = new ArrayList<>();
		try {
			FleetClient client = new FleetClient(port);
			awaitSite(client, site);
			client.await("five instances ready",
					all -> all.stream().filter(i -> "ready".equals(i.get("state"))).count() == 5,
					Duration.ofSeconds(40));
			for (var instance : client.instances()) {
				children.add(((Number) instance.get("pid")).longValue());
			}
			assertThat(children).hasSize(5).allSatisfy(pid -> assertThat(alive(pid)).isTrue());
		}
		finally {
			site.destroyForcibly();
			site.waitFor();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (System.nanoTime() < deadline && children.stream().anyMatch(SiteNoOrphansIT::alive)) {
			Thread.sleep(20);
		}
		assertThat(children).as("children still running 2 s after the site was killed")
			.noneMatch(SiteNoOrphansIT::alive);
	}

	private static void awaitSite(FleetClient client, Process site) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until) {
			assertThat(site.isAlive()).as("the site process is running").isTrue();
			try {
				if (client.get("/health/readiness").status() == 200) {
					return;
				}
			}
			catch (IllegalStateException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the site did not start");
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
