package lab.walkthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import lab.content.Lang;
import lab.fleet.live.FleetView;
import lab.fleet.live.FleetViews;

/**
 * What a step's action button or the demo reset would send, resolved against the fleet's
 * state now: {@code {"requests": [{"path": "/api/fleet/instances/payments-1/kill",
 * "fields": {}}]}}. These endpoints only read; the page then sends each call to the
 * fleet's own control API, so the same security rules guard a walkthrough's buttons and
 * the control room's.
 */
@RestController
class WalkthroughPlans {

	private final WalkthroughStore store;

	private final FleetViews views;

	WalkthroughPlans(WalkthroughStore store, FleetViews views) {
		this.store = store;
		this.views = views;
	}

	@GetMapping("/api/walkthroughs/{slug}/steps/{number}/actions/{index}")
	Map<String, Object> action(@PathVariable String slug, @PathVariable String number, @PathVariable String index) {
		Walkthrough w = find(slug);
		Step step = w.step(WalkthroughPages.number(number, w));
		int i = parse(index);
		if (i < 1 || i > step.actions().size()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return Map.of("requests", step.actions().get(i - 1).requests(view()));
	}

	@GetMapping("/api/walkthroughs/{slug}/reset")
	Map<String, Object> reset(@PathVariable String slug) {
		Walkthrough w = find(slug);
		FleetView view = view();
		List<FleetRequest> requests = new ArrayList<>(DemoReset.requests(view));
		w.start().forEach(a -> requests.addAll(a.requests(view)));
		return Map.of("requests", requests);
	}

	private FleetView view() {
		return this.views.view(Locale.ENGLISH);
	}

	private Walkthrough find(String slug) {
		return this.store.find(Lang.EN, slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static int parse(String index) {
		try {
			return Integer.parseInt(index);
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
