package lab.fleet;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of the fleet's own machinery (pushers, senders, samplers): daemons, so none of
 * them keeps the site's JVM alive, each named for what it does.
 */
public final class Daemons {

	private Daemons() {
	}

	/** Daemon threads, all named {@code name}. */
	public static ThreadFactory named(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
