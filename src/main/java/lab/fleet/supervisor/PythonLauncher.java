package lab.fleet.supervisor;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import lab.chassis.LaunchCommand;
import lab.chassis.PythonThreads;

/**
 * Runs Threads v3 with Python 3: the script the jar carries, written beside the service's
 * data (its {@code program} folder) before each launch, with the same arguments a Java
 * demo process gets. Asked before the Java launcher; plans nothing for any other role or
 * version.
 */
@Component
public final class PythonLauncher implements Launcher {

	@Override
	public Optional<LaunchSpec> plan(ProcessBackend.Spec spec) {
		if (!PythonThreads.serves(spec.role(), spec.version())) {
			return Optional.empty();
		}
		LaunchCommand command = LaunchCommand.of(spec.role())
			.instance(spec.instanceId())
			.version(spec.version())
			.dataDir(spec.dataDir())
			.timeoutMs(spec.peerTimeout().toMillis())
			.fallbacks(spec.fallbacks())
			.scriptDir(spec.dataDir().resolve("program"))
			.arg("log", "none");
		spec.peers().forEach(command::peer);
		return Optional.of(new LaunchSpec(command.toList(), Map.of(), Path.of("").toAbsolutePath()));
	}

}
