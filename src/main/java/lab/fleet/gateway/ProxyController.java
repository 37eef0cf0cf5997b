package lab.fleet.gateway;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

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

	ProxyController(Fleet fleet, Upstream upstream) {
		this.fleet = fleet;
		this.upstream = upstream;
	}

	@RequestMapping(path = "/lb/{topology}/{service}/**", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<byte[]> forward(@PathVariable String topology, @PathVariable String service,
			HttpServletRequest request) throws IOException {
		ServiceId id = this.fleet.service(topology, service);
		String prefix = "/lb/" + topology + "/" + service;
		String path = request.getRequestURI().substring(prefix.length());
		if (path.isEmpty() || !path.startsWith("/")) {
			path = "/" + path;
		}
		String query = request.getQueryString();
		byte[] body = request.getInputStream().readAllBytes();
		try {
			Upstream.Reply reply = this.upstream.call(id, request.getMethod(), path + ((query != null) ? "?" + query : ""),
					body, PROXY_TIMEOUT);
			return ResponseEntity.status(reply.status())
				.header("Content-Type", reply.contentType())
				.header("X-Instance", reply.instance())
				.body(reply.body());
		}
		catch (Upstream.Unavailable ex) {
			String code = ex.writesPaused() ? "service.writesPaused" : "service.unavailable";
			String problem = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
					+ "\"code\":\"" + code + "\",\"detail\":\"" + id.name() + " is not available\"}";
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
	}

}
