package lab.chassis;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A stand-in for the site in {@link NoOrphansIT}: starts a users process as its child,
 * reports the child's pid, then waits to be killed. Modes: {@code both} (the default
 * wiring), {@code pid} (the child watches only the parent pid), {@code stdin} (the child
 * watches only its standard input). A third argument {@code v3} starts Threads v3
 * (Python) instead of users.
 */
public final class OrphanParent {

	private OrphanParent() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		LaunchCommand command = args.length > 2 && args[2].equals(PythonThreads.VERSION)
				// its peers are never called here: the process only has to start and be
				// orphaned
				? LaunchCommand.of("threads")
					.version(PythonThreads.VERSION)
					.peer("posts", "http://127.0.0.1:9")
					.peer("users", "http://127.0.0.1:9")
					.scriptDir(Path.of(args[1]).resolve("script"))
				: LaunchCommand.of("users");
		command.dataDir(Path.of(args[1])).arg("log", "none");
		if (mode.equals("pid")) {
			command.arg("watch-stdin", "false");
		}
		else if (mode.equals("stdin")) {
			command.detached().arg("watch-stdin", "true");
		}
		Process child = command.processBuilder().redirectError(ProcessBuilder.Redirect.DISCARD).start();
		// held, not closed: the child must see its stdin close only when this process
		// dies
		OutputStream childStdin = child.getOutputStream();
		BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		String ready = out.readLine();
		System.out.println("CHILD " + child.pid() + " " + ready);
		System.out.flush();
		// bounded: the test kills this process long before
		Thread.sleep(60_000);
		childStdin.close();
		child.destroyForcibly();
	}

}
