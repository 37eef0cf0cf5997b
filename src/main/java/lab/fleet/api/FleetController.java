package lab.fleet.api;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import lab.chassis.http.Attempts;
import lab.chassis.http.Chaos;
import lab.fleet.Feature;
import lab.fleet.FleetProblem;
import lab.fleet.Params;
import lab.fleet.ServiceId;
import lab.fleet.Topology;
import lab.fleet.live.FleetView;
import lab.fleet.live.FleetViews;
import lab.fleet.load.LoadGenerator;
import lab.fleet.supervisor.Fleet;
import lab.fleet.supervisor.Instance;

/**
 * The control plane's JSON API, {@code /api/fleet/...}. Parameters come as query or form
 * fields; every refusal is a problem detail whose {@code detail} is in the caller's
 * language.
 */
@RestController
@RequestMapping("/api/fleet")
class FleetController {

	private final Fleet fleet;

	private final FleetViews views;

	private final LoadGenerator load;

	FleetController(Fleet fleet, FleetViews views, LoadGenerator load) {
		this.fleet = fleet;
		this.views = views;
		this.load = load;
	}

	@GetMapping
	FleetView fleet(Locale locale) {
		return this.views.view(locale);
	}

	@PostMapping("/instances/{id}/{action:start|stop|kill|restart}")
	ResponseEntity<Map<String, Object>> instance(@PathVariable String id, @PathVariable String action) {
		switch (action) {
			case "start" -> this.fleet.start(id);
			case "stop" -> this.fleet.stop(id);
			case "kill" -> this.fleet.kill(id);
			default -> this.fleet.restart(id);
		}
		return done(id, action);
	}

	@PostMapping("/instances/{id}/crash")
	ResponseEntity<Map<String, Object>> crash(@PathVariable String id) {
		this.fleet.crash(id);
		return done(id, "crash");
	}

	@PostMapping("/instances/{id}/chaos")
	ResponseEntity<Map<String, Object>> chaos(@PathVariable String id, @RequestParam(required = false) String latencyMs,
			@RequestParam(required = false) String latencyShare, @RequestParam(required = false) String errorShare,
			@RequestParam(required = false) String hangShare, @RequestParam(required = false) String jitterMs) {
		Instance.Chaos now = this.fleet.instance(id).chaos();
		Instance.Chaos next = new Instance.Chaos(
				(latencyMs == null) ? now.latencyMs()
						: Params.whole(latencyMs, 0, Chaos.MAX_LATENCY_MS, "fleet.error.latency"),
				(latencyShare == null) ? now.latencyShare() : Params.share(latencyShare, "fleet.error.share"),
				(errorShare == null) ? now.errorShare() : Params.share(errorShare, "fleet.error.share"),
				(hangShare == null) ? now.hangShare() : Params.share(hangShare, "fleet.error.hangShare"),
				(jitterMs == null) ? now.jitterMs()
						: Params.whole(jitterMs, 0, Chaos.MAX_LATENCY_MS, "fleet.error.jitter"));
		this.fleet.chaos(id, next);
		return done(id, "chaos");
	}

	@PostMapping("/services/{topology}/{service}/scale")
	ResponseEntity<Map<String, Object>> scale(@PathVariable String topology, @PathVariable String service,
			@RequestParam(required = false) String replicas) {
		ServiceId id = this.fleet.service(topology, service);
		this.fleet.scale(id, Params.whole(replicas, Fleet.MIN_REPLICAS, Fleet.MAX_REPLICAS, "fleet.error.replicas"));
		return accepted(id, "scale");
	}

	@PostMapping("/services/{topology}/{service}/deploy")
	ResponseEntity<Map<String, Object>> deploy(@PathVariable String topology, @PathVariable String service,
			@RequestParam(required = false) String version) {
		ServiceId id = this.fleet.service(topology, service);
		this.fleet.deploy(id, (version == null) ? "" : version);
		return accepted(id, "deploy");
	}

	@PostMapping("/services/{topology}/{service}/rollback")
	ResponseEntity<Map<String, Object>> rollback(@PathVariable String topology, @PathVariable String service) {
		ServiceId id = this.fleet.service(topology, service);
		this.fleet.rollback(id);
		return accepted(id, "rollback");
	}

	/**
	 * The fleet-wide settings; every value is checked before any is applied, so a bad one
	 * changes nothing.
	 */
	@PostMapping("/settings")
	FleetView.SettingsView settings(@RequestParam(required = false) String autoRestart,
			@RequestParam(required = false) String resilience, @RequestParam(required = false) String retries,
			@RequestParam(required = false) String deadline) {
		Boolean restartOn = (autoRestart != null) ? Params.bool(autoRestart) : null;
		Boolean resilienceOn = (resilience != null) ? Params.bool(resilience) : null;
		Integer tries = (retries != null) ? Params.whole(retries, 0, Attempts.MAX_RETRIES, "fleet.error.retries")
				: null;
		Boolean deadlineOn = (deadline != null) ? Params.bool(deadline) : null;
		if (restartOn != null) {
			this.fleet.setAutoRestart(restartOn);
		}
		if (resilienceOn != null) {
			this.fleet.setResilience(resilienceOn);
		}
		if (tries != null) {
			this.fleet.setRetries(tries);
		}
		if (deadlineOn != null) {
			this.fleet.setDeadline(deadlineOn);
		}
		return this.views.settings();
	}

	@PostMapping("/load")
	ResponseEntity<Map<String, Object>> load(@RequestParam(required = false) String topology,
			@RequestParam(required = false) String feature, @RequestParam(required = false) String rps,
			@RequestParam(required = false) String seconds) {
		Topology t = Topology.of(String.valueOf(topology))
			.orElseThrow(() -> FleetProblem.badRequest("fleet.error.topology"));
		Feature f = Feature.of(String.valueOf(feature));
		int rate = Params.whole(rps, 1, LoadGenerator.MAX_RPS, "fleet.error.rps");
		int duration = Params.whole(seconds, 1, LoadGenerator.MAX_SECONDS, "fleet.error.seconds");
		long run = this.load.start(t, f, rate, duration);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("run", run, "requests", (long) rate * duration));
	}

	@PostMapping("/load/stop")
	ResponseEntity<Map<String, Object>> stopLoad() {
		this.load.stopAll();
		return ResponseEntity.ok(Map.of("stopped", true));
	}

	private static ResponseEntity<Map<String, Object>> done(String id, String action) {
		return ResponseEntity.ok(Map.of("instance", id, "action", action, "done", true));
	}

	private static ResponseEntity<Map<String, Object>> accepted(ServiceId id, String action) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("service", id.name(), "topology", id.topology().id(), "action", action));
	}

}
