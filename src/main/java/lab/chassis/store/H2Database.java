package lab.chassis.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.api.ErrorCode;
import org.h2.engine.SessionRemote;
import org.h2.jdbc.JdbcConnection;

import lab.business.shared.Database;
import lab.business.shared.Failure;

/**
 * One H2 file database per service, shared by every instance of the service. In the fleet
 * the site serves it ({@link H2Server}) and every instance connects as a client (the
 * address comes as {@code --database}). Otherwise the instances that run on the same data
 * dir share it through H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}): the first
 * instance opens the file itself and serves it to the others over TCP; the others connect
 * to it; the rest of this comment is about that way. Each process uses one connection,
 * one transaction at a time.
 * <p>
 * <b>Loopback only.</b> H2's server binds and advertises {@code h2.bindAddress}, which
 * this class sets to {@value #BIND_ADDRESS} before H2 loads (the launch command passes it
 * too); without it H2 would listen on every interface and write the machine's LAN address
 * into its lock file. Opening fails if H2 was loaded with another bind address. H2 writes
 * {@code 127.0.0.1} into the lock file as {@code localhost}, which resolves to it.
 * <p>
 * <b>Durability.</b> H2's MVStore normally writes committed changes in the background, up
 * to a second later ({@code WRITE_DELAY}), so a {@code kill -9} could lose acknowledged
 * writes. With {@code WRITE_DELAY=0} the hosting process writes every commit's chunk to
 * the file before the commit returns, whichever session committed: a remote instance's
 * {@code COMMIT} runs in the host, which answers only after the write (H2 2.4: a
 * transaction's end calls the blocking {@code MVStore.commit()}, which waits for a store
 * already running and then stores again, so concurrent commits from several processes
 * cannot skip one). The write reaches the OS page cache, which a killed process cannot
 * lose (only a power cut could; that is beyond this lab). So an acknowledged write
 * survives {@code kill -9} of the instance that acknowledged it and of the one hosting
 * the database.
 * <p>
 * <b>When the host dies.</b> H2's own {@code AUTO_RECONNECT} (implied by
 * {@code AUTO_SERVER}) only reconnects connections in auto-commit mode, and these are
 * not, so this class reconnects itself: a transaction that finds its connection broken
 * opens a new one (the first survivor to do so becomes the new host, the others connect
 * to it) and runs the work again if the break came before the commit (nothing was
 * committed). A break during the commit of a transaction that only read is harmless (its
 * result stands); a break during the commit of a write leaves the outcome unknown and
 * fails with {@code store.unavailable} (503): the client was not told "done", and may
 * retry. <b>Opening together.</b> Opens, and the modules' set-up (creating and seeding
 * their tables, see {@link #inSetUp}), are serialized between processes by an OS file
 * lock ({@code <name>.opening.lock}, released by the OS when a process dies). Under it,
 * H2's lock file left behind by a killed host (its server refuses connections) is
 * removed, so a survivor or a restart takes over in about 0.2 s instead of H2's 3 s;
 * instances starting together do not run into H2's slow path (about 4 s) or into each
 * other's {@code CREATE INDEX}.
 * <p>
 * Every process closes the database in its own shutdown; the host's H2 also closes it in
 * a shutdown hook of its own (mixed mode requires that), which ends the other instances'
 * sessions (they reconnect, one of them becomes the host).
 */
public final class H2Database implements Database, AutoCloseable {

	/**
	 * The only address H2's server may bind and advertise: the lab's traffic stays on
	 * loopback.
	 */
	public static final String BIND_ADDRESS = "127.0.0.1";

	static {
		bindToLoopback();
	}

	/** The user of every database of the lab. */
	static final String USER = "lab";

	/**
	 * A small page cache (KB): the demo data is tiny and each process must stay under 80
	 * MB.
	 */
	static final int CACHE_KB = 2048;

	/**
	 * How long opening may wait for other instances (one opening, or taking over from a
	 * dead host).
	 */
	static final long OPEN_MILLIS = 15_000;

	/**
	 * How long a transaction waits for the database to be served again after its host
	 * died.
	 */
	static final long RECONNECT_MILLIS = 6_000;

	private static final long RETRY_PAUSE_MILLIS = 50;

	private static final int PROBE_MILLIS = 300;

	/**
	 * One open at a time in this JVM: the OS file lock is held per process, not per
	 * thread.
	 */
	private static final Object OPENING_IN_THIS_JVM = new Object();

