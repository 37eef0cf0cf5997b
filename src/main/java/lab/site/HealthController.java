package lab.site;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness of the site itself, for a container's health check. */
@RestController
class HealthController {

	@GetMapping({ "/health/live", "/health/ready" })
	Map<String, String> health() {
		return Map.of("status", "UP");
	}

}
