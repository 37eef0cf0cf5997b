package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LaunchArgsTest {

	@Test
	void parsesEveryArgument() {
		LaunchArgs args = LaunchArgs.parse("--role=posts", "--port=0", "--data-dir=/tmp/x", "--version=v2",
				"--instance=posts-2", "--peer.users=http://127.0.0.1:8080/lb/users", "--parent-pid=1",
				"--timeout-ms=250", "--fallbacks=false", "--log=none",
				"--database=tcp://127.0.0.1:9092/microservices/posts/posts");
		assertThat(args.role()).isEqualTo(Role.POSTS);
		assertThat(args.dataDir()).isEqualTo(Path.of("/tmp/x"));
		assertThat(args.version()).isEqualTo("v2");
		assertThat(args.instance()).isEqualTo("posts-2");
		assertThat(args.peers()).containsEntry("users", "http://127.0.0.1:8080/lb/users");
		assertThat(args.parentPid()).hasValue(1);
		assertThat(args.timeout().toMillis()).isEqualTo(250);
		assertThat(args.fallbacks()).isFalse();
		assertThat(args.logRequests()).isFalse();
		assertThat(args.watchStdin()).isTrue();
		assertThat(args.database()).contains("tcp://127.0.0.1:9092/microservices/posts/posts");
	}

	@Test
	void hasDefaults() {
		LaunchArgs args = LaunchArgs.parse("--role=users");
		assertThat(args.port()).isZero();
		assertThat(args.version()).isEqualTo("v1");
		assertThat(args.instance()).isEqualTo("users-1");
		assertThat(args.timeout().toMillis()).isEqualTo(1000);
		assertThat(args.fallbacks()).isTrue();
		assertThat(args.parentPid()).isEmpty();
		assertThat(args.watchStdin()).isFalse();
		assertThat(args.logRequests()).isTrue();
		assertThat(args.database()).as("opens its own database").isEmpty();
	}

	@Test
	void refusesWhatCannotWork() {
		assertThatThrownBy(() -> LaunchArgs.parse("--role=site")).hasMessageContaining("unknown role");
		assertThatThrownBy(() -> LaunchArgs.parse("--role=posts")).hasMessageContaining("--peer.users");
		assertThatThrownBy(() -> LaunchArgs.parse("--role=threads", "--peer.users=http://a"))
			.hasMessageContaining("--peer.posts");
		assertThatThrownBy(() -> LaunchArgs.parse("--role=users", "--version=v3")).hasMessageContaining("version");
		assertThatThrownBy(() -> LaunchArgs.parse("--role=users", "--port=70000")).hasMessageContaining("port");
		assertThatThrownBy(() -> LaunchArgs.parse("--role=users", "--instance=a b")).hasMessageContaining("instance");
		assertThatThrownBy(() -> LaunchArgs.parse("--role=users", "port=1")).hasMessageContaining("--name=value");
		assertThatThrownBy(() -> LaunchArgs.parse("--role=users", "--fallbacks=yes")).hasMessageContaining("fallbacks");
		assertThatThrownBy(() -> LaunchArgs.parse("--role=users", "--timeout-ms=0")).hasMessageContaining("timeout-ms");
		assertThatThrownBy(() -> LaunchArgs.parse("--role=users", "--timeout-ms=60001"))
			.hasMessageContaining("timeout-ms");
	}

	@Test
	void aDatabaseServerIsOnLoopbackWithAPlainPathAndNoSettings() {
		for (String bad : new String[] { "tcp://10.0.0.7:9092/users/users", "tcp://localhost:9092/users/users",
				"tcp://127.0.0.1:9092/users/users;INIT=RUNSCRIPT FROM 'x'", "tcp://127.0.0.1:9092/../users",
				"tcp://127.0.0.1:9092/users/../../etc", "tcp://127.0.0.1:0/users", "tcp://127.0.0.1:9092/",
				"file:/tmp/users", "ssl://127.0.0.1:9092/users" }) {
			assertThatThrownBy(() -> LaunchArgs.parse("--role=users", "--database=" + bad)).as(bad)
				.hasMessageContaining("database must be tcp://127.0.0.1:<port>/<path>");
		}
	}

}
