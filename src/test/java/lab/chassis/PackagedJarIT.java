package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path: the site runs from the Spring Boot jar (or its extracted form), so
 * its children start from the classes and H2 copied out of that jar, with a class-data
 * archive made for exactly that class path. Failsafe runs after {@code package}, so the
 * jar must be there: a missing jar fails, it does not skip. Start-up figures are
 * {@code bench/fleet.sh}'s job, not a test's.
 */
class PackagedJarIT {

	@TempDir
	Path dir;

	Path bootJar;

	@BeforeEach
	void findTheJar() throws Exception {
		bootJar = packagedJar();
	}

	/**
	 * The Spring Boot jar this build packaged, beside its classes; a missing one fails
	 * the test.
	 */
	static Path packagedJar() throws Exception {
		Path classes = Path.of(LaunchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path jar = classes.getParent().resolve("microservices-lab.jar");
		assertThat(jar).as("the packaged jar (pom.xml's finalName)").isRegularFile();
		return jar;
	}

	@Test
	void childrenOfThePackagedAppStartFromTheUnpackedClassesAndH2() throws Exception {
		List<String> launcher = LaunchCommand.applicationLauncher(bootJar.toString(), dir.resolve("cache"));
		assertThat(launcher.get(0)).isEqualTo("-cp");
		String[] entries = launcher.get(1).split(File.pathSeparator);
		assertThat(entries).hasSize(2);
		assertThat(Path.of(entries[0]).getFileName().toString()).isEqualTo(UnpackedApp.APP_JAR);
		assertThat(Path.of(entries[1]).getFileName().toString()).startsWith("h2-").endsWith(".jar");

		try (DemoProcess users = start(launcher, "users", "unpacked", null)) {
			assertThat(Http.get(users.url() + "/api/users").list("users")).hasSize(4);
		}
	}

	@Test
	void theExtractedFormGivesTheSameTwoJarClassPath() throws Exception {
		Path extracted = dir.resolve("extracted");
		Process extract = new ProcessBuilder(LaunchCommand.javaBinary(), "-Djarmode=tools", "-jar", bootJar.toString(),
				"extract", "--destination", extracted.toString())
			.inheritIO()
			.start();
		assertThat(extract.waitFor()).isZero();
		Path thin = extracted.resolve("microservices-lab.jar");
		List<String> launcher = LaunchCommand.applicationLauncher(thin.toString(), dir.resolve("cache"));
		assertThat(launcher).hasSize(3).startsWith("-cp");
		String[] entries = launcher.get(1).split(File.pathSeparator);
		assertThat(entries).hasSize(2);
		assertThat(Path.of(entries[1]).getFileName().toString()).startsWith("h2-");
		try (DemoProcess monolith = start(launcher, "monolith", "extracted", null)) {
			assertThat(Http.get(monolith.url() + "/api/users").list("users")).hasSize(4);
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
		}
		finally {
			pool.shutdown();
		}
		try (var left = Files.list(cache)) {
			assertThat(left).hasSize(1);
		}
	}

	@Test
	void childrenMapTheArchiveMadeForTheirClassPath() throws Exception {
		List<String> launcher = LaunchCommand.applicationLauncher(bootJar.toString(), dir.resolve("cache"));
		Path archives = dir.resolve("archives");
		Path archive = ChildArchive.archiveFor(launcher.get(1), LaunchCommand.JVM_FLAGS, archives);
		assertThat(archive).isNotNull().doesNotExist();
		assertThat(ChildArchive.train(launcher.get(1), LaunchCommand.JVM_FLAGS, archive)).isTrue();
		assertThat(archive).isRegularFile();

		List<String> command = LaunchCommand.of("users").archives(archives).toList(launcher);
		assertThat(command).contains(ChildArchive.useFlag(archive));
		Path classLog = dir.resolve("class-load.log");
		try (DemoProcess users = start(launcher, "users", "archived", archives,
				"-Xlog:class+load=info:file=" + classLog)) {
			assertThat(Http.get(users.url() + "/api/users").list("users")).hasSize(4);
		}
		// the demo's own classes came from the archive, not from the jar
		assertThat(Files.readAllLines(classLog)).filteredOn(line -> line.contains(" lab.chassis.ServiceMain "))
			.singleElement()
			.asString()
			.contains("shared objects file");
	}

	@Test
	void anArchiveIsNeverTakenForAnotherClassPathOrOtherFlags() throws Exception {
		List<String> launcher = LaunchCommand.applicationLauncher(bootJar.toString(), dir.resolve("cache"));
		String classPath = launcher.get(1);
		Path archives = dir.resolve("archives");
		Path archive = ChildArchive.archiveFor(classPath, LaunchCommand.JVM_FLAGS, archives);

		// the same classes at another path, a changed jar, other flags: each its own
		// archive
		Path copy = dir.resolve("copy");
		Files.createDirectories(copy);
		List<String> copied = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			copied.add(Files.copy(Path.of(entry), copy.resolve(Path.of(entry).getFileName())).toString());
		}
		String copiedPath = String.join(File.pathSeparator, copied);
		Path forCopy = ChildArchive.archiveFor(copiedPath, LaunchCommand.JVM_FLAGS, archives);
		assertThat(forCopy).isNotEqualTo(archive);
		List<String> otherFlags = new ArrayList<>(LaunchCommand.JVM_FLAGS);
		otherFlags.add("-Xmx64m");
		assertThat(ChildArchive.archiveFor(classPath, otherFlags, archives)).isNotEqualTo(archive);
		// a class folder cannot be archived: no archive, no training
		assertThat(ChildArchive.archiveFor(dir.toString(), LaunchCommand.JVM_FLAGS, archives)).isNull();

		// an archive made for the copy, put where this class path's archive goes: the JVM
		// sees that
		// it was made for other jars and starts the child without it
		assertThat(ChildArchive.train(copiedPath, LaunchCommand.JVM_FLAGS, forCopy)).isTrue();
		Files.write(Path.of(copied.get(0)), new byte[] { 0 }, java.nio.file.StandardOpenOption.APPEND);
		assertThat(ChildArchive.archiveFor(copiedPath, LaunchCommand.JVM_FLAGS, archives)).isNotEqualTo(forCopy);
		Files.copy(forCopy, archive);
		Path classLog = dir.resolve("class-load.log");
		try (DemoProcess users = start(launcher, "users", "mismatch", archives,
				"-Xlog:class+load=info:file=" + classLog)) {
			assertThat(Http.get(users.url() + "/api/users").list("users")).hasSize(4);
		}
		assertThat(Files.readAllLines(classLog)).filteredOn(line -> line.contains(" lab.chassis.ServiceMain "))
			.singleElement()
			.asString()
			.doesNotContain("shared objects file");

		// nor does a damaged archive stop a child
		Files.write(archive, new byte[] { 1, 2, 3 });
		try (DemoProcess users = start(launcher, "users", "damaged", archives)) {
			assertThat(Http.get(users.url() + "/api/users").list("users")).hasSize(4);
		}
	}

	private DemoProcess start(List<String> launcher, String role, String label, Path archives, String... extraFlags) {
		LaunchCommand command = LaunchCommand.of(role)
			.dataDir(dir.resolve(role + "-" + label))
			.arg("log", "none")
			.archives(archives);
		// the archive is looked up for the standard flags; extra ones (logging) only join
		// the command line
		List<String> line = new ArrayList<>(command.toList(launcher));
		line.addAll(1, List.of(extraFlags));
		return DemoProcess.start(line);
	}

}
