package lab.fleet.supervisor;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import lab.chassis.LaunchArgs;
import lab.chassis.LaunchCommand;
import lab.chassis.store.H2Server;

/**
 * Runs a role as a small JVM with the same java binary and the application's own classes
 * (see {@link LaunchCommand}); the database password goes in the environment. Given a
 * database server, the child connects to its service's database there; without one (or
 * when it cannot serve), the child opens the database in its data folder itself.
 */
public final class JavaLauncher implements Launcher {

	private static final Logger log = LoggerFactory.getLogger(JavaLauncher.class);

	private final H2Server databases;

	/**
	 * @param databases serves the services' databases to the children; null: each child
	 * opens its own
	 */
	public JavaLauncher(H2Server databases) {
		this.databases = databases;
	}

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
		served(spec).ifPresent(command::database);
		return Optional.of(new LaunchSpec(command.toList(),
				Map.of(LaunchArgs.DATABASE_PASSWORD_VARIABLE, spec.databasePassword()), Path.of("").toAbsolutePath()));
	}

	/** The child opens {@code <data dir>/<role>}: the same file, served. */
	private Optional<String> served(ProcessBackend.Spec spec) {
		if (this.databases == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.databases.serve(spec.dataDir().resolve(spec.role()), spec.databasePassword()));
		}
		catch (SQLException ex) {
			log.warn("the database of " + spec.instanceId() + " cannot be served, the process opens it itself: "
					+ ex.getMessage());
			return Optional.empty();
		}
	}

}
