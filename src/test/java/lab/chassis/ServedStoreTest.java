package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.chassis.store.H2Database;
import lab.chassis.store.H2Server;

/**
 * The fleet's database server in this JVM: it serves the databases it was asked to, with
 * their passwords, on 127.0.0.1 only, to clients that share them; it creates nothing for
 * a client and serves nothing outside its folder.
 */
class ServedStoreTest {

	private static final String PASSWORD = "a-long-random-password";

	@TempDir
	Path dir;

	@Test
	void clientsShareAServedDatabaseAndEveryCommitIsWrittenAtOnce() throws Exception {
		try (H2Server server = new H2Server(dir)) {
			String address = server.serve(dir.resolve("microservices/posts/posts"), PASSWORD);
			assertThat(address).isEqualTo("tcp://127.0.0.1:" + server.port() + "/microservices/posts/posts");
			assertThat(SharedDatabaseIT.listeningSockets(ProcessHandle.current().pid())).as("what this JVM listens on")
				.containsEntry(server.port(), "127.0.0.1");
			assertThat(LaunchArgs.parse("--role=users", "--database=" + address).database()).contains(address);
			try (H2Database writer = H2Database.open(dir.resolve("microservices/posts"), "posts", PASSWORD, address);
					H2Database reader = H2Database.open(dir.resolve("microservices/posts"), "posts", PASSWORD,
							address)) {
				assertThat(writer.isServed()).isTrue();
				assertThat(writer.isHost()).as("a client holds no file").isFalse();
				writer.inTransaction(c -> {
					try (Statement s = c.createStatement()) {
						s.execute("CREATE TABLE NOTES(ID INT PRIMARY KEY, TEXT VARCHAR)");
						s.execute("INSERT INTO NOTES VALUES (1, 'served')");
					}
					return null;
				});
				String read = reader.inTransaction(c -> {
					try (var rs = c.createStatement().executeQuery("SELECT TEXT FROM NOTES WHERE ID = 1")) {
						rs.next();
						return rs.getString(1);
					}
				});
				assertThat(read).isEqualTo("served");
				assertThat(SharedStoreTest.writeDelay(reader)).as("every commit is written before it returns")
					.isEqualTo("0");
			}
			assertThat(server.serve(dir.resolve("microservices/posts/posts"), PASSWORD)).as("served twice, opened once")
				.isEqualTo(address);
		}
	}

	@Test
	void aWrongPasswordAnUnservedDatabaseAndAPathOutsideAreRefused() throws Exception {
		try (H2Server server = new H2Server(dir)) {
			String address = server.serve(dir.resolve("users/users"), PASSWORD);
			assertThatThrownBy(() -> connect(address, "not-the-password")).isInstanceOf(SQLException.class)
				.hasMessageContaining("Wrong user name or password");
			String unserved = "tcp://127.0.0.1:" + server.port() + "/users/other";
			assertThatThrownBy(() -> connect(unserved, PASSWORD)).as("a client cannot create a database")
				.isInstanceOf(SQLException.class);
			assertThat(dir.resolve("users/other.mv.db")).doesNotExist();
			assertThatThrownBy(() -> server.serve(dir.resolve("../elsewhere/users"), PASSWORD))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("is not under");
		}
	}

	@Test
	void afterCloseThePortIsClosedAndNothingIsServed() throws Exception {
		H2Server server = new H2Server(dir);
		server.serve(dir.resolve("payments/payments"), PASSWORD);
		int port = server.port();
		server.close();
		assertThatThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			}
		}).isInstanceOf(ConnectException.class);
		assertThatThrownBy(() -> server.serve(dir.resolve("payments/payments"), PASSWORD))
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("closed");
		try (H2Server again = new H2Server(dir)) {
			assertThatThrownBy(() -> again.serve(dir.resolve("payments/payments"), "another password"))
				.as("the database keeps its password")
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("Wrong user name or password");
			assertThat(again.serve(dir.resolve("payments/payments"), PASSWORD)).as("closed cleanly: it opens again")
				.endsWith("/payments/payments");
		}
	}

	private static Connection connect(String address, String password) throws SQLException {
		Properties credentials = new Properties();
		credentials.setProperty("user", "lab");
		credentials.setProperty("password", password);
		return new org.h2.Driver().connect("jdbc:h2:" + address, credentials);
	}

}
