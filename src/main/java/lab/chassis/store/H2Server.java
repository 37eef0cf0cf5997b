package lab.chassis.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.h2.tools.Server;

/**
 * The databases of one fleet, kept open by the process that supervises it (the site) and
 * served to its demo processes over 127.0.0.1, as a database server serves the
 * applications of a real system. A demo process given {@code --database=<address>}
 * connects to it as a client: it loads H2's small client side rather than the whole
 * engine, and pays neither H2's file locking nor its opening of the store, so it starts
 * sooner; and killing any instance, even the first, never takes the database away from
 * the others.
 * <p>
 * <b>Nothing but these databases.</b> The server only opens databases that exist (H2's
 * {@code -ifExists}), and only those under the base folder; this class creates each one
 * itself, with its password, before it names it to a process. A local user who reaches
 * the port can neither create a database nor open one without its password. Its
 * management password is H2's own random one.
 * <p>
 * <b>Durability</b> is the same as the demo processes' own: {@code WRITE_DELAY=0}, so
 * every acknowledged commit is in the file before the commit returns. The files are
 * locked with an OS lock ({@code FILE_LOCK=FS}), which the OS drops when the site dies,
 * so a killed site leaves no lock file behind.
 * <p>
 * Thread-safe: each service's worker serves its own database, side by side.
 * {@link #close()} comes once, after the demo processes are gone.
 */
public final class H2Server implements AutoCloseable {

	static {
		H2Database.bindToLoopback();
	}

	private final Path baseDir;

	/** The databases kept open, each opened once, by whichever caller comes first. */
	private final ConcurrentMap<Path, Served> open = new ConcurrentHashMap<>();

	/** Guarded by this. */
	private Server server;

	private volatile boolean closed;

	/**
	 * A server for the databases under {@code baseDir}; nothing starts before the first
	 * {@link #serve}.
	 */
	public H2Server(Path baseDir) {
		this.baseDir = baseDir.toAbsolutePath().normalize();
	}

	/**
	 * Creates the database {@code file} (a path under the base folder, without H2's
	 * suffix) with {@code password} if it does not exist yet, keeps it open, and returns
	 * the address a demo process gives as {@code --database}:
	 * {@code tcp://127.0.0.1:<port>/<path under the base folder>}. Different databases
	 * open side by side; callers of one database wait for its first opening.
	 * @throws SQLException if the database cannot be opened or served, the password does
	 * not fit it, or {@code file} is not under the base folder
	 */
	public String serve(Path file, String password) throws SQLException {
		Path absolute = file.toAbsolutePath().normalize();
		if (!absolute.startsWith(this.baseDir) || absolute.equals(this.baseDir)) {
			throw new SQLException(file + " is not under " + this.baseDir);
		}
		H2Database.checkBindAddress();
		int port = start();
		this.open.computeIfAbsent(absolute, Served::new).open(password);
		return "tcp://" + H2Database.BIND_ADDRESS + ":" + port + "/"
				+ this.baseDir.relativize(absolute).toString().replace('\\', '/');
	}

	/** The port, or 0 before the first database is served. */
	public synchronized int port() {
		return (this.server != null) ? this.server.getPort() : 0;
	}

	private synchronized int start() throws SQLException {
		if (this.closed) {
			throw new SQLException("the database server is closed");
		}
		if (this.server == null) {
			H2Database.createDirectories(this.baseDir);
			// port 0: any free port; no -tcpAllowOthers: connections from this machine
			// only
			this.server = Server
				.createTcpServer("-tcpPort", "0", "-baseDir", this.baseDir.toString(), "-ifExists", "-tcpDaemon")
				.start();
		}
		return this.server.getPort();
	}

	/** One database, opened here once and then kept open. */
	private final class Served {

		private final Path file;

		/** Guarded by this; null until opened. */
		private Connection connection;

		Served(Path file) {
			this.file = file;
		}

		synchronized void open(String password) throws SQLException {
			if (this.connection != null) {
				return;
			}
			if (H2Server.this.closed) {
				throw new SQLException("the database server is closed");
			}
			H2Database.createDirectories(this.file.getParent());
			// closed in close(), after the clients are gone, not in a hook of H2's own
			// that would close it under them while the site is stopping
			String url = "jdbc:h2:file:" + this.file + ";FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
					+ ";CACHE_SIZE=" + H2Database.CACHE_KB;
			this.connection = H2Database.connect(url, password);
		}

		synchronized void close() {
			if (this.connection == null) {
				return;
			}
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				System.err.println("closing " + this.file.getFileName() + " failed: " + ex.getMessage());
			}
			this.connection = null;
		}

	}

	/**
	 * Stops the server (ending its clients' sessions), then closes the databases, which
	 * writes them out.
	 */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
			if (this.server != null) {
				this.server.stop();
			}
		}
		this.open.values().forEach(Served::close);
	}

}
