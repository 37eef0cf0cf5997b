package lab.walkthrough;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import lab.fleet.live.FleetView;

/** Lookups in the fleet's JSON view that actions, checks and the reset share. */
final class FleetState {

	private static final Set<String> RUNNING = Set.of("starting", "ready", "stopping");

	private FleetState() {
	}

	static Optional<FleetView.ServiceView> service(FleetView view, Target target) {
		return view.topologies()
			.stream()
			.filter(t -> t.id().equals(target.topology()))
			.flatMap(t -> t.services().stream())
			.filter(s -> s.name().equals(target.service()))
			.findFirst();
	}

	static List<FleetView.InstanceView> instances(FleetView view, Target target) {
		return service(view, target).map(FleetView.ServiceView::instances).orElse(List.of());
	}

	static boolean running(FleetView.InstanceView instance) {
		return RUNNING.contains(instance.state());
	}

	static boolean ready(FleetView.InstanceView instance) {
		return "ready".equals(instance.state()) && !instance.draining();
	}

}
