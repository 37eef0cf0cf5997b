package lab.fleet.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import lab.chassis.http.Deadline;
import lab.fleet.ServiceId;
import lab.fleet.supervisor.Fleet;
import lab.fleet.supervisor.Instance;
import lab.fleet.supervisor.WritePause;

/**
 * The site's load balancer: sends a request to one ready instance of a service, round
 * robin, and counts it for that instance's figures. If the chosen instance refuses the
 * connection (it has just died), the request was never received, so it is safe to try one
 * other instance. Each request carries the caller's attempt number and, if it has one,
 * what is left of its deadline budget; the instance counts the attempts it receives.
 */
@Component
public class Upstream {

	private final Fleet fleet;

	private final Map<ServiceId, AtomicInteger> roundRobin = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofMillis(500))
		.build();

	public Upstream(Fleet fleet) {
		this.fleet = fleet;
	}

	/**
	 * Which attempt of its caller a request is, and the caller's deadline (null for
	 * none).
	 */
	public record Hop(Deadline deadline, int attempt) {
	}

	/** A service's answer, or the reason there is none. */
	public record Reply(int status, byte[] body, String contentType, String instance) {
	}

	/** No instance could answer: none in rotation, or the call failed or timed out. */
	public static class Unavailable extends Exception {

		private final boolean timedOut;

		private final boolean writesPaused;

		Unavailable(String message, boolean timedOut) {
			this(message, timedOut, false);
		}

		Unavailable(String message, boolean timedOut, boolean writesPaused) {
			super(message, null, false, false);
			this.timedOut = timedOut;
			this.writesPaused = writesPaused;
		}

		public boolean timedOut() {
			return this.timedOut;
		}

		/**
		 * Refused before it was sent: the service's writes are paused for a data move.
		 */
		public boolean writesPaused() {
			return this.writesPaused;
		}

	}

	/**
	 * Sends one attempt of a request to one instance in rotation, as
	 * {@link #call(ServiceId, String, String, byte[], Map, Duration, Hop)} with no
	 * headers passed on.
	 */
	public Reply call(ServiceId service, String method, String pathAndQuery, byte[] body, Duration timeout, Hop hop)
			throws Unavailable {
		return call(service, method, pathAndQuery, body, Map.of(), timeout, hop);
	}

	/**
	 * Sends one attempt of a request to one instance in rotation. A write (any method but
	 * GET) to a service whose writes are paused, while its data moves to another version,
	 * is refused here and counted by the pause. Request headers are passed on to the
	 * instance (checked values only: the caller picks which). Under a deadline the
	 * timeout is cut to what is left of the budget, and the instance is told that budget
	 * and the attempt number (and counts the attempt).
	 */
	public Reply call(ServiceId service, String method, String pathAndQuery, byte[] body, Map<String, String> headers,
			Duration timeout, Hop hop) throws Unavailable {
		if ("GET".equals(method) || !this.fleet.services().contains(service)) {
			return route(service, method, pathAndQuery, body, headers, timeout, hop);
		}
		WritePause writes = this.fleet.writes(service);
		if (!writes.tryEnter()) {
			throw new Unavailable(service + ": writes are paused", false, true);
		}
		try {
			return route(service, method, pathAndQuery, body, headers, timeout, hop);
		}
		finally {
			writes.exit();
		}
	}

	private Reply route(ServiceId service, String method, String pathAndQuery, byte[] body, Map<String, String> headers,
			Duration timeout, Hop hop) throws Unavailable {
		Optional<Instance> first = pick(service);
		if (first.isEmpty()) {
			throw new Unavailable("no instance of " + service + " is ready", false);
		}
		try {
			return send(first.get(), method, pathAndQuery, body, headers, timeout, hop);
		}
		catch (ConnectException | HttpConnectTimeoutException refused) {
			Optional<Instance> second = pickOtherThan(service, first.get());
			if (second.isPresent()) {
				try {
					return send(second.get(), method, pathAndQuery, body, headers, timeout, hop);
				}
				catch (IOException ex) {
					throw unavailable(service, ex);
				}
			}
			throw unavailable(service, refused);
		}
		catch (IOException ex) {
			throw unavailable(service, ex);
		}
	}

	/** The next instance in rotation (ready, not draining), round robin. */
	Optional<Instance> pick(ServiceId service) {
		List<Instance> ready = inRotation(service);
		if (ready.isEmpty()) {
			return Optional.empty();
		}
		int next = this.roundRobin.computeIfAbsent(service, s -> new AtomicInteger()).getAndIncrement();
		return Optional.of(ready.get(Math.floorMod(next, ready.size())));
	}

	/**
	 * Another instance in rotation, for one retry when the first refused the connection.
	 */
	Optional<Instance> pickOtherThan(ServiceId service, Instance tried) {
		return inRotation(service).stream().filter(i -> i != tried).findFirst();
	}

	private List<Instance> inRotation(ServiceId service) {
		return this.fleet.services().contains(service)
				? this.fleet.instances(service).stream().filter(Instance::inRotation).toList() : List.of();
	}

	private static Unavailable unavailable(ServiceId service, IOException ex) {
		return new Unavailable(service + ": " + ex.getClass().getSimpleName(),
				ex instanceof HttpTimeoutException && !(ex instanceof HttpConnectTimeoutException));
	}

	private Reply send(Instance instance, String method, String pathAndQuery, byte[] body, Map<String, String> headers,
			Duration timeout, Hop hop) throws IOException {
		long now = System.nanoTime();
		if (hop.deadline() != null && hop.deadline().spent(now)) {
			throw new HttpTimeoutException("the deadline budget is spent");
		}
		HttpRequest.BodyPublisher publisher = (body == null || body.length == 0) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(body);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + pathAndQuery))
			.timeout((hop.deadline() == null) ? timeout : hop.deadline().cap(timeout, now))
			.method(method, publisher)
			.header(Deadline.ATTEMPT_HEADER, Integer.toString(hop.attempt()));
		if (hop.deadline() != null) {
			request.header(Deadline.HEADER, hop.deadline().header(now));
		}
		if (body != null && body.length > 0) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		long start = System.currentTimeMillis();
		instance.requestStarted();
		instance.attemptReceived(hop.attempt());
		boolean success = false;
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			success = response.statusCode() < 500;
			return new Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse("application/json"), instance.id());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		finally {
			instance.requestEnded(System.currentTimeMillis(), success, System.currentTimeMillis() - start);
		}
	}

}