	/** Errors that mean the connection to the host is gone. */
	private static final Set<Integer> CONNECTION_LOST = Set.of(ErrorCode.CONNECTION_BROKEN_1,
			ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.DATABASE_IS_CLOSED);

	/**
	 * Errors while opening that pass once another instance has finished opening or taking
	 * over.
	 */
	private static final Set<Integer> OPEN_AGAIN = Set.of(ErrorCode.DATABASE_ALREADY_OPEN_1,
			ErrorCode.ERROR_OPENING_DATABASE_1, ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN,
			ErrorCode.DATABASE_IS_CLOSED, ErrorCode.LOCK_TIMEOUT_1);

	private final ReentrantLock lock = new ReentrantLock(true);

	private final Path file;

	private final String url;

	private final String password;

	/**
	 * Guarded by {@link #lock}; null after the connection was lost, until the next
	 * transaction reconnects.
	 */
	private Connection connection;

	private volatile boolean host;

	private volatile boolean closed;

	private final AtomicLong reconnects = new AtomicLong();

	private H2Database(Path file, String url, String password) {
		this.file = file;
		this.url = url;
		this.password = password;
	}

	/**
	 * Opens the database {@code name} in {@code dir}: creates and serves it if no other
	 * process does, or connects to the instance that serves it.
	 */
	public static H2Database open(Path dir, String name) throws SQLException {
		return open(dir, name, "");
	}

	/**
	 * The same with a password: a database is created with it, and every instance that
	 * shares the database must give the same (the supervisor passes it in the
	 * environment, not on the command line).
	 */
	public static H2Database open(Path dir, String name, String password) throws SQLException {
		return open(dir, name, password, null);
	}

	/**
	 * The same through a database server ({@link H2Server}) when {@code server} is an
	 * address it gave ({@code tcp://127.0.0.1:<port>/<path>}); {@code dir} still holds
	 * the opening lock that serializes the set-up of the service's instances. With
	 * {@code server} null, as {@link #open(Path, String, String)}.
	 */
	public static H2Database open(Path dir, String name, String password, String server) throws SQLException {
		createDirectories(dir);
		checkBindAddress();
		Path file = dir.toAbsolutePath().resolve(name);
		H2Database db = new H2Database(file, (server != null) ? "jdbc:h2:" + server : url(file), password);
		db.connection = db.connect(OPEN_MILLIS);
		return db;
	}

	static String url(Path file) {
		return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE" // the first process serves
															// the file to the others, see
															// the class comment
				+ ";WRITE_DELAY=0" // commit = written to the file, see the class comment
				+ ";CACHE_SIZE=" + CACHE_KB;
	}

	/**
	 * Sets {@code h2.bindAddress} to {@value #BIND_ADDRESS} unless it is set: H2 reads it
	 * once, when it first loads its system properties, so this must run before that.
	 */
	static void bindToLoopback() {
		if (System.getProperty("h2.bindAddress") == null) {
			System.setProperty("h2.bindAddress", BIND_ADDRESS);
		}
	}

	static void checkBindAddress() throws SQLException {
		String bind = org.h2.engine.SysProperties.BIND_ADDRESS;
		if (!BIND_ADDRESS.equals(bind)) {
			throw new SQLException(
					"H2 was loaded with h2.bindAddress=" + bind + ", so it would serve the database beyond "
							+ "the loopback interface; start the JVM with -Dh2.bindAddress=" + BIND_ADDRESS);
		}
	}

