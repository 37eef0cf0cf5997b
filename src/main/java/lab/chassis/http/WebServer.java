package lab.chassis.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import lab.business.shared.Failure;

/**
 * The JDK's HTTP server on 127.0.0.1 with one handler that routes, injects chaos into
 * business requests ({@code /api/...}), turns failures into problem details, adds
 * {@code X-Instance}, and logs one line per request. A business request that carries a
 * {@link Deadline} is answered 504 {@value #DEADLINE_EXCEEDED} at once when its budget is
 * already spent, before any chaos or work; otherwise it is served under that deadline, so
 * the calls it makes to peers get only what is left.
 */
public final class WebServer {

	/** Where the process is in its life; business requests are only served when READY. */
	public enum State {

		STARTING, READY, STOPPING

	}

	/** The header that tells a load-balancer test which instance answered. */
	public static final String INSTANCE_HEADER = "X-Instance";

	public static final String VERSION_HEADER = "X-Version";

	private static final int MAX_BODY_BYTES = 64 * 1024;

	/**
	 * Operations routes ({@code /ops/...}) carry a page of data between versions of a
	 * service.
	 */
	private static final int MAX_OPS_BODY_BYTES = 4 * 1024 * 1024;

	/**
	 * Enough workers for a burst with latency assaults, small enough to keep the
	 * footprint low.
	 */
	private static final int WORKERS = 16;

	/**
	 * What dispatch returns for a request that drew the hang: it is held, never answered.
	 */
	private static final Result NO_ANSWER = new Result(0, null, null);

	/** The code of the answer to a request whose deadline budget was spent on arrival. */
	public static final String DEADLINE_EXCEEDED = "deadline.exceeded";

	private final Router router;

	private final Chaos chaos;

	private final String instance;

	private final String version;

	private final boolean logRequests;

	private volatile State state = State.STARTING;

	private final AtomicInteger inFlight = new AtomicInteger();

	/** Business requests received, and how many of them were a caller's retry. */
	private final AtomicLong received = new AtomicLong();

	private final AtomicLong retries = new AtomicLong();

	private final HungRequests hung = new HungRequests();

	private HttpServer server;

	private ExecutorService workers;

	public WebServer(Router router, Chaos chaos, String instance, String version, boolean logRequests) {
		this.router = router;
		this.chaos = chaos;
		this.instance = instance;
		this.version = version;
		this.logRequests = logRequests;
	}

	/**
	 * Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving; returns the
	 * port.
	 */
	public int start(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
		workers = Executors.newFixedThreadPool(WORKERS, daemonThreads("http-"));
		server.setExecutor(workers);
		server.createContext("/", this::handle);
		server.start();
		return server.getAddress().getPort();
	}

	public State state() {
		return state;
	}

	public void setState(State state) {
		this.state = state;
	}

	/**
	 * Business requests received so far, and of them the retries (an {@code X-Attempt}
	 * other than 1), for {@code /info}.
	 */
	public Map<String, Object> requestCounts() {
		return Json.object("received", received.get(), "retries", retries.get());
	}

