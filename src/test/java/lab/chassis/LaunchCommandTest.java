package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.Test;

class LaunchCommandTest {

	@Test
	void startsTheCurrentJavaWithSmallFlagsAndTheRoleArguments() {
		List<String> command = LaunchCommand.of("payments")
			.instance("payments-2")
			.port(0)
			.version("v2")
			.peer("users", "http://127.0.0.1:8080/lb/users")
			.timeoutMs(500)
			.fallbacks(false)
			.toList();
		assertThat(command.get(0)).isEqualTo(ProcessHandle.current().info().command().orElseThrow());
		assertThat(command).containsSubsequence(LaunchCommand.JVM_FLAGS);
		assertThat(command).contains("--role=payments", "--instance=payments-2", "--port=0", "--version=v2",
				"--peer.users=http://127.0.0.1:8080/lb/users", "--timeout-ms=500", "--fallbacks=false",
				"--parent-pid=" + ProcessHandle.current().pid());
	}

	@Test
	void theChildsDatabaseServerStaysOnLoopback() {
		assertThat(LaunchCommand.JVM_FLAGS).contains("-Dh2.bindAddress=127.0.0.1");
		assertThat(LaunchCommand.of("users").fallbacks(true).toList()).contains("--fallbacks=true");
	}

	@Test
	void fromClassesTheChildGetsOnlyTheApplicationAndH2() {
		List<String> launcher = LaunchCommand.applicationLauncher();
		assertThat(launcher).hasSize(3);
		assertThat(launcher.get(0)).isEqualTo("-cp");
		assertThat(launcher.get(2)).isEqualTo(LaunchCommand.MAIN_CLASS);
		String[] entries = launcher.get(1).split(File.pathSeparator);
		assertThat(entries).hasSize(2);
		assertThat(entries[1]).contains("h2");
	}

	@Test
	void theChildStartsFromItsOwnPlainMainClassNotTheSpringApplication() throws Exception {
		assertThat(LaunchCommand.MAIN_CLASS).isEqualTo(ServiceMain.class.getName())
			.isNotEqualTo(LaunchCommand.APPLICATION_CLASS);
		assertThat(
				ServiceMain.class.getMethod("main", String[].class).getModifiers() & java.lang.reflect.Modifier.STATIC)
			.isNotZero();
		assertThat(LaunchCommand.of("users").toList()).contains(ServiceMain.class.getName())
			.doesNotContain(LaunchCommand.APPLICATION_CLASS);
	}

	@Test
	void detachedDropsTheParentWatch() {
		assertThat(LaunchCommand.of("users").detached().toList()).noneMatch(a -> a.startsWith("--parent-pid"))
			.contains("--watch-stdin=false");
	}

}
