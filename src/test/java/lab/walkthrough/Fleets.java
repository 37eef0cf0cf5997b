package lab.walkthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lab.fleet.live.FleetView;

/**
 * Small fleet views for unit tests: say which instances each service has, in which state.
 */
final class Fleets {

	private final List<FleetView.ServiceView> monolith = new ArrayList<>();

	private final List<FleetView.ServiceView> micro = new ArrayList<>();

	private boolean resilience = true;

	static Fleets healthy() {
		Fleets f = new Fleets();
		for (String s : List.of("monolith", "users", "posts", "threads", "payments")) {
			f.service(s, "v1", "closed", instance(s, 1, "ready", "v1"));
		}
		return f;
	}

	Fleets service(String name, String version, String breaker, FleetView.InstanceView... instances) {
		List<FleetView.ServiceView> list = "monolith".equals(name) ? this.monolith : this.micro;
		list.removeIf(s -> s.name().equals(name));
		list.add(new FleetView.ServiceView("monolith".equals(name) ? "monolith" : "microservices", name, name, version,
				null, null, breaker, breaker, instances.length, List.of(instances), List.of("v1", "v2"), false, 0, 0));
		return this;
	}

	Fleets resilience(boolean on) {
		this.resilience = on;
		return this;
	}

	static FleetView.InstanceView instance(String service, int n, String state, String version) {
		return instance(service, n, state, version, lab.fleet.supervisor.Instance.Chaos.NONE);
	}

	static FleetView.InstanceView instance(String service, int n, String state, String version,
			lab.fleet.supervisor.Instance.Chaos chaos) {
		return new FleetView.InstanceView(service + "-" + n, service,
				"monolith".equals(service) ? "monolith" : "microservices", version, state, state, 100 + n, 4000 + n, 0,
				"", 0, 0, 0, 0, false, null, "", chaos, "java", "Java");
	}

	FleetView view() {
		return new FleetView(
				List.of(new FleetView.TopologyView("monolith", "Monolith", 0, "", List.copyOf(this.monolith), Map.of()),
						new FleetView.TopologyView("microservices", "Microservices", 0, "", List.copyOf(this.micro),
								Map.of())),
				new FleetView.SettingsView(false, this.resilience), 0, 0, List.of(), List.of());
	}

}
