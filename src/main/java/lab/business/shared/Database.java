package lab.business.shared;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a module needs from its store: run some JDBC work in one transaction. The chassis
 * decides which database that is (one per service, shared by all its instances), so the
 * same module code runs in a service or in the monolith. Other instances write to the
 * same tables at the same time, so a module never assumes it is alone: seeding goes
 * through {@link Seeds}, and uniqueness is left to constraints.
 */
public interface Database {

	/**
	 * Runs {@code work} in one transaction and commits it; rolls back and rethrows if the
	 * work fails. When this returns, the commit is on disk: an acknowledged write
	 * survives a crash of the process. {@code work} may be run a second time (on a new
	 * connection) if the first run lost the database before committing, so it must not
	 * have effects outside the database. Fails with {@code store.unavailable} (503) when
	 * the database cannot be reached in time, or when the connection broke during the
	 * commit, so the outcome is unknown.
	 */
	<T> T inTransaction(Work<T> work);

	/**
	 * Runs {@code work} as {@link #inTransaction} does, as the only set-up in progress
	 * among all the processes that share this database. Modules create their tables and
	 * seed them this way, so instances starting at the same moment do not trip over each
	 * other's schema changes (H2's {@code CREATE INDEX IF NOT EXISTS} fails when another
	 * session creates the same index at the same time). The default, for a database no
	 * one shares, is a plain transaction.
	 */
	default <T> T inSetUp(Work<T> work) {
		return inTransaction(work);
	}

	/** A piece of JDBC work. */
	@FunctionalInterface
	interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

	/** True if the exception says a unique or primary key constraint was violated. */
	static boolean isDuplicateKey(SQLException e) {
		return "23505".equals(e.getSQLState());
	}

}
