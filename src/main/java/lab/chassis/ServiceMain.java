package lab.chassis;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import lab.chassis.http.Chaos;
import lab.chassis.http.Json;
import lab.chassis.http.Router;
import lab.chassis.http.WebServer;
import lab.chassis.remote.Resilience;
import lab.chassis.store.H2Database;

/**
 * Entry point of a demo process ({@code --role=users|posts|threads|payments|monolith}),
 * on the plain JDK: no Spring, so it is ready in well under a second and small in memory.
 * <p>
 * Start-up order: watch the parent, bind the port (live from here on), open the service's
 * database (serving it to the service's other instances, or connecting to the instance
 * that does) and the modules (seeding once per database), then mark ready and print
 * exactly one line, {@code READY port=<port> pid=<pid>}, which the supervisor waits for.
 * Further stdout lines are the request log (one per request, {@code --log=none} to
 * silence); the supervisor must keep reading stdout, or the process blocks once the pipe
 * buffer is full.
 * <p>
 * Stopping (SIGTERM, end of stdin, parent gone) drains first and then exits: this process
 * handles SIGTERM itself, because the JVM's own handling runs every shutdown hook at
 * once, and the one H2 adds (its mixed mode requires it) would close the database under
 * the requests still draining. Exit status 143 after SIGTERM, 0 otherwise, as before.
 */
public final class ServiceMain {

	/** Exit status when the arguments are wrong. */
	static final int BAD_ARGUMENTS = 2;

	/** Exit status when the process cannot start (port or database). */
	static final int CANNOT_START = 1;

	/**
	 * How long an exit may take before the process halts anyway (the no-orphan budget is
	 * 2 s).
	 */
	private static final long EXIT_GUARD_MILLIS = 1500;

	/** How long requests already running get to finish when the process stops. */
	private static final long DRAIN_MILLIS = 1000;

	/**
	 * How long an exit may take once the parent is gone: no drain then (the requests came
	 * through the parent, so nobody waits for their answers), and a halt after this
	 * whatever happens.
	 */
	private static final long PARENT_GONE_GUARD_MILLIS = 400;

	/** The exit status after SIGTERM, as the JVM's own handling gives it (128 + 15). */
	static final int SIGTERM_STATUS = 143;

	private static final String HTTP_SERVER_PROVIDER = "com.sun.net.httpserver.HttpServerProvider";

	private final LaunchArgs args;

	private final AtomicBoolean exiting = new AtomicBoolean();

	private final long startedAt = System.currentTimeMillis();

	/** Drains and closes, once; set when the process is ready. */
	private volatile Runnable stop;

	private volatile H2Database db;

	/** Set when the parent is gone: stop without draining. */
	private volatile boolean orphaned;

	/** A training run for the class-data archive (see {@link ArchiveTraining}). */
	private final boolean training;

	private ServiceMain(LaunchArgs args, boolean training) {
		this.args = args;
		this.training = training;
	}

	public static void main(String[] argv) {
		LaunchArgs args;
		boolean training = Arrays.asList(argv).contains(ArchiveTraining.FLAG);
		try {
			args = LaunchArgs
				.parse(Arrays.stream(argv).filter(a -> !a.equals(ArchiveTraining.FLAG)).toArray(String[]::new));
		}
		catch (IllegalArgumentException e) {
			System.err.println("error: " + e.getMessage());
			System.exit(BAD_ARGUMENTS);
			return;
		}
		new ServiceMain(args, training).run();
	}

