package lab.chassis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import lab.chassis.store.H2Server;

/**
 * The demo processes' class-data archive: the classes a demo process loads, parsed and
 * laid out once by the JVM and mapped into every later start, which starts each child
 * faster and lets them share that memory. AppCDS ({@code -XX:SharedArchiveFile}) up to
 * Java 24, the AOT cache ({@code -XX:AOTCache}, JEP 483/514) from Java 25 on.
 * <p>
 * An archive is only valid for the JVM, its flags and the class path it was made with, so
 * its file name is a hash of all three (the jars by content): a rebuilt jar, another JDK
 * or other flags find no archive rather than a wrong one. The first launch that finds
 * none starts one training run in the background ({@link ArchiveTraining}) and goes on
 * without; later launches use it. The training process gets its database served by the
 * JVM that trains it, as the fleet's children do, so the archive holds H2's client side
 * and not its engine (Java 25 loads every class of an AOT cache at start). The JVM checks
 * the class path again when it maps the archive and, with the default
 * {@code -Xshare:auto}, ignores one that does not fit. Class folders (running from
 * {@code target/classes}) get no archive: the JVM archives classes from jars only.
 */
public final class ChildArchive {

	/**
	 * Java 25 and later have the one-step AOT cache; earlier ones use a dynamic AppCDS
	 * archive.
	 */
	static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

	private static final long TRAINING_TIMEOUT_SECONDS = 120;

	/**
	 * {@code -Dlab.archive=off} starts every child without an archive (to compare, as
	 * bench/ does).
	 */
	static final String SWITCH = "lab.archive";

	/**
	 * The archives trained (or being trained) by this JVM: one training per archive, even
	 * a failed one.
	 */
	private static final Map<Path, Boolean> TRAINING = new ConcurrentHashMap<>();

	/** Hashing the jars costs a few milliseconds: once per class path and flags. */
	private static final Map<String, java.util.Optional<Path>> LOCATIONS = new ConcurrentHashMap<>();

	private ChildArchive() {
	}

	/** The default folder: {@code ~/.cache/microservices-lab/archives}. */
	static Path defaultFolder() {
		return Path.of(System.getProperty("user.home"), ".cache", "microservices-lab", "archives");
	}

	/**
	 * The flags that use the archive for this class path and these JVM flags, when it
	 * exists; empty otherwise (and then a training run is started, once, to make it).
	 */
	static List<String> flags(String classPath, List<String> jvmFlags, Path folder) {
		if ("off".equals(System.getProperty(SWITCH))) {
			return List.of();
		}
		Path archive = LOCATIONS
			.computeIfAbsent(folder + "\0" + classPath + "\0" + jvmFlags,
					k -> java.util.Optional.ofNullable(archiveFor(classPath, jvmFlags, folder)))
			.orElse(null);
		if (archive == null) {
			return List.of();
		}
		if (Files.isRegularFile(archive)) {
			return List.of(useFlag(archive));
		}
		if (TRAINING.putIfAbsent(archive, Boolean.TRUE) == null) {
			Thread trainer = new Thread(() -> train(classPath, jvmFlags, archive), "archive-training");
			trainer.setDaemon(true);
			trainer.start();
		}
		return List.of();
	}

	/**
	 * Makes the archive that children of the application in {@code applicationJar} (the
	 * Spring Boot jar or its extracted form) will use, now rather than on their first
	 * launch; true when it exists.
	 */
	public static boolean prepare(Path applicationJar) {
		try {
			String classPath = UnpackedApp.classPath(applicationJar, UnpackedApp.defaultCacheRoot());
			Path archive = archiveFor(classPath, LaunchCommand.JVM_FLAGS, defaultFolder());
			return archive != null
					&& (Files.isRegularFile(archive) || train(classPath, LaunchCommand.JVM_FLAGS, archive));
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * Where the archive for this class path and these flags lives; null when it cannot
	 * have one.
	 */
	static Path archiveFor(String classPath, List<String> jvmFlags, Path folder) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			update(digest, System.getProperty("java.home"));
			update(digest, System.getProperty("java.vm.version"));
			jvmFlags.forEach(flag -> update(digest, flag));
			for (String entry : classPath.split(java.io.File.pathSeparator)) {
				Path jar = Path.of(entry);
				if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
					return null;
				}
				update(digest, jar.toAbsolutePath().toString());
				try (InputStream in = Files.newInputStream(jar)) {
					byte[] buffer = new byte[64 * 1024];
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						digest.update(buffer, 0, n);
					}
				}
			}
			String key = HexFormat.of().formatHex(digest.digest(), 0, 16);
			return folder.resolve(key + (AOT_CACHE ? ".aot" : ".jsa"));
		}
		catch (IOException | NoSuchAlgorithmException e) {
			return null;
		}
	}

	static String useFlag(Path archive) {
		return (AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive;
	}

	/**
	 * Runs the training process and moves its archive into place under the final name; a
	 * failed training leaves nothing behind, so the children simply start without an
	 * archive.
	 */
	static boolean train(String classPath, List<String> jvmFlags, Path archive) {
		Path work = null;
		H2Server databases = null;
		try {
			Files.createDirectories(archive.getParent());
			work = Files.createTempDirectory(archive.getParent(), "training-");
			Path output = work.resolve(archive.getFileName());
			List<String> command = new ArrayList<>();
			command.add(LaunchCommand.javaBinary());
			command.addAll(jvmFlags);
			command.add((AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + output);
			// served from here, as the fleet serves its children's databases: the archive
			// then holds H2's client side only, not the engine a child does not load
			// (Java 25 loads every class of its AOT cache at start)
			Path data = work.resolve("data");
			String password = randomHex();
			databases = new H2Server(data);
			String database = databases.serve(data.resolve("monolith"), password);
			command.addAll(List.of("-cp", classPath, LaunchCommand.MAIN_CLASS, "--role=monolith", "--port=0",
					"--log=none", "--instance=training", "--data-dir=" + data, "--database=" + database,
					"--parent-pid=" + ProcessHandle.current().pid(), ArchiveTraining.FLAG));
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(work.resolve("training.log").toFile());
			builder.environment().put(LaunchArgs.DATABASE_PASSWORD_VARIABLE, password);
			Process process = builder.start();
			boolean ended = process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if (!ended) {
				process.destroyForcibly();
				return false;
			}
			if (process.exitValue() != 0 || !Files.isRegularFile(output) || Files.size(output) == 0) {
				return false;
			}
			Files.move(output, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return true;
		}
		catch (IOException | SQLException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			if (databases != null) {
				databases.close();
			}
			UnpackedApp.deleteQuietly(work);
		}
	}

	private static String randomHex() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}

}
