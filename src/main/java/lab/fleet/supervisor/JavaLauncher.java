package lab.fleet.supervisor;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import lab.chassis.LaunchArgs;
import lab.chassis.LaunchCommand;

/**
 * Runs a role as a small JVM with the same java binary and the application's own classes
 * (see {@link LaunchCommand}); the database password goes in the environment.
 */
public final class JavaLauncher implements Launcher {

	@Override
	public Optional<LaunchSpec> plan(ProcessBackend.Spec spec) {
		LaunchCommand command = LaunchCommand.of(spec.role())
			.instance(spec.instanceId())
			.version(spec.version())
			.dataDir(spec.dataDir())
			.timeoutMs(spec.peerTimeout().toMillis())
			.fallbacks(spec.fallbacks())
			.arg("log", "none");
		spec.peers().forEach(command::peer);
		return Optional.of(new LaunchSpec(command.toList(),
				Map.of(LaunchArgs.DATABASE_PASSWORD_VARIABLE, spec.databasePassword()), Path.of("").toAbsolutePath()));
	}

}