	private void run() {
		// shorter than the JDK server's 30 s idle close, so the client never reuses a
		// dead connection
		if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
			System.setProperty("jdk.httpclient.keepalive.timeout", "10");
		}
		// the JDK's own server, named here: finding it through ServiceLoader scans the
		// whole class path
		if (System.getProperty(HTTP_SERVER_PROVIDER) == null) {
			System.setProperty(HTTP_SERVER_PROVIDER, "sun.net.httpserver.DefaultHttpServerProvider");
		}
		ParentWatch.start(args.parentPid(), args.watchStdin(), this::parentGone);
		Router router = new Router();
		Chaos chaos = new Chaos();
		Resilience resilience = new Resilience(args.timeout().toMillis(), args.fallbacks());
		WebServer web = new WebServer(router, chaos, args.instance(), args.version(), args.logRequests());
		try {
			int port = web.start(args.port());
			OpsEndpoints.register(router, web, chaos, resilience, () -> info(port, web, resilience), args.instance());
			String password = System.getenv(LaunchArgs.DATABASE_PASSWORD_VARIABLE);
			// through the database server named by --database, or opened here
			db = H2Database.open(args.dataDir(), args.role().id(), password == null ? "" : password,
					args.database().orElse(null));
			Modules.assemble(args, db, resilience).register(router, args.version());
			H2Database opened = db;
			stop = once(() -> {
				web.stop(orphaned ? 0 : DRAIN_MILLIS);
				opened.close();
			});
			Runtime.getRuntime().addShutdownHook(new Thread(stop, "shutdown"));
			handleSigterm();
			web.setState(WebServer.State.READY);
			System.out.println("READY port=" + port + " pid=" + ProcessHandle.current().pid());
			System.out.flush();
			if (training) {
				train(port);
			}
		}
		catch (Exception e) {
			System.err.println(args.instance() + " cannot start: " + e);
			web.stop(0);
			if (db != null) {
				db.close();
			}
			System.exit(CANNOT_START);
		}
	}

	/**
	 * Exercises this process, then exits normally so the JVM writes its archive; no exit
	 * guard, since writing the archive may take longer than a drain, and nobody waits for
	 * this process.
	 */
	private void train(int port) {
		Thread trainer = new Thread(() -> {
			ArchiveTraining.exercise(port);
			stop.run();
			System.exit(0);
		}, "training");
		trainer.start();
	}

	private Map<String, Object> info(int port, WebServer web, Resilience resilience) {
		H2Database store = db;
		return Json.object("role", args.role().id(), "version", args.version(), "instance", args.instance(), "pid",
				ProcessHandle.current().pid(), "port", port, "modules", Modules.names(args), "peers", args.peers(),
				"state", web.state().name(), "settings", resilience.values().toJson(), "requests", web.requestCounts(),
				"database",
				store == null ? null
						: Json.object("shared", true, "served", store.isServed(), "host", store.isHost(), "reconnects",
								store.reconnects()),
				"uptimeMs", System.currentTimeMillis() - startedAt, "runtime", "java", "runtimeVersion",
				Runtime.version().toString(), "heapUsedBytes",
				Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
	}

	/**
	 * The parent is gone (its pid, or the end of stdin): exit at once, without draining,
	 * within {@value #PARENT_GONE_GUARD_MILLIS} ms even if a drain had already begun.
	 * Committed data is safe: every commit is on disk ({@code WRITE_DELAY=0}).
	 */
	private void parentGone(String reason) {
		orphaned = true;
		if (training) {
			endTrainingNow(reason);
		}
		haltAfter(PARENT_GONE_GUARD_MILLIS, 0);
		exitBecause(reason, 0);
	}

	/**
	 * A training run whose parent is gone: nobody wants its archive now, and the JVM
	 * writes the archive at any exit, even a halt, which can take a second; SIGKILL ends
	 * the process without it. (Without a {@code kill} command, the exit below still ends
	 * it.)
	 */
	private void endTrainingNow(String reason) {
		System.err.println(args.instance() + " ending the training: " + reason);
		try {
			// the JDK raises only signals it handles, so the system's kill does it
			new ProcessBuilder("kill", "-KILL", String.valueOf(ProcessHandle.current().pid())).start();
		}
		catch (IOException e) {
			// no kill command: the exit below, a little slower
		}
	}

	/**
	 * Exits cleanly: drains the server and closes the database (once ready), then exits,
	 * which runs the shutdown hooks; halts if all that takes too long.
	 */
	private void exitBecause(String reason, int status) {
		if (!exiting.compareAndSet(false, true)) {
			return;
		}
		System.err.println(args.instance() + " exiting: " + reason);
		haltAfter(EXIT_GUARD_MILLIS, status);
		// not a daemon (unlike the signal and watch threads that call this): while it
		// drains, the JVM
		// cannot end by itself once the HTTP server's threads are gone, which would exit
		// with 0 and
		// run H2's shutdown hook under the draining requests
		Thread exit = new Thread(() -> {
			Runnable drain = stop;
			if (drain != null) {
				drain.run();
			}
			System.exit(status);
		}, "exit");
		exit.setDaemon(false);
		exit.start();
	}

	private static void haltAfter(long millis, int status) {
		Thread guard = new Thread(() -> {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ignored) {
				// halting anyway
			}
			Runtime.getRuntime().halt(status);
		}, "exit-guard");
		guard.setDaemon(true);
		guard.start();
	}

	/** SIGTERM drains before the JVM runs its shutdown hooks (see the class comment). */
	private void handleSigterm() {
		try {
			sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> exitBecause("SIGTERM", SIGTERM_STATUS));
		}
		catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
			// no signal handling here: the shutdown hook still drains, only alongside
			// H2's own hook
		}
	}

	private static Runnable once(Runnable action) {
		AtomicBoolean done = new AtomicBoolean();
		return () -> {
			if (done.compareAndSet(false, true)) {
				action.run();
			}
		};
	}

}