	/**
	 * Drains, then stops: business requests arriving from now on get 503
	 * {@code service.stopping}; requests already running get up to {@code graceMillis} to
	 * finish; then the port closes.
	 */
	public void stop(long graceMillis) {
		state = State.STOPPING;
		if (server == null) {
			return;
		}
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
		while (inFlight.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		// the JDK server's own delay is no use: on JDK 17 it waits the whole delay even
		// when idle
		hung.releaseAll();
		server.stop(0);
		workers.shutdownNow();
	}

	private void handle(HttpExchange exchange) {
		inFlight.incrementAndGet();
		try {
			serve(exchange);
		}
		finally {
			inFlight.decrementAndGet();
		}
	}

	private void serve(HttpExchange exchange) {
		long start = System.nanoTime();
		String method = exchange.getRequestMethod();
		URI uri = exchange.getRequestURI();
		String path = uri.getPath() == null ? "/" : uri.getPath();
		Result result;
		try {
			result = dispatch(exchange, method, path, uri.getRawQuery());
			if (result == NO_ANSWER) {
				hung.hold(exchange);
				if (logRequests) {
					System.out.println(instance + " " + method + " " + path + " hung");
				}
				return;
			}
		}
		catch (Failure f) {
			result = problem(Problems.of(f));
		}
		catch (RuntimeException | Error e) {
			// the client gets a plain problem; the details go to our own stderr only
			System.err.println(instance + " " + method + " " + path + " failed: " + e);
			e.printStackTrace();
			result = problem(Problems.of(500, "internal.error", "the request failed inside " + instance));
		}
		int status = send(exchange, result);
		if (logRequests) {
			long ms = (System.nanoTime() - start) / 1_000_000;
			System.out.println(instance + " " + method + " " + path + " " + status + " " + ms + "ms");
		}
		if (result.afterSend() != null) {
			result.afterSend().run();
		}
	}

	private Result dispatch(HttpExchange exchange, String method, String path, String rawQuery) {
		String body = readBody(exchange, path.startsWith("/ops/") ? MAX_OPS_BODY_BYTES : MAX_BODY_BYTES);
		Deadline deadline = null;
		if (path.startsWith("/api/")) {
			if (state != State.READY) {
				String code = state == State.STARTING ? "service.starting" : "service.stopping";
				return problem(Problems.of(503, code, instance + " is not ready"));
			}
			received.incrementAndGet();
			if (Deadline.attempt(exchange.getRequestHeaders().getFirst(Deadline.ATTEMPT_HEADER)) > 1) {
				retries.incrementAndGet();
			}
			deadline = Deadline.fromHeader(exchange.getRequestHeaders().getFirst(Deadline.HEADER), System.nanoTime())
				.orElse(null);
			if (deadline != null && deadline.spent(System.nanoTime())) {
				// the caller has given up already: any work now would be for nobody
				return problem(Problems.of(504, DEADLINE_EXCEEDED,
						"the caller's deadline budget was spent before " + instance + " began"));
			}
			switch (chaos.strike()) {
				case HANG -> {
					return NO_ANSWER;
				}
				case FAIL -> {
					return problem(Problems.of(500, "chaos.error", "chaos: injected failure in " + instance));
				}
				default -> {
					// served as usual
				}
			}
		}
		Router.Match match = router.match(method, path);
		if (match.handler() == null) {
			if (!match.allowedMethods().isEmpty()) {
				exchange.getResponseHeaders().add("Allow", String.join(", ", match.allowedMethods()));
				return problem(Problems.of(405, "request.method.notAllowed", method + " is not allowed on " + path));
			}
			return problem(Problems.of(404, "route.notFound", "no route " + method + " " + path));
		}
		Call call = new Call(method, path, match.variables(), rawQuery, exchange.getRequestHeaders(), body);
		return Deadline.under(deadline, () -> match.handler().handle(call));
	}

	private static String readBody(HttpExchange exchange, int maxBytes) {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] bytes = in.readNBytes(maxBytes + 1);
			if (bytes.length > maxBytes) {
				throw Failure.invalid("request.tooLarge", "the body is over " + maxBytes + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw Failure.invalid("request.body.unreadable", "the body could not be read");
		}
	}

	private static Result problem(Map<String, Object> problem) {
		return new Result((Integer) problem.get("status"), problem, null);
	}

	private int send(HttpExchange exchange, Result result) {
		boolean isProblem = result.body() instanceof Map<?, ?> map && map.containsKey("code") && result.status() >= 400;
		byte[] bytes = Json.write(result.body()).getBytes(StandardCharsets.UTF_8);
		var headers = exchange.getResponseHeaders();
		headers.set("Content-Type", (isProblem ? Problems.CONTENT_TYPE : "application/json") + "; charset=utf-8");
		headers.set("Cache-Control", "no-store");
		headers.set(INSTANCE_HEADER, instance);
		headers.set(VERSION_HEADER, version);
		try (OutputStream out = exchange.getResponseBody()) {
			exchange.sendResponseHeaders(result.status(), bytes.length);
			out.write(bytes);
		}
		catch (IOException e) {
			// the client went away; nothing to tell it
		}
		finally {
			exchange.close();
		}
		return result.status();
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread t = new Thread(runnable, prefix + count.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}

}
