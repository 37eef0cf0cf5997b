package lab.fleet.supervisor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one demo process on this machine: any command line (a JVM, a Python
 * interpreter …), the environment it gets on top of the site's (secrets go here, never on
 * the command line, where {@code ps} shows them), and its working directory.
 */
public record LaunchSpec(List<String> command, Map<String, String> environment, Path workingDirectory) {

	public LaunchSpec {
		command = List.copyOf(command);
		environment = Map.copyOf(environment);
	}

	@Override
	public String toString() {
		return "LaunchSpec" + this.command + " in " + this.workingDirectory + " with " + this.environment.keySet();
	}

}
