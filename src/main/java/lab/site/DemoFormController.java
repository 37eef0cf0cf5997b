package lab.site;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import lab.fleet.Feature;
import lab.fleet.FleetProblem;
import lab.fleet.ServiceId;
import lab.fleet.Topology;
import lab.fleet.load.LoadGenerator;
import lab.fleet.supervisor.Fleet;
import lab.fleet.supervisor.Instance;

/**
 * The control room's forms (and the lesson widgets' forms when JavaScript is off) post
 * here: the action runs and the browser goes back to the control room
 * (post-redirect-get), with the message key when it was refused. With JavaScript, the
 * widgets send the same forms to the JSON API instead.
 */
@Controller
class DemoFormController {

	/** Chaos's longest delay, as the demo processes accept it. */
	static final int MAX_LATENCY_MS = 10_000;

	/**
	 * For a form field that is missing, not a number or out of range: the refusal, in the
	 * page's language on the control room.
	 */
	private static final Map<String, FleetProblem> BAD_VALUES = Map.ofEntries(
			Map.entry("latencyMs", FleetProblem.badRequest("fleet.error.latency", 0, MAX_LATENCY_MS)),
			Map.entry("latencyPercent", FleetProblem.badRequest("fleet.error.percent", 0, 100)),
			Map.entry("errorPercent", FleetProblem.badRequest("fleet.error.percent", 0, 100)),
			Map.entry("hangPercent", FleetProblem.badRequest("fleet.error.percent", 0, 100)),
			Map.entry("topology", FleetProblem.badRequest("fleet.error.topology")),
			Map.entry("feature", FleetProblem.badRequest("fleet.error.feature")),
			Map.entry("rps", FleetProblem.badRequest("fleet.error.rps", 1, LoadGenerator.MAX_RPS)),
			Map.entry("seconds", FleetProblem.badRequest("fleet.error.seconds", 1, LoadGenerator.MAX_SECONDS)),
			Map.entry("replicas",
					FleetProblem.badRequest("fleet.error.replicas", Fleet.MIN_REPLICAS, Fleet.MAX_REPLICAS)),
			Map.entry("resilience", FleetProblem.badRequest("fleet.error.onOff")),
			Map.entry("autoRestart", FleetProblem.badRequest("fleet.error.onOff")),
			Map.entry("retries", FleetProblem.badRequest("fleet.error.retries", 0, Fleet.MAX_RETRIES)),
			Map.entry("deadline", FleetProblem.badRequest("fleet.error.onOff")));

	private final Fleet fleet;

	private final LoadGenerator load;

	DemoFormController(Fleet fleet, LoadGenerator load) {
		this.fleet = fleet;
		this.load = load;
	}

	@PostMapping(PagesController.LANG + "/demo/instances/{id}/{action:start|stop|kill|restart|crash|heal}")
	String instance(@PathVariable String lang, @PathVariable String id, @PathVariable String action) {
		return act(lang, () -> {
			switch (action) {
				case "start" -> this.fleet.start(id);
				case "stop" -> this.fleet.stop(id);
				case "kill" -> this.fleet.kill(id);
				case "crash" -> this.fleet.crash(id);
				case "heal" -> this.fleet.chaos(id, Instance.Chaos.NONE);
				default -> this.fleet.restart(id);
			}
		});
	}

	/**
	 * Chaos on one instance: a delay on a share of its requests, errors on another, no
	 * answer at all on a third (shares in whole percent); its jitter stays as it was.
	 */
	@PostMapping(PagesController.LANG + "/demo/instances/{id}/chaos")
	String chaos(@PathVariable String lang, @PathVariable String id,
			@RequestParam @Min(0) @Max(MAX_LATENCY_MS) int latencyMs,
			@RequestParam @Min(0) @Max(100) int latencyPercent, @RequestParam @Min(0) @Max(100) int errorPercent,
			@RequestParam @Min(0) @Max(100) int hangPercent) {
		return act(lang, () -> {
			int jitter = this.fleet.instance(id).chaos().jitterMs();
			this.fleet.chaos(id, new Instance.Chaos(latencyMs, latencyPercent / 100.0, errorPercent / 100.0,
					hangPercent / 100.0, jitter));
		});
	}

