package lab.fleet.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Where one fleet keeps its data: a slot ({@code site-1}, {@code site-2} …) under the
 * user's own state directory, held with a file lock for as long as the fleet lives. The
 * first copy of the site gets {@code site-1} again on every start (its posts survive a
 * restart); a second copy started meanwhile by the same user gets {@code site-2}, so the
 * two never share or corrupt a database.
 * <p>
 * Folders are {@code 0700} and the database password file {@code 0600}: other users of a
 * shared machine read nothing, not even H2's lock files (which name the database server's
 * port and key). The password is random, made once per slot, and reaches the demo
 * processes through their environment, never their command line.
 */
public final class DataSlot implements AutoCloseable {

	/** The most copies of the site one user can run side by side. */
	static final int MAX_SLOTS = 32;

	private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private final Path dir;

	private final FileChannel channel;

	private final FileLock lock;

	private final String databasePassword;

	private DataSlot(Path dir, FileChannel channel, FileLock lock, String databasePassword) {
		this.dir = dir;
		this.channel = channel;
		this.lock = lock;
		this.databasePassword = databasePassword;
	}

	/**
	 * The root of every slot: {@code configured} when given, else
	 * {@code $XDG_STATE_HOME/microservices-lab}, else
	 * {@code ~/.local/state/microservices-lab}.
	 */
	public static Path root(Path configured, Map<String, String> environment, String userHome) {
		if (configured != null) {
			return configured.toAbsolutePath();
		}
		String state = environment.get("XDG_STATE_HOME");
		// the XDG spec: a relative value is invalid and is ignored
		Path base = (state != null && Path.of(state).isAbsolute()) ? Path.of(state)
				: Path.of(userHome, ".local", "state");
		return base.resolve("microservices-lab");
	}

	/**
	 * Takes the first free slot under {@code root}, creating folders private to this
	 * user.
	 */
	public static DataSlot claim(Path root) {
		try {
			ownerOnlyFolder(root);
			for (int n = 1; n <= MAX_SLOTS; n++) {
				Path dir = root.resolve("site-" + n);
				ownerOnlyFolder(dir);
				FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE);
				FileLock lock = tryLock(channel);
				if (lock == null) {
					channel.close();
					continue;
				}
				return new DataSlot(dir, channel, lock, password(dir.resolve("database-password")));
			}
			throw new IllegalStateException(
					"all " + MAX_SLOTS + " data slots under " + root + " are in use by other copies of the site");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare the fleet's data folder " + root, ex);
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// another fleet in this same JVM holds it
			return null;
		}
	}

	private static void ownerOnlyFolder(Path dir) throws IOException {
		if (!posix(dir)) {
			Files.createDirectories(dir);
			return;
		}
		if (!Files.isDirectory(dir)) {
			Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
		}
		// also for a folder that was there before (lab.fleet.data-dir, or one made by an
		// older version)
		Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
	}

	private static String password(Path file) throws IOException {
		if (!Files.exists(file)) {
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			FileAttribute<?>[] attributes = posix(file.getParent())
					? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE) }
					: new FileAttribute<?>[0];
			try {
				Files.writeString(Files.createFile(file, attributes), made, StandardCharsets.US_ASCII);
			}
			catch (FileAlreadyExistsException ex) {
				// made meanwhile: read it below
			}
		}
		if (posix(file)) {
			Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
		}
		String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
		if (password.isEmpty()) {
			throw new IOException(file + " is empty");
		}
		return password;
	}

	private static boolean posix(Path path) {
		Path existing = path.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/**
	 * This fleet's own folder: its services' databases and its processes' logs go under
	 * it.
	 */
	public Path dir() {
		return this.dir;
	}

	/** The password of every database of this fleet. */
	String databasePassword() {
		return this.databasePassword;
	}

	/** Gives the slot back (the next copy of the site may take it). */
	@Override
	public void close() {
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			// the lock goes with the channel anyway
		}
	}

}
