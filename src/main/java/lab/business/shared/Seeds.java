package lab.business.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Seeding once per database, not once per process: several instances of a service share
 * one database and may start at the same moment. Each module claims its seed by inserting
 * its name into the {@code seeded} table in the same transaction that writes the seed
 * rows. The primary key lets only one claim in: a second instance's insert waits for the
 * first transaction and then fails with a duplicate key, so it skips seeding; if the
 * first one crashed before committing, the second claim succeeds and seeds instead.
 */
public final class Seeds {

	private Seeds() {
	}

	/**
	 * Claims the seed of {@code module} in the transaction of {@code c}; true if the
	 * caller must seed now (and commit), false if another transaction has claimed it
	 * already.
	 */
	public static boolean claim(Connection c, String module) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("CREATE TABLE IF NOT EXISTS seeded (module VARCHAR(40) PRIMARY KEY)");
		}
		try (PreparedStatement ps = c.prepareStatement("INSERT INTO seeded (module) VALUES (?)")) {
			ps.setString(1, module);
			ps.executeUpdate();
			return true;
		}
		catch (SQLException e) {
			if (Database.isDuplicateKey(e)) {
				return false;
			}
			throw e;
		}
	}

}