	@PostMapping(PagesController.LANG + "/demo/load")
	String load(@PathVariable String lang, @RequestParam @Pattern(regexp = "monolith|microservices") String topology,
			@RequestParam @Pattern(regexp = "feed|users|post|reply|tip") String feature,
			@RequestParam @Min(1) @Max(LoadGenerator.MAX_RPS) int rps,
			@RequestParam @Min(1) @Max(LoadGenerator.MAX_SECONDS) int seconds) {
		return act(lang, () -> this.load.start(Topology.of(topology).orElseThrow(), Feature.of(feature), rps, seconds));
	}

	@PostMapping(PagesController.LANG + "/demo/load/stop")
	String stopLoad(@PathVariable String lang) {
		return act(lang, this.load::stopAll);
	}

	@PostMapping(PagesController.LANG + "/demo/services/{topology}/{service}/{action:deploy|rollback}")
	String service(@PathVariable String lang, @PathVariable String topology, @PathVariable String service,
			@PathVariable String action, @RequestParam(required = false) String version) {
		return act(lang, () -> {
			ServiceId id = this.fleet.service(topology, service);
			if (action.equals("deploy")) {
				this.fleet.deploy(id, String.valueOf(version));
			}
			else {
				this.fleet.rollback(id);
			}
		});
	}

	@PostMapping(PagesController.LANG + "/demo/services/{topology}/{service}/scale")
	String scale(@PathVariable String lang, @PathVariable String topology, @PathVariable String service,
			@RequestParam @Min(Fleet.MIN_REPLICAS) @Max(Fleet.MAX_REPLICAS) int replicas) {
		return act(lang, () -> this.fleet.scale(this.fleet.service(topology, service), replicas));
	}

	/**
	 * The switches and the retries, each optional; a value is read as Spring reads every
	 * boolean parameter (true/false, on/off, yes/no, 1/0), anything else is refused.
	 */
	@PostMapping(PagesController.LANG + "/demo/settings")
	String settings(@PathVariable String lang, @RequestParam(required = false) Boolean resilience,
			@RequestParam(required = false) Boolean autoRestart,
			@RequestParam(required = false) @Min(0) @Max(Fleet.MAX_RETRIES) Integer retries,
			@RequestParam(required = false) Boolean deadline) {
		return act(lang, () -> {
			if (resilience != null) {
				this.fleet.setResilience(resilience);
			}
			if (autoRestart != null) {
				this.fleet.setAutoRestart(autoRestart);
			}
			if (retries != null) {
				this.fleet.setRetries(retries);
			}
			if (deadline != null) {
				this.fleet.setDeadline(deadline);
			}
		});
	}

	/**
	 * A form field missing, not of its type or out of range: back to the control room
	 * with the refusal for that field, never an error page.
	 */
	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
			HandlerMethodValidationException.class })
	String badValue(Exception ex, HttpServletRequest request) {
		String field = "";
		if (ex instanceof MissingServletRequestParameterException missing) {
			field = missing.getParameterName();
		}
		else if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			field = mismatch.getName();
		}
		else if (ex instanceof HandlerMethodValidationException invalid) {
			field = invalid.getParameterValidationResults()
				.stream()
				.map(r -> r.getMethodParameter().getParameterName())
				.findFirst()
				.orElse("");
		}
		FleetProblem refusal = BAD_VALUES.getOrDefault(field, FleetProblem.badRequest("fleet.error.form"));
		@SuppressWarnings("unchecked")
		Map<String, String> path = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String lang = (path != null && "fa".equals(path.get("lang"))) ? "fa" : "en";
		return act(lang, () -> {
			throw refusal;
		});
	}

	private String act(String lang, Runnable action) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/" + lang + "/fleet");
		try {
			action.run();
		}
		catch (FleetProblem problem) {
			uri.queryParam("demoError", problem.code());
			for (Object arg : problem.args()) {
				if (!FleetPageController.ERROR_ARG.matcher(String.valueOf(arg)).matches()) {
					break;
				}
				uri.queryParam("demoArg", String.valueOf(arg));
			}
		}
		return "redirect:" + uri.build().toUriString();
	}

}
