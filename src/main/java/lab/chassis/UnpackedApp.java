package lab.chassis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The application's own classes and H2, unpacked once from the Spring Boot jar into a cache
 * folder, so demo processes start from a plain two-entry class path: no Spring Boot launcher, no
 * nested jars, no Spring on the class path. That saves each child about 150 ms and a few MB, and
 * makes the packaged app start children exactly as the tests (which run from classes) do.
 * <p>
 * The folder is named after the jar's size and time, so a rebuilt jar gets a fresh copy; it lives
 * in the user's own cache folder (not a shared /tmp, where another user could plant classes), and
 * is filled under a temporary name, then renamed, so concurrent launches never see half of it.
 */
final class UnpackedApp {

	private static final String CLASSES = "BOOT-INF/classes/";
	private static final String APP_CLASSES = CLASSES + "lab/";
	private static final String LIB = "BOOT-INF/lib/";

	private UnpackedApp() {
	}

	/** The default cache root: {@code ~/.cache/microservices-lab/launch}. */
	static Path defaultCacheRoot() {
		return Path.of(System.getProperty("user.home"), ".cache", "microservices-lab", "launch");
	}

	/** The class path (classes folder and H2 jar) unpacked from {@code bootJar} under {@code cacheRoot}. */
	static String classPath(Path bootJar, Path cacheRoot) throws IOException {
		String stamp = Long.toHexString(Files.size(bootJar)) + "-" + Long.toHexString(Files.getLastModifiedTime(bootJar).toMillis());
		Path target = cacheRoot.resolve(stamp);
		if (!Files.isRegularFile(target.resolve("complete"))) {
			unpack(bootJar, cacheRoot, target);
		}
		Path classes = target.resolve("classes");
		try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
			List<String> entries = new ArrayList<>();
			entries.add(classes.toString());
			libs.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
			return String.join(java.io.File.pathSeparator, entries);
		}
	}

	private static void unpack(Path bootJar, Path cacheRoot, Path target) throws IOException {
		Files.createDirectories(cacheRoot);
		Path temporary = Files.createTempDirectory(cacheRoot, "unpacking-");
		try {
			int h2Jars = 0;
			try (JarFile jar = new JarFile(bootJar.toFile())) {
				Enumeration<JarEntry> entries = jar.entries();
				while (entries.hasMoreElements()) {
					JarEntry entry = entries.nextElement();
					String name = entry.getName();
					if (entry.isDirectory()) {
						continue;
					}
					if (name.startsWith(APP_CLASSES) && name.endsWith(".class")) {
						copy(jar, entry, temporary.resolve("classes").resolve(name.substring(CLASSES.length())));
					} else if (name.startsWith(LIB + "h2-") && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0) {
						copy(jar, entry, temporary.resolve("lib").resolve(name.substring(LIB.length())));
						h2Jars++;
					}
				}
			}
			if (h2Jars != 1 || !Files.isDirectory(temporary.resolve("classes"))) {
				throw new IOException(bootJar + " does not hold the application classes and one H2 jar");
			}
			Files.createFile(temporary.resolve("complete"));
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			} catch (IOException lostRace) {
				// another launch unpacked the same jar first (Linux reports "directory not empty");
				// its copy is as good as ours
				if (!Files.isRegularFile(target.resolve("complete"))) {
					throw lostRace;
				}
			}
		} finally {
			deleteQuietly(temporary);
		}
	}

	private static void copy(JarFile jar, JarEntry entry, Path to) throws IOException {
		Path normalized = to.normalize();
		Files.createDirectories(normalized.getParent());
		try (InputStream in = jar.getInputStream(entry)) {
			Files.copy(in, normalized);
		}
	}

	private static void deleteQuietly(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				} catch (IOException ignored) {
					// a leftover temporary folder is harmless
				}
			});
		} catch (IOException ignored) {
			// as above
		}
	}

}
