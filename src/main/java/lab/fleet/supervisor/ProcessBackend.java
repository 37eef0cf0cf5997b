package lab.fleet.supervisor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts demo processes. The local implementation runs them as child processes of the site;
 * another backend (Kubernetes, say) could run them as pods behind the same interface.
 */
public interface ProcessBackend {

	Running launch(Spec spec) throws IOException;

	/**
	 * What to run: a role ({@code users} … {@code monolith}), as an instance with its version, its
	 * data folder (shared by the instances of one service), the base URL of each peer module, the
	 * timeout of its calls to peers, and whether it degrades (fallbacks) when a peer fails.
	 */
	record Spec(String role, String instanceId, String version, Path dataDir, Map<String, String> peers,
			Duration peerTimeout, boolean fallbacks, Path logFile) {
	}

	/** A launched process. */
	interface Running {

		long pid();

		/** Completes with the port once the process says it is ready; fails if it exits first. */
		CompletableFuture<Integer> ready();

		/** Completes with the exit code when the process has exited. */
		CompletableFuture<Integer> exit();

		/** Asks the process to stop (SIGTERM). */
		void terminate();

		/** Ends the process at once (SIGKILL). */
		void kill();

	}

}
