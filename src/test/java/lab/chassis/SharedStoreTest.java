package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.chassis.store.H2Database;

/**
 * The store in this JVM: the first to open a database serves it to other processes (H2's
 * mixed mode) on 127.0.0.1 only, and names that address in its lock file; a clean close
 * removes it.
 */
class SharedStoreTest {

	@TempDir
	Path dir;

	@Test
	void theFirstToOpenServesTheDatabaseOnLoopbackOnly() throws Exception {
		Path lockFile = dir.resolve("posts.lock.db");
		try (H2Database db = H2Database.open(dir, "posts")) {
			assertThat(db.isHost()).isTrue();
			assertThat(db.reconnects()).isZero();
			assertThat(System.getProperty("h2.bindAddress")).isEqualTo(H2Database.BIND_ADDRESS);
			Properties lock = new Properties();
			try (InputStream in = Files.newInputStream(lockFile)) {
				lock.load(in);
			}
			String server = lock.getProperty("server");
			assertThat(server).matches("localhost:\\d+");
			int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
			assertThat(SharedDatabaseIT.listeningSockets(ProcessHandle.current().pid())).as("what this JVM listens on")
				.containsEntry(port, "127.0.0.1");
			assertThat(writeDelay(db)).as("every commit is written before it returns").isEqualTo("0");
		}
		assertThat(lockFile).doesNotExist();
	}

	/**
	 * The database's {@code WRITE_DELAY}: 0 when every commit is written before it
	 * returns.
	 */
	static String writeDelay(H2Database db) {
		return db.inTransaction(c -> {
			try (var rs = c.createStatement()
				.executeQuery(
						"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
				rs.next();
				return rs.getString(1);
			}
		});
	}

}
