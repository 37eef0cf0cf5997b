package lab.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import lab.chassis.ChildArchive;

/**
 * {@code java <flags> -jar microservices-lab.jar --role=archive [--destination=DIR]}:
 * makes the site's fast-start form, once per build (the build runs it after
 * {@code package}): the jar extracted ({@code -Djarmode=tools extract}: a plain jar plus
 * {@code lib/}, which class-data sharing needs), and a class-data archive made by a
 * training run of that form with the same JVM and flags. The training run starts the site
 * without its fleet, serves a Persian lesson and the home page to itself, and exits, so
 * the archive holds the classes of a first visit too.
 * <p>
 * Up to Java 24 the archive is a dynamic AppCDS archive ({@code microservices-lab.jsa},
 * {@code -XX:SharedArchiveFile}); from Java 25 on the AOT cache
 * ({@code microservices-lab.aot}, {@code -XX:AOTCache}). The JVM maps it only for the
 * jars it was made from (it checks each jar's size and time) and otherwise starts without
 * it; the folder is made afresh each time, so the archive and the extracted jar always
 * come from the same build. The demo processes' own archive
 * ({@code lab.chassis.ChildArchive}) for that form is made here too. Prints the command
 * that uses it. No Spring here: it runs before any site does.
 */
public final class SiteArchive {

	/**
	 * The property that makes a training run exit once it has served its warm-up pages.
	 */
	public static final String TRAINING_RUN = "lab.training-run";

	private SiteArchive() {
	}

	public static int run(String[] args) throws IOException, InterruptedException {
		Path jar = ownJar();
		if (jar == null) {
			System.err
				.println("--role=archive runs from the packaged jar (java -jar microservices-lab.jar --role=archive)");
			return 2;
		}
		Path destination = jar.getParent().resolve("app");
		for (String arg : args) {
			if (arg.startsWith("--destination=")) {
				destination = Path.of(arg.substring("--destination=".length()));
			}
		}
		destination = destination.toAbsolutePath().normalize();
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();

		int extracted = run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
				"--destination", destination.toString()));
		if (extracted != 0) {
			System.err.println("could not extract " + jar);
			return extracted;
		}
		// the extracted jar keeps the name of the jar it came from (a renamed copy too)
		Path extractedJar = destination.resolve(jar.getFileName());
		boolean aotCache = Runtime.version().feature() >= 25;
		Path archive = destination.resolve(aotCache ? "microservices-lab.aot" : "microservices-lab.jsa");
		Files.deleteIfExists(archive);
		Path data = Files.createTempDirectory("microservices-lab-training-");
		List<String> training = new ArrayList<>();
		training.add(java);
		training.addAll(flags);
		training.add((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
		training.addAll(List.of("-jar", extractedJar.toString(), "--server.port=0", "--lab.fleet.autostart=false",
				"--lab.fleet.data-dir=" + data, "--" + TRAINING_RUN + "=true"));
		int trained = run(training);
		deleteQuietly(data);
		if (trained != 0 || !Files.isRegularFile(archive)) {
			System.err.println("the training run failed (exit " + trained + "): " + extractedJar
					+ " still runs, only without an archive");
			return 1;
		}
		// the demo processes this form will start get theirs now too, not on their first
		// launch
		if (!ChildArchive.prepare(extractedJar)) {
			System.err.println("no archive for the demo processes yet: their first launch makes it");
		}
		System.out.println("Start the site with its archive:");
		System.out.println("  java " + String.join(" ", flags) + " "
				+ (aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive + " -jar " + extractedJar);
		return 0;
	}

	private static int run(List<String> command) throws IOException, InterruptedException {
		return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start()
			.waitFor();
	}

	/** The Spring Boot jar this JVM was started with ({@code java -jar}), or null. */
	private static Path ownJar() {
		String classPath = System.getProperty("java.class.path", "");
		if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
			return null;
		}
		Path jar = Path.of(classPath).toAbsolutePath();
		try (JarFile file = new JarFile(jar.toFile())) {
			Manifest manifest = file.getManifest();
			return (manifest != null && manifest.getMainAttributes().getValue("Start-Class") != null) ? jar : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static void deleteQuietly(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover training folder in the temporary directory is harmless
		}
	}

}
