package lab.chassis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The application's own classes and H2, copied once from the packaged application into a
 * cache folder, so demo processes start from a plain two-jar class path: no Spring Boot
 * launcher, no nested jars, no Spring on the class path. That saves each child about 150
 * ms and a few MB, and gives the child a class path that a class-data archive can cover
 * ({@link ChildArchive}: the JVM archives classes from jars only, never from folders).
 * <p>
 * Two sources are understood: the Spring Boot jar ({@code BOOT-INF/classes},
 * {@code BOOT-INF/lib}) and its extracted form
 * ({@code java -Djarmode=tools -jar app.jar extract}: a jar with the classes at its root
 * and {@code lib/} beside it).
 * <p>
 * The folder is named after the source jar's size and time, so a rebuilt jar gets a fresh
 * copy; it lives in the user's own cache folder (not a shared /tmp, where another user
 * could plant classes), and is filled under a temporary name, then renamed, so concurrent
 * launches never see half of it.
 */
final class UnpackedApp {

	private static final String BOOT_CLASSES = "BOOT-INF/classes/";

	private static final String BOOT_LIB = "BOOT-INF/lib/";

	private static final String APP_PACKAGE = "lab/";

	/** The application's classes, as a jar. */
	static final String APP_JAR = "app.jar";

	private UnpackedApp() {
	}

	/** The default cache root: {@code ~/.cache/microservices-lab/launch}. */
	static Path defaultCacheRoot() {
		return Path.of(System.getProperty("user.home"), ".cache", "microservices-lab", "launch");
	}

	/**
	 * The class path (the application's classes as one jar, then the H2 jar) copied from
	 * {@code jar} under {@code cacheRoot}. {@code jar} is a Spring Boot jar or the jar of
	 * its extracted form.
	 */
	static String classPath(Path jar, Path cacheRoot) throws IOException {
		String stamp = Long.toHexString(Files.size(jar)) + "-"
				+ Long.toHexString(Files.getLastModifiedTime(jar).toMillis());
		Path target = cacheRoot.resolve(stamp);
		if (!Files.isRegularFile(target.resolve("complete"))) {
			unpack(jar, cacheRoot, target);
		}
		try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
			List<String> entries = new ArrayList<>();
			entries.add(target.resolve(APP_JAR).toString());
			libs.filter(p -> p.getFileName().toString().endsWith(".jar"))
				.sorted()
				.forEach(p -> entries.add(p.toString()));
			return String.join(java.io.File.pathSeparator, entries);
		}
	}

	private static void unpack(Path source, Path cacheRoot, Path target) throws IOException {
		Files.createDirectories(cacheRoot);
		Path temporary = Files.createTempDirectory(cacheRoot, "unpacking-");
		try {
			int classes = 0;
			int h2Jars = 0;
			try (JarFile jar = new JarFile(source.toFile());
					JarOutputStream app = new JarOutputStream(Files.newOutputStream(temporary.resolve(APP_JAR)),
							manifest())) {
				boolean boot = jar.getEntry(BOOT_CLASSES) != null || jar.getManifest() != null
						&& jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
				String classRoot = boot ? BOOT_CLASSES : "";
				Enumeration<JarEntry> entries = jar.entries();
				while (entries.hasMoreElements()) {
					JarEntry entry = entries.nextElement();
					String name = entry.getName();
					if (entry.isDirectory()) {
						continue;
					}
					if (name.startsWith(classRoot + APP_PACKAGE) && name.endsWith(".class")) {
						app.putNextEntry(new JarEntry(name.substring(classRoot.length())));
						try (InputStream in = jar.getInputStream(entry)) {
							in.transferTo(app);
						}
						app.closeEntry();
						classes++;
					}
					else if (boot && name.startsWith(BOOT_LIB + "h2-") && name.endsWith(".jar")
							&& name.indexOf('/', BOOT_LIB.length()) < 0) {
						try (InputStream in = jar.getInputStream(entry)) {
							copy(in, temporary.resolve("lib"), name.substring(BOOT_LIB.length()));
						}
						h2Jars++;
					}
				}
				if (!boot) {
					h2Jars += copyH2BesideExtracted(jar, source, temporary.resolve("lib"));
				}
			}
			if (h2Jars != 1 || classes == 0) {
				throw new IOException(source + " does not hold the application classes and one H2 jar");
			}
			Files.createFile(temporary.resolve("complete"));
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException lostRace) {
				// another launch unpacked the same jar first (Linux reports "directory
				// not empty");
				// its copy is as good as ours
				if (!Files.isRegularFile(target.resolve("complete"))) {
					throw lostRace;
				}
			}
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/**
	 * The extracted form names its libraries in the manifest's Class-Path, relative to
	 * the jar.
	 */
	private static int copyH2BesideExtracted(JarFile jar, Path source, Path lib) throws IOException {
		Manifest manifest = jar.getManifest();
		String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
		int copied = 0;
		if (classPath == null) {
			return 0;
		}
		Path base = source.toAbsolutePath().getParent();
		for (String entry : classPath.trim().split("\\s+")) {
			Path file = base.resolve(entry).normalize();
			String name = file.getFileName().toString();
			if (name.startsWith("h2-") && name.endsWith(".jar") && file.startsWith(base) && Files.isRegularFile(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					copy(in, lib, name);
				}
				copied++;
			}
		}
		return copied;
	}

	private static Manifest manifest() {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		return manifest;
	}

	private static void copy(InputStream in, Path folder, String name) throws IOException {
		Path to = folder.resolve(name).normalize();
		if (!to.startsWith(folder)) {
			throw new IOException("entry outside its folder: " + name);
		}
		Files.createDirectories(folder);
		try (OutputStream out = Files.newOutputStream(to)) {
			in.transferTo(out);
		}
	}

	static void deleteQuietly(Path dir) {
		if (dir == null || !Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				}
				catch (IOException ignored) {
					// a leftover temporary folder is harmless
				}
			});
		}
		catch (IOException ignored) {
			// as above
		}
	}

}