	@Override
	public <T> T inTransaction(Work<T> work) {
		lock.lock();
		try {
			for (int attempt = 1;; attempt++) {
				if (closed) {
					throw new IllegalStateException("the database is closed");
				}
				Connection c = connection();
				T result = null;
				Stage stage = Stage.WORKING;
				try {
					result = work.run(c);
					stage = hasWrites(c) ? Stage.COMMITTING : Stage.READ_ONLY;
					c.commit();
					return result;
				}
				catch (SQLException | RuntimeException e) {
					if (lostConnection(e, c)) {
						dropConnection(e);
						if (stage == Stage.READ_ONLY) {
							// all its reads were answered, and there was nothing to
							// commit
							return result;
						}
						if (stage == Stage.WORKING && attempt == 1) {
							// the host's transaction died with it, nothing was committed:
							// run the work again
							continue;
						}
						throw Failure.storeUnavailable(stage == Stage.COMMITTING
								? "the database went away during the commit, so it may or may not have been made"
								: "the database went away twice during one request");
					}
					rollbackQuietly(c);
					if (e instanceof Failure f) {
						throw f;
					}
					if (e instanceof RuntimeException r) {
						throw r;
					}
					throw new IllegalStateException("database error: " + e.getMessage(), e);
				}
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * A transaction under the opening lock, which every instance sharing the database
	 * takes to open it, so no two of them create or seed tables at the same time.
	 */
	@Override
	public <T> T inSetUp(Work<T> work) {
		// same order as a reconnect inside a transaction: this lock first, then the
		// opening lock
		lock.lock();
		try {
			return whileOpening(() -> inTransaction(work));
		}
		catch (SQLException e) {
			throw new IllegalStateException("database error: " + e.getMessage(), e);
		}
		finally {
			lock.unlock();
		}
	}

	/** The file path without H2's {@code .mv.db} suffix. */
	public Path file() {
		return file;
	}

	/**
	 * True while this process holds the database file and serves it to the other
	 * instances.
	 */
	public boolean isHost() {
		return host;
	}

	/**
	 * True when a database server ({@link H2Server}) serves the database to this process.
	 */
	public boolean isServed() {
		return url.startsWith("jdbc:h2:tcp:");
	}

	/**
	 * How often this process had to connect again because the instance serving the
	 * database went away.
	 */
	public long reconnects() {
		return reconnects.get();
	}

	@Override
	public void close() {
		lock.lock();
		try {
			if (closed) {
				return;
			}
			closed = true;
			if (connection != null) {
				connection.close();
			}
		}
		catch (SQLException e) {
			System.err.println("closing the database failed: " + e.getMessage());
		}
		finally {
			connection = null;
			host = false;
			lock.unlock();
		}
	}

	// ---------------------------------------------------------------- connecting

	private Connection connection() {
		if (connection != null) {
			return connection;
		}
		try {
			connection = connect(RECONNECT_MILLIS);
		}
		catch (SQLException e) {
			System.err.println("the database " + file.getFileName() + " cannot be reached: " + e.getMessage());
			throw Failure.storeUnavailable("the database cannot be reached yet; try again in a moment");
		}
		reconnects.incrementAndGet();
		System.err.println("reconnected to the database " + file.getFileName() + (host ? ", serving it now" : ""));
		return connection;
	}

	/**
	 * Connects, retrying while another instance is opening the database or taking it
	 * over.
	 */
	private Connection connect(long budgetMillis) throws SQLException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
		while (true) {
			try {
				Connection c = whileOpening(this::connectOnce);
				host = !(((JdbcConnection) c).getSession() instanceof SessionRemote);
				return c;
			}
			catch (SQLException e) {
				if (!OPEN_AGAIN.contains(e.getErrorCode()) || System.nanoTime() > deadline
						|| !pause(RETRY_PAUSE_MILLIS)) {
					throw e;
				}
			}
		}
	}

	private Connection connectOnce() throws SQLException {
		removeStaleLockFile();
		Connection c = connect(url, password);
		try {
			c.setAutoCommit(false);
		}
		catch (SQLException e) {
			closeQuietly(c);
			throw e;
		}
		return c;
	}

	/** A connection as the lab's user, in auto-commit mode. */
	static Connection connect(String url, String password) throws SQLException {
		Properties credentials = new Properties();
		credentials.setProperty("user", USER);
		credentials.setProperty("password", password);
		// the driver itself, not DriverManager: that one scans every jar on the class
		// path for drivers, which opens all of the site's jars and costs this process
		// megabytes and time
		return new org.h2.Driver().connect(url, credentials);
	}

	/** {@link Files#createDirectories}, failing as the rest of this package does. */
	static void createDirectories(Path dir) throws SQLException {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new SQLException("cannot create " + dir + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Runs {@code body} holding the opening lock (or without it, if it cannot be had in
	 * time). Taken again by the same thread (a reconnect during set-up), it just runs
	 * {@code body}: a second channel on the lock file must not be opened, since closing
	 * it would drop the process's lock.
	 */
	private <T> T whileOpening(SqlSupplier<T> body) throws SQLException {
		if (Thread.holdsLock(OPENING_IN_THIS_JVM)) {
			return body.get();
		}
		synchronized (OPENING_IN_THIS_JVM) {
			FileChannel held = lockForOpening(Path.of(file + ".opening.lock"));
			try {
				return body.get();
			}
			finally {
				if (held != null) {
					try {
						held.close(); // releases the lock
					}
					catch (IOException ignored) {
						// the OS releases it with the process anyway
					}
				}
			}
		}
	}

	/**
	 * The opening lock: an OS lock on a small file, polled so that it cannot hang a
	 * start. Without it (read-only folder, or held too long) the open goes on: H2's own
	 * lock file still protects the data, it is only slower when instances open at the
	 * same moment.
	 */
	private static FileChannel lockForOpening(Path path) {
		FileChannel channel = null;
		try {
			channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OPEN_MILLIS);
			while (System.nanoTime() < deadline) {
				if (channel.tryLock() != null) {
					return channel;
				}
				if (!pause(10)) {
					break;
				}
			}
		}
		catch (IOException | OverlappingFileLockException e) {
			// open without it
		}
		closeQuietly(channel);
		return null;
	}

	/**
	 * Removes H2's lock file if the process it names is gone. H2 leaves the file behind
	 * when the process serving the database is killed; the next opener would retry the
	 * dead server for about a second and then watch the file for two more before taking
	 * over. Called under the opening lock, so no other instance is half-way through
	 * opening: a file that names a server that refuses connections is stale. A file
	 * naming anything but a loopback address is refused outright, so that H2 never tries
	 * to reach it.
	 */
	private void removeStaleLockFile() throws SQLException {
		Path lockFile = Path.of(file + ".lock.db");
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(lockFile)) {
			properties.load(in);
		}
		catch (NoSuchFileException e) {
			return;
		}
		catch (IOException | IllegalArgumentException e) {
			return; // unreadable: H2's own checks decide
		}
		String server = properties.getProperty("server");
		int colon = server == null ? -1 : server.lastIndexOf(':');
		if (colon < 0) {
			return;
		}
		InetAddress address;
		int port;
		try {
			address = InetAddress.getByName(server.substring(0, colon).replace("[", "").replace("]", ""));
			port = Integer.parseInt(server.substring(colon + 1));
		}
		catch (UnknownHostException | NumberFormatException e) {
			throw new SQLException(lockFile + " names server '" + server + "', which is not a loopback address");
		}
		if (!address.isLoopbackAddress()) {
			throw new SQLException(lockFile + " names server " + server + ", which is not a loopback address;"
					+ " refusing to contact it (delete the file if no process uses the database)");
		}
		if (refuses(address, port)) {
			try {
				Files.deleteIfExists(lockFile);
			}
			catch (IOException e) {
				// H2 takes over the slow way
			}
		}
	}

	private static boolean refuses(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), PROBE_MILLIS);
			return false;
		}
		catch (ConnectException e) {
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	// ---------------------------------------------------------------- losing it

	/**
	 * Where a transaction was when its connection broke, which decides whether it can be
	 * run again.
	 */
	private enum Stage {

		WORKING, READ_ONLY, COMMITTING

	}

	/**
	 * Whether the transaction on {@code c} changed anything (one more round trip for an
	 * instance that is not the host; the host never loses its connection, so it does not
	 * ask).
	 */
	private boolean hasWrites(Connection c) {
		return host || ((JdbcConnection) c).getSession().hasPendingTransaction();
	}

	/**
	 * True if {@code e} says the connection to the host is gone (never for the host
	 * itself).
	 */
	private boolean lostConnection(Exception e, Connection c) {
		if (host) {
			return false;
		}
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException s && CONNECTION_LOST.contains(s.getErrorCode())) {
				return true;
			}
		}
		try {
			return c.isClosed();
		}
		catch (SQLException ignored) {
			return true;
		}
	}

	private void dropConnection(Exception why) {
		System.err.println("lost the database " + file.getFileName() + ": " + firstLine(why.getMessage()));
		closeQuietly(connection);
		connection = null;
	}

	private static String firstLine(String text) {
		return text == null ? "" : text.lines().findFirst().orElse("");
	}

	private static void rollbackQuietly(Connection c) {
		try {
			c.rollback();
		}
		catch (SQLException ignored) {
			// the original error is the one worth reporting
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ignored) {
			// nothing more to do
		}
	}

	/** Sleeps; false if interrupted (the flag is set again). */
	private static boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@FunctionalInterface
	private interface SqlSupplier<T> {

		T get() throws SQLException;

	}

}
