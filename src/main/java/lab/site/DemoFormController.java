package lab.site;

import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import lab.fleet.FleetProblem;
import lab.fleet.Params;
import lab.fleet.ServiceId;
import lab.fleet.supervisor.Fleet;

/**
 * The control room's forms (and the lesson widgets' forms when JavaScript is off) post
 * here: the action runs and the browser goes back to the control room
 * (post-redirect-get), with the message key when it was refused. With JavaScript, the
 * widgets send the same forms to the JSON API instead.
 */
@Controller
class DemoFormController {

	private final Fleet fleet;

	DemoFormController(Fleet fleet) {
		this.fleet = fleet;
	}

	@PostMapping(PagesController.LANG + "/demo/instances/{id}/{action:start|stop|kill|restart|crash}")
	String instance(@PathVariable String lang, @PathVariable String id, @PathVariable String action) {
		return act(lang, () -> {
			switch (action) {
				case "start" -> this.fleet.start(id);
				case "stop" -> this.fleet.stop(id);
				case "kill" -> this.fleet.kill(id);
				case "crash" -> this.fleet.crash(id);
				default -> this.fleet.restart(id);
			}
		});
	}

	@PostMapping(PagesController.LANG + "/demo/services/{topology}/{service}/{action:deploy|rollback|scale}")
	String service(@PathVariable String lang, @PathVariable String topology, @PathVariable String service,
			@PathVariable String action, @RequestParam(required = false) String version,
			@RequestParam(required = false) String replicas) {
		return act(lang, () -> {
			ServiceId id = this.fleet.service(topology, service);
			switch (action) {
				case "deploy" -> this.fleet.deploy(id, String.valueOf(version));
				case "rollback" -> this.fleet.rollback(id);
				default -> this.fleet.scale(id, wholeOrZero(replicas));
			}
		});
	}

	@PostMapping(PagesController.LANG + "/demo/settings")
	String settings(@PathVariable String lang, @RequestParam(required = false) String resilience,
			@RequestParam(required = false) String autoRestart, @RequestParam(required = false) String retries,
			@RequestParam(required = false) String deadline) {
		return act(lang, () -> {
			if (resilience != null) {
				this.fleet.setResilience(Boolean.parseBoolean(resilience));
			}
			if (autoRestart != null) {
				this.fleet.setAutoRestart(Boolean.parseBoolean(autoRestart));
			}
			if (retries != null) {
				this.fleet.setRetries(Params.whole(retries, 0, Fleet.MAX_RETRIES, "fleet.error.retries"));
			}
			if (deadline != null) {
				this.fleet.setDeadline(Params.bool(deadline));
			}
		});
	}

	private String act(String lang, Runnable action) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/" + lang + "/fleet");
		try {
			action.run();
		}
		catch (FleetProblem problem) {
			uri.queryParam("demoError", problem.code());
			Object[] args = problem.args();
			if (args.length > 0 && FleetPageController.ERROR_ARG.matcher(String.valueOf(args[0])).matches()) {
				uri.queryParam("demoArg", String.valueOf(args[0]));
			}
		}
		return "redirect:" + uri.build().toUriString();
	}

	private static int wholeOrZero(String text) {
		try {
			return Integer.parseInt(String.valueOf(text).trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
