package lab.fleet.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import lab.fleet.ServiceId;
import lab.fleet.supervisor.Fleet;

/**
 * {@code /lb/{topology}/{service}/...}: the load balancer's front door, through which the services
 * call each other (Posts asks Users for names, say). Whatever path follows the service name is
 * passed on unchanged to one of its ready instances.
 */
@RestController
class ProxyController {

	private static final Duration PROXY_TIMEOUT = Duration.ofSeconds(15);

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

	@RequestMapping(path = "/lb/{topology}/{service}/**", method = { RequestMethod.GET, RequestMethod.POST })
	CompletableFuture<ResponseEntity<byte[]>> forward(@PathVariable String topology, @PathVariable String service,
			HttpServletRequest request) throws IOException {
		ServiceId id = this.fleet.service(topology, service);
		String prefix = "/lb/" + topology + "/" + service;
		String path = request.getRequestURI().substring(prefix.length());
		if (path.isEmpty() || !path.startsWith("/")) {
			path = "/" + path;
		}
		String query = request.getQueryString();
		byte[] body = request.getInputStream().readAllBytes();
		String method = request.getMethod();
		String target = path + ((query != null) ? "?" + query : "");
		// on the /lb bulkhead (DemoTraffic): a slow service holds its threads, never Tomcat's
		return this.traffic.run(() -> {
			try {
				Upstream.Reply reply = this.upstream.call(id, method, target, body, PROXY_TIMEOUT);
				return ResponseEntity.status(reply.status())
					.header("Content-Type", reply.contentType())
					.header("X-Instance", reply.instance())
					.body(reply.body());
			}
			catch (Upstream.Unavailable ex) {
				return unavailable(id.name() + " is not available");
			}
		}, () -> unavailable("the load balancer is busy"));
	}

	private ResponseEntity<byte[]> unavailable(String detail) {
		// the shape of the services' own problem details (RFC 9457), which their peers read
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
		problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		problem.put("code", "service.unavailable");
		problem.put("detail", detail);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.json.writeValueAsBytes(problem));
	}

}
