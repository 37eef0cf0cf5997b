package lab.chassis;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import lab.chassis.http.Chaos;
import lab.chassis.http.Json;
import lab.chassis.http.Router;
import lab.chassis.http.WebServer;
import lab.chassis.store.H2Database;

/**
 * Entry point of a demo process ({@code --role=users|posts|threads|payments|monolith}), on the plain
 * JDK: no Spring, so it is ready in well under a second and small in memory.
 * <p>
 * Start-up order: watch the parent, bind the port (live from here on), open the database and the
 * modules (seeding on first start), then mark ready and print exactly one line,
 * {@code READY port=<port> pid=<pid>}, which the supervisor waits for. Further stdout lines are the
 * request log (one per request, {@code --log=none} to silence); the supervisor must keep reading
 * stdout, or the process blocks once the pipe buffer is full.
 */
public final class ServiceMain {

	/** Exit status when the arguments are wrong. */
	static final int BAD_ARGUMENTS = 2;
	/** Exit status when the process cannot start (port or database). */
	static final int CANNOT_START = 1;
	/** How long an exit may take before the process halts anyway (the no-orphan budget is 2 s). */
	private static final long EXIT_GUARD_MILLIS = 1500;
	private static final String HTTP_SERVER_PROVIDER = "com.sun.net.httpserver.HttpServerProvider";

	private final LaunchArgs args;
	private final AtomicBoolean exiting = new AtomicBoolean();
	private final long startedAt = System.currentTimeMillis();

	private ServiceMain(LaunchArgs args) {
		this.args = args;
	}

	public static void main(String[] argv) {
		LaunchArgs args;
		try {
			args = LaunchArgs.parse(argv);
		} catch (IllegalArgumentException e) {
			System.err.println("error: " + e.getMessage());
			System.exit(BAD_ARGUMENTS);
			return;
		}
		new ServiceMain(args).run();
	}

	private void run() {
		// shorter than the JDK server's 30 s idle close, so the client never reuses a dead connection
		if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
			System.setProperty("jdk.httpclient.keepalive.timeout", "10");
		}
		// the JDK's own server, named here: finding it through ServiceLoader scans the whole class path
		if (System.getProperty(HTTP_SERVER_PROVIDER) == null) {
			System.setProperty(HTTP_SERVER_PROVIDER, "sun.net.httpserver.DefaultHttpServerProvider");
		}
		ParentWatch.start(args.parentPid(), args.watchStdin(), this::exitBecause);
		Router router = new Router();
		Chaos chaos = new Chaos();
		WebServer web = new WebServer(router, chaos, args.instance(), args.version(), args.logRequests());
		H2Database db = null;
		try {
			int port = web.start(args.port());
			OpsEndpoints.register(router, web, chaos, () -> info(port, web), args.instance());
			db = H2Database.open(args.dataDir(), args.role().id());
			Modules.assemble(args, db).register(router, args.version());
			H2Database opened = db;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				web.stop(1000);
				opened.close();
			}, "shutdown"));
			web.setState(WebServer.State.READY);
			System.out.println("READY port=" + port + " pid=" + ProcessHandle.current().pid());
			System.out.flush();
		} catch (Exception e) {
			System.err.println(args.instance() + " cannot start: " + e);
			web.stop(0);
			if (db != null) {
				db.close();
			}
			System.exit(CANNOT_START);
		}
	}

	private Map<String, Object> info(int port, WebServer web) {
		return Json.object(
			"role", args.role().id(),
			"version", args.version(),
			"instance", args.instance(),
			"pid", ProcessHandle.current().pid(),
			"port", port,
			"modules", Modules.names(args),
			"peers", args.peers(),
			"state", web.state().name(),
			"uptimeMs", System.currentTimeMillis() - startedAt,
			"heapUsedBytes", Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
	}

	/** Exits cleanly (shutdown hook closes server and database), or halts if that takes too long. */
	private void exitBecause(String reason) {
		if (!exiting.compareAndSet(false, true)) {
			return;
		}
		System.err.println(args.instance() + " exiting: " + reason);
		Thread guard = new Thread(() -> {
			try {
				Thread.sleep(EXIT_GUARD_MILLIS);
			} catch (InterruptedException ignored) {
				// halting anyway
			}
			Runtime.getRuntime().halt(0);
		}, "exit-guard");
		guard.setDaemon(true);
		guard.start();
		System.exit(0);
	}

}
