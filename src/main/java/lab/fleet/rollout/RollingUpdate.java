package lab.fleet.rollout;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import lab.fleet.Topology;
import lab.fleet.supervisor.Instance;
import lab.fleet.supervisor.ServiceGroup;

/**
 * A service's rollout: one new instance at a time is started and ready before one old
 * instance is drained and stopped, so the service never stops answering (it needs room
 * for one extra instance). If a new instance cannot start, the rollout stops there, with
 * the old instances that are left still serving.
 */
@Component
@Order(1)
public class RollingUpdate extends OneServiceRollout {

	public RollingUpdate() {
		super(Topology.MICROSERVICES, 1);
	}

	@Override
	void replace(Run run) {
		ServiceGroup group = run.group();
		int step = 0;
		for (Instance outgoing : run.old()) {
			step++;
			group.activity(step + "/" + run.replicas());
			Instance incoming = group.newInstance(run.version());
			if (!group.launch(incoming)) {
				group.retire(incoming);
				group.activity(null);
				run.event(".failed", true, run.version());
				return;
			}
			group.stop(outgoing);
			group.retire(outgoing);
			run.event(".step", false, step, run.replicas());
		}
		if (run.old().isEmpty()) {
			group.launch(group.newInstance(run.version()));
		}
		group.retireStoppedOtherThan(run.version());
		group.deployed(run.from(), run.version());
		run.event(".done", false, run.version());
	}

}
