package lab.chassis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast-start form exactly as the build makes it ({@code --role=archive}: the jar
 * extracted, the site's archive trained, the demo processes' archive trained), on both
 * JDKs these machines have: the running one (Java 17: AppCDS) and Temurin 25 (the AOT
 * cache). The site and a demo process then start with the JVM told to <em>require</em>
 * the archive ({@code -Xshare:on}, {@code -XX:AOTMode=on}: the JVM refuses to start
 * otherwise) and must load the application's own classes from it. Each run gets its own
 * home folder, so nothing is shared with the user's caches or another test.
 */
class ClassDataArchiveIT {

	/**
	 * Where Temurin 25 lives on these machines; {@code -Dlab.java25=<JDK folder>} points
	 * elsewhere.
	 */
	private static final Path JAVA_25 = Path.of(System.getProperty("lab.java25", "/usr/lib/jvm/temurin-25-jdk-amd64"),
			"bin", "java");

	/**
	 * The site's flags, as the README's run command and pom.xml's training run use them.
	 */
	private static final List<String> SITE_FLAGS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m",
			"-XX:MaxMetaspaceSize=160m");

	/** A hung JVM must not hang the build: a safety net, far above a normal run. */
	private static final long GIVE_UP_MINUTES = 10;

	@TempDir
	Path home;

	Path bootJar;

	@BeforeEach
	void findTheJar() throws Exception {
		bootJar = PackagedJarIT.packagedJar();
	}

	@Test
	void theRunningJdkStartsTheSiteAndItsDemoProcessesFromTheirArchives() throws Exception {
		check(Path.of(LaunchCommand.javaBinary()), Runtime.version().feature() >= 25);
	}

	@Test
	void java25StartsTheSiteAndItsDemoProcessesFromTheirAotCaches() throws Exception {
		assertThat(JAVA_25).as("Temurin 25, installed beside Java 17 on these machines (-Dlab.java25 to move it)")
			.isExecutable();
		check(JAVA_25, true);
	}

	private void check(Path java, boolean aotCache) throws Exception {
		String suffix = aotCache ? ".aot" : ".jsa";
		Path app = home.resolve("app");
		List<String> archive = new ArrayList<>(List.of(java.toString(), "-Duser.home=" + home));
		archive.addAll(SITE_FLAGS);
		archive.addAll(List.of("-jar", bootJar.toString(), "--role=archive", "--destination=" + app));
		assertThat(run(archive, "archive")).as(() -> "--role=archive's exit code; its output:\n" + output("archive"))
			.isZero();

		// the site, with its archive required, loads its own classes from it
		Path siteArchive = app.resolve("microservices-lab" + suffix);
		assertThat(siteArchive).isRegularFile();
		Path siteClasses = home.resolve("site-classes.log");
		List<String> site = new ArrayList<>(List.of(java.toString(), "-Duser.home=" + home));
		site.addAll(SITE_FLAGS);
		site.addAll(require(siteArchive, aotCache));
		site.addAll(List.of("-Xlog:class+load=info:file=" + siteClasses, "-jar",
				app.resolve("microservices-lab.jar").toString(), "--server.port=0", "--lab.fleet.autostart=false",
				"--lab.fleet.data-dir=" + home.resolve("site-data"), "--lab.training-run=true"));
		assertThat(run(site, "site"))
			.as(() -> "the site's exit code with its archive required; output:\n" + output("site"))
			.isZero();
		assertThat(Files.readAllLines(siteClasses))
			.filteredOn(line -> line.contains(" lab.content.ContentStore source:"))
			.singleElement()
			.asString()
			.contains("shared objects file");

		// the demo processes' archive was made for the class path they start with
		Path cache = home.resolve(".cache").resolve("microservices-lab");
		List<Path> childArchives;
		try (Stream<Path> files = Files.list(cache.resolve("archives"))) {
			childArchives = files.filter(file -> file.toString().endsWith(suffix)).toList();
		}
		assertThat(childArchives).as("the demo processes' archive").hasSize(1);
		String classPath = UnpackedApp.classPath(app.resolve("microservices-lab.jar"), cache.resolve("launch"));
		List<String> child = new ArrayList<>(LaunchCommand.of("users")
			.dataDir(home.resolve("users"))
			.arg("log", "none")
			.archives(null)
			.toList(List.of("-cp", classPath, LaunchCommand.MAIN_CLASS)));
		Path childClasses = home.resolve("child-classes.log");
		child.set(0, java.toString());
		child.addAll(1, require(childArchives.get(0), aotCache));
		child.add(1, "-Xlog:class+load=info:file=" + childClasses);
		try (DemoProcess users = DemoProcess.start(child)) {
			assertThat(Http.get(users.url() + "/api/users").list("users")).hasSize(4);
		}
		assertThat(Files.readAllLines(childClasses))
			.filteredOn(line -> line.contains(" lab.chassis.ServiceMain source:"))
			.singleElement()
			.asString()
			.contains("shared objects file");
	}

	/** The flags that make the JVM use this archive or refuse to start. */
	private static List<String> require(Path archive, boolean aotCache) {
		return aotCache ? List.of("-XX:AOTCache=" + archive, "-XX:AOTMode=on")
				: List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on");
	}

	private String output(String name) {
		try {
			return Files.readString(home.resolve(name + ".log"));
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	private int run(List<String> command, String name) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(home.resolve(name + ".log").toFile())
			.start();
		if (!process.waitFor(GIVE_UP_MINUTES, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError(name + " did not end within " + GIVE_UP_MINUTES + " minutes: " + command);
		}
		return process.exitValue();
	}

}
