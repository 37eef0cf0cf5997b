package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Threads contract against Threads v3, the Python service, started the way the fleet
 * starts it.
 */
class PythonThreadsContractIT extends ThreadsContract {

	@Override
	LaunchCommand threadsCommand() {
		return LaunchCommand.of("threads").version(PythonThreads.VERSION);
	}

	@Override
	String runtime() {
		return "python";
	}

	@Test
	void version3RunsOnPythonAndTheOtherVersionsOnJava() {
		assertThat(LaunchCommand.of("threads").version("v3").runtime()).isEqualTo("python");
		assertThat(LaunchCommand.of("threads").version("v2").runtime()).isEqualTo("java");
		assertThat(LaunchCommand.of("posts").version("v3").runtime()).isEqualTo("java");
		assertThat(LaunchCommand.of("threads").version("v3").toList().get(0)).contains("python3");
	}

}
