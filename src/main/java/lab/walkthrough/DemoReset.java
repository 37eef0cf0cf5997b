package lab.walkthrough;

import java.util.ArrayList;
import java.util.List;

import lab.fleet.live.FleetView;
import lab.fleet.supervisor.Instance;

/**
 * The calls that bring the fleet back to where every walkthrough starts: no load,
 * resilience on, auto-restart off, every service on v1 with one healthy instance and no
 * injected faults. Only what differs from that is sent, so a reset of a fleet already at
 * rest sends only the settings.
 */
final class DemoReset {

	static final String BASE_VERSION = "v1";

	private DemoReset() {
	}

	static List<FleetRequest> requests(FleetView view) {
		List<FleetRequest> out = new ArrayList<>();
		out.add(FleetRequest.post("/api/fleet/load/stop"));
		out.add(FleetRequest.post("/api/fleet/settings", "resilience", "true", "autoRestart", "false", "retries", "0",
				"deadline", "false"));
		for (FleetView.TopologyView topology : view.topologies()) {
			for (FleetView.ServiceView service : topology.services()) {
				String base = "/api/fleet/services/" + service.topology() + "/" + service.name() + "/";
				long running = service.instances().stream().filter(FleetState::running).count();
				for (FleetView.InstanceView i : service.instances()) {
					if (FleetState.running(i) && i.chaos() != null && !Instance.Chaos.NONE.equals(i.chaos())) {
						out.add(FleetRequest.heal(i.id()));
					}
				}
				if (!BASE_VERSION.equals(service.version())) {
					out.add(FleetRequest.post(base + "deploy", "version", BASE_VERSION));
				}
				if (running != 1) {
					out.add(FleetRequest.post(base + "scale", "replicas", "1"));
				}
			}
		}
		return out;
	}

}
