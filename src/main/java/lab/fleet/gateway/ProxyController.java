package lab.fleet.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import lab.business.shared.Failure;
import lab.chassis.http.Deadline;
import lab.fleet.FleetProblem;
import lab.fleet.ServiceId;
import lab.fleet.supervisor.Fleet;

/**
 * {@code /lb/{topology}/{service}/...}: the load balancer's front door, through which the
 * services call each other (Posts asks Users for names, say). Only the service's business
 * API is passed on, to one of its ready instances (see {@link LbRoute}); anything else is
 * not found here. The caller's deadline budget and attempt number go on with the call; a
 * call whose budget is already spent is answered 504 at once.
 */
@RestController
class ProxyController {

	private static final Duration PROXY_TIMEOUT = Duration.ofSeconds(15);

	/**
	 * The request headers the services read, passed on; every other header stays here.
	 * Payments answers a retried tip with the same key from its first answer.
	 */
	static final List<String> PASSED_HEADERS = List.of("Idempotency-Key");

	/** A header value passed on: visible ASCII, short (no line breaks to smuggle). */
	private static final Pattern PLAIN_HEADER = Pattern.compile("[!-~]{1,128}");

	/** What the services' own queries look like ({@code limit=20}, {@code ids=1,2,3}). */
	private static final Pattern PLAIN_QUERY = Pattern.compile("[A-Za-z0-9._~%=&+,-]*");

	private final Fleet fleet;

	private final Upstream upstream;

	private final DemoTraffic traffic;

	private final JsonMapper json;

	ProxyController(Fleet fleet, Upstream upstream, @Qualifier("lbTraffic") DemoTraffic traffic, JsonMapper json) {
		this.fleet = fleet;
		this.upstream = upstream;
		this.traffic = traffic;
		this.json = json;
	}

	@RequestMapping(path = "/lb/**", method = { RequestMethod.GET, RequestMethod.POST })
	CompletableFuture<ResponseEntity<byte[]>> forward(HttpServletRequest request) throws IOException {
		LbRoute route = LbRoute.parse(request.getRequestURI().substring(request.getContextPath().length()));
		ServiceId id = this.fleet.service(route.topology(), route.service());
		if (!route.business(id.topology())) {
			throw FleetProblem.notFound("fleet.error.lbRoute");
		}
		String path = route.forwardPath();
		String query = request.getQueryString();
		if (query != null && !PLAIN_QUERY.matcher(query).matches()) {
			throw FleetProblem.badRequest("fleet.error.lbPath");
		}
		Map<String, String> headers = passedHeaders(request);
		Deadline deadline = deadline(request.getHeader(Deadline.HEADER));
		if (deadline != null && deadline.spent(System.nanoTime())) {
			// the caller has given up already: nothing is sent on
			return CompletableFuture.completedFuture(problem(HttpStatus.GATEWAY_TIMEOUT, "deadline.exceeded",
					"the caller's deadline budget was spent before the load balancer could send the call on"));
		}
		Upstream.Hop hop = new Upstream.Hop(deadline, Deadline.attempt(request.getHeader(Deadline.ATTEMPT_HEADER)));
		byte[] body = request.getInputStream().readAllBytes();
		String method = request.getMethod();
		String target = path + ((query != null) ? "?" + query : "");
		// on the /lb bulkhead (DemoTraffic): a slow service holds its threads, never
		// Tomcat's
		return this.traffic.run(() -> {
			try {
				Upstream.Reply reply = this.upstream.call(id, method, target, body, headers, PROXY_TIMEOUT, hop);
				return ResponseEntity.status(reply.status())
					.header("Content-Type", reply.contentType())
					.header("X-Instance", reply.instance())
					.body(reply.body());
			}
			catch (Upstream.Unavailable ex) {
				return ex.writesPaused()
						? unavailable("service.writesPaused", id.name() + " is moving its data; writes resume soon")
						: unavailable("service.unavailable", id.name() + " is not available");
			}
		}, () -> unavailable("service.unavailable", "the load balancer is busy"));
	}

	private static Map<String, String> passedHeaders(HttpServletRequest request) {
		Map<String, String> passed = new LinkedHashMap<>();
		for (String name : PASSED_HEADERS) {
			String value = request.getHeader(name);
			if (value != null) {
				if (!PLAIN_HEADER.matcher(value).matches()) {
					throw FleetProblem.badRequest("fleet.error.lbHeader", name);
				}
				passed.put(name, value);
			}
		}
		return passed;
	}

	private ResponseEntity<byte[]> unavailable(String code, String detail) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, code, detail);
	}

	private ResponseEntity<byte[]> problem(HttpStatus status, String code, String detail) {
		// the shape of the services' own problem details (RFC 9457), which their peers
		// read
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("code", code);
		problem.put("detail", detail);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.json.writeValueAsBytes(problem));
	}

	/** The caller's deadline, if it sent one; a value that is not a number is refused. */
	private static Deadline deadline(String header) {
		try {
			return Deadline.fromHeader(header, System.nanoTime()).orElse(null);
		}
		catch (Failure ex) {
			throw FleetProblem.badRequest("fleet.error.deadlineHeader");
		}
	}

}
