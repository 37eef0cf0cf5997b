package lab.chassis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Threads v3: the Threads service written again in Python 3 (standard library only),
 * shipped inside the application as {@value #RESOURCE} and written out to a folder before
 * its first launch. It takes the same {@code --name=value} arguments as a Java demo
 * process and prints the same READY line, so the supervisor starts, watches and stops it
 * the same way.
 */
public final class PythonThreads {

	/** The version of Threads that runs on Python. */
	public static final String VERSION = "v3";
	static final String RESOURCE = "polyglot/threads_v3.py";

	private static final List<String> PYTHONS = List.of("/usr/bin/python3", "/usr/local/bin/python3");

	private PythonThreads() {
	}

	/** True for the role and version this program serves. */
	public static boolean serves(String role, String version) {
		return Role.THREADS.id().equals(role) && VERSION.equals(version);
	}

	/**
	 * The Python 3 interpreter: the system's own when there is one (it starts faster than
	 * a version manager's shim), else {@code python3} from the PATH.
	 */
	static String interpreter() {
		return PYTHONS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse("python3");
	}

	/**
	 * The script, written into {@code dir} (owner-only) unless the same bytes are there
	 * already; written under a temporary name and renamed, so a concurrent launch never
	 * runs half a file.
	 */
	static Path script(Path dir) throws IOException {
		byte[] bytes;
		try (InputStream in = PythonThreads.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IOException(RESOURCE + " is not in the application");
			}
			bytes = in.readAllBytes();
		}
		Path target = dir.resolve("threads_v3.py");
		if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
			return target;
		}
		Files.createDirectories(dir);
		Path temporary = Files.createTempFile(dir, "threads_v3-", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			Files.write(temporary, bytes);
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		return target;
	}

	/**
	 * The default folder for the script when the caller names none: the user's own cache.
	 */
	static Path defaultDir() {
		return UnpackedApp.defaultCacheRoot().resolve("python-" + HexFormat.of().toHexDigits(RESOURCE.hashCode()));
	}

}
