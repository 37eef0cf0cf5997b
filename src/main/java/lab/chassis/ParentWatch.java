package lab.chassis;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Makes sure a demo process never outlives the site that started it, even when the site
 * is killed with SIGKILL and cannot clean up: it polls the parent's pid every 100 ms, and
 * it treats end of standard input as the parent being gone (the supervisor keeps the pipe
 * open; the kernel closes it when the parent dies). Closing the pipe on purpose is thus
 * also a way to stop a child.
 */
final class ParentWatch {

	/**
	 * Short enough that a child is gone within half a second of its parent, with the exit
	 * itself.
	 */
	static final long POLL_MILLIS = 100;

	private ParentWatch() {
	}

	static void start(OptionalLong parentPid, boolean watchStdin, Consumer<String> onParentGone) {
		if (parentPid.isPresent()) {
			long pid = parentPid.getAsLong();
			daemon("parent-watch", () -> {
				// ProcessHandle checks the start time too, so a reused pid does not look
				// alive
				var parent = ProcessHandle.of(pid);
				if (parent.isEmpty()) {
					onParentGone.accept("parent " + pid + " is not running");
					return;
				}
				while (parent.get().isAlive()) {
					try {
						Thread.sleep(POLL_MILLIS);
					}
					catch (InterruptedException e) {
						return;
					}
				}
				onParentGone.accept("parent " + pid + " exited");
			});
		}
		if (watchStdin) {
			daemon("stdin-watch", () -> {
				byte[] buffer = new byte[256];
				try (InputStream in = System.in) {
					while (in.read(buffer) >= 0) {
						// input is ignored; only its end matters
					}
				}
				catch (IOException e) {
					// a broken pipe means the same as the end of it
				}
				onParentGone.accept("standard input closed");
			});
		}
	}

	private static void daemon(String name, Runnable body) {
		Thread t = new Thread(body, name);
		t.setDaemon(true);
		t.start();
	}

}
