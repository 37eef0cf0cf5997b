package lab.fleet.rollout;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import lab.fleet.Topology;
import lab.fleet.supervisor.Instance;
import lab.fleet.supervisor.ServiceGroup;

/**
 * The monolith's rollout: every instance stops, then as many new ones start at once. The
 * whole app is down in between, and the event log says for how long: the cost the lesson
 * shows.
 */
@Component
@Order(2)
public class Recreate extends OneServiceRollout {

	public Recreate() {
		super(Topology.MONOLITH, 0);
	}

	@Override
	void replace(Run run) {
		ServiceGroup group = run.group();
		long down = System.currentTimeMillis();
		for (Instance instance : run.old()) {
			group.stop(instance);
		}
		group.retireStopped();
		List<Instance> fresh = new ArrayList<>();
		for (int n = 0; n < run.replicas(); n++) {
			fresh.add(group.newInstance(run.version()));
		}
		group.launchAll(fresh);
		long downtime = System.currentTimeMillis() - down;
		group.deployed(run.from(), run.version());
		run.event(".monolith", false, run.version(), downtime);
	}

}
