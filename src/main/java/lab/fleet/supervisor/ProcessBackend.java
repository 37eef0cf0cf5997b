package lab.fleet.supervisor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts demo processes: the contract every backend keeps (and
 * {@code ProcessBackendContract} in the tests checks). The local implementation runs them
 * as child processes of the site; a fake runs scripted ones for fast tests; another
 * backend (Kubernetes, say) could run them as pods.
 * <ul>
 * <li>{@link #launch} returns at once; {@link Running#ready()} completes with the port
 * once the process can take requests, or fails if it exits (or cannot start) first.</li>
 * <li>{@link Running#exit()} completes with the exit status whenever the process ends,
 * whoever ends it; it may complete on any thread, so a caller only posts an event from
 * it.</li>
 * <li>{@link Running#terminate()} asks the process to stop; {@link Running#kill()} ends
 * it at once. Both may be called in any state, any number of times.</li>
 * </ul>
 */
public interface ProcessBackend {

	Running launch(Spec spec) throws IOException;

	/**
	 * What to run: a role ({@code users} … {@code monolith}), as an instance with its
	 * version, its data folder (shared by the instances of one service), the base URL of
	 * each peer module, the timeout of its calls to peers, whether it degrades
	 * (fallbacks) when a peer fails, where its log goes, and the password of its
	 * service's database (a secret: never on a command line).
	 */
	record Spec(String role, String instanceId, String version, Path dataDir, Map<String, String> peers,
			Duration peerTimeout, boolean fallbacks, Path logFile, String databasePassword) {

		@Override
		public String toString() {
			// the password stays out of logs and messages
			return "Spec[" + this.instanceId + " " + this.role + " " + this.version + "]";
		}

	}

	/** A launched process. */
	interface Running {

		long pid();

		/**
		 * Completes with the port once the process says it is ready; fails if it exits
		 * first.
		 */
		CompletableFuture<Integer> ready();

		/** Completes with the exit code when the process has exited. */
		CompletableFuture<Integer> exit();

		/** Asks the process to stop (SIGTERM). */
		void terminate();

		/** Ends the process at once (SIGKILL). */
		void kill();

	}

}
