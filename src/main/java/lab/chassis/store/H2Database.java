package lab.chassis.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

import lab.business.shared.Database;
import lab.business.shared.Failure;

/**
 * An embedded H2 database in one file, used through one connection, one transaction at a time.
 * <p>
 * Durability: H2's MVStore normally writes committed changes in the background, up to a second
 * later ({@code WRITE_DELAY}, 500 ms by default), so a {@code kill -9} can lose acknowledged writes.
 * With {@code WRITE_DELAY=0} every commit writes its chunk to the file before {@code commit()}
 * returns. That write reaches the OS page cache, which a killed process cannot lose (only a power
 * cut could; that is beyond this lab). H2 only tries to store if no other thread is storing, so
 * transactions are serialized here: with one commit at a time, no commit can be skipped.
 * For a demo process the single lock costs nothing that matters; each transaction takes micro- to
 * milliseconds, and no remote call is ever made while holding it.
 */
public final class H2Database implements Database, AutoCloseable {

	/** A small page cache (KB): the demo data is tiny and each process must stay under 80 MB. */
	private static final int CACHE_KB = 2048;

	private final ReentrantLock lock = new ReentrantLock(true);
	private final Connection connection;
	private final Path file;
	private volatile boolean closed;

	private H2Database(Connection connection, Path file) {
		this.connection = connection;
		this.file = file;
	}

	/** Opens (creating if needed) the database {@code name} in {@code dir}. */
	public static H2Database open(Path dir, String name) throws SQLException {
		try {
			Files.createDirectories(dir);
		} catch (java.io.IOException e) {
			throw new SQLException("cannot create data dir " + dir + ": " + e.getMessage(), e);
		}
		Path file = dir.toAbsolutePath().resolve(name);
		String url = "jdbc:h2:file:" + file
			+ ";WRITE_DELAY=0"          // commit = written to the file, see the class comment
			+ ";DB_CLOSE_ON_EXIT=FALSE" // the process closes it in its shutdown hook, after the server
			+ ";CACHE_SIZE=" + CACHE_KB;
		Properties credentials = new Properties();
		credentials.setProperty("user", "lab");
		credentials.setProperty("password", "");
		// the driver itself, not DriverManager: that one scans every jar on the class path for
		// drivers, which opens all of the site's jars and costs this process megabytes and time
		Connection connection = new org.h2.Driver().connect(url, credentials);
		connection.setAutoCommit(false);
		return new H2Database(connection, file);
	}

	@Override
	public <T> T inTransaction(Work<T> work) {
		lock.lock();
		try {
			if (closed) {
				throw new IllegalStateException("the database is closed");
			}
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			} catch (SQLException | RuntimeException e) {
				rollbackQuietly();
				if (e instanceof Failure f) {
					throw f;
				}
				if (e instanceof RuntimeException r) {
					throw r;
				}
				throw new IllegalStateException("database error: " + e.getMessage(), e);
			}
		} finally {
			lock.unlock();
		}
	}

	/** The file path without H2's {@code .mv.db} suffix. */
	public Path file() {
		return file;
	}

	@Override
	public void close() {
		lock.lock();
		try {
			if (closed) {
				return;
			}
			closed = true;
			connection.close();
		} catch (SQLException e) {
			System.err.println("closing the database failed: " + e.getMessage());
		} finally {
			lock.unlock();
		}
	}

	private void rollbackQuietly() {
		try {
			connection.rollback();
		} catch (SQLException ignored) {
			// the original error is the one worth reporting
		}
	}

}
