package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path: the site runs from the Spring Boot jar, so its children start from the
 * classes and H2 unpacked from that jar. Runs when the jar was packaged (as in {@code mvn verify});
 * also compares start-up with the plain {@code -jar} launch (fewer starts: it is only the baseline).
 */
class PackagedJarIT {

	@TempDir
	Path dir;
	Path bootJar;

	@BeforeEach
	void findTheJar() throws Exception {
		Path classes = Path.of(LaunchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		bootJar = classes.getParent().resolve("microservices-lab.jar");
		assumeTrue(Files.isRegularFile(bootJar), "no packaged jar at " + bootJar);
	}

	@Test
	void childrenOfThePackagedAppStartFromTheUnpackedClassesAndH2() throws Exception {
		Path cache = dir.resolve("cache");
		List<String> launcher = LaunchCommand.applicationLauncher(bootJar.toString(), cache);
		assertThat(launcher.get(0)).isEqualTo("-cp");
		String[] entries = launcher.get(1).split(File.pathSeparator);
		assertThat(entries).hasSize(2);
		assertThat(Path.of(entries[0], "lab", "chassis", "ServiceMain.class")).isRegularFile();
		assertThat(Path.of(entries[1]).getFileName().toString()).startsWith("h2-").endsWith(".jar");

		try (DemoProcess users = start(launcher, "users", "unpacked")) {
			assertThat(Http.get(users.url() + "/api/users").list("users")).hasSize(4);
		}
	}

	@Test
	void concurrentLaunchesUnpackOnceAndAgree() throws Exception {
		Path cache = dir.resolve("cache");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> paths = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				paths.add(pool.submit(() -> UnpackedApp.classPath(bootJar, cache)));
			}
			String first = paths.get(0).get();
			for (Future<String> path : paths) {
				assertThat(path.get()).isEqualTo(first);
			}
		} finally {
			pool.shutdown();
		}
		try (var left = Files.list(cache)) {
			assertThat(left).hasSize(1);
		}
	}

	@Test
	void startUpFromThePackagedJar() throws Exception {
		List<String> unpacked = LaunchCommand.applicationLauncher(bootJar.toString(), dir.resolve("cache"));
		List<String> plainJar = List.of("-jar", bootJar.toString());
		for (String role : List.of("users", "monolith")) {
			long viaUnpacked = median(unpacked, role, "unpacked", 10);
			long viaJar = median(plainJar, role, "jar", 4);
			System.out.printf("FIGURES packaged role=%s spawn-to-READY median: unpacked %d ms, -jar %d ms%n",
				role, viaUnpacked, viaJar);
			assertThat(viaUnpacked).isLessThan(2000);
		}
	}

	private long median(List<String> launcher, String role, String label, int starts) throws Exception {
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < starts; i++) {
			try (DemoProcess process = start(launcher, role, label + i)) {
				millis.add(process.spawnToReadyMillis());
				if (i == starts - 1) {
					for (int r = 0; r < 20; r++) {
						Http.get(process.url() + "/api/users");
						Http.get(process.url() + (role.equals("monolith") ? "/api/posts" : "/api/users/1"));
					}
					Thread.sleep(500);
					System.out.printf("FIGURES packaged role=%s via %s RSS=%d MB%n", role, label, process.rssKb() / 1024);
				}
				process.terminate();
			}
		}
		Collections.sort(millis);
		return (millis.get(starts / 2 - 1) + millis.get(starts / 2)) / 2;
	}

	private DemoProcess start(List<String> launcher, String role, String label) {
		return DemoProcess.start(LaunchCommand.of(role).dataDir(dir.resolve(role + "-" + label)).arg("log", "none"), launcher);
	}

}
