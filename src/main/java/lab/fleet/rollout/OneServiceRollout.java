package lab.fleet.rollout;

import java.util.List;

import lab.fleet.Topology;
import lab.fleet.supervisor.Instance;
import lab.fleet.supervisor.Rollout;
import lab.fleet.supervisor.ServiceGroup;

/**
 * What both strategies share: which topology they serve, and the start of a rollout, told
 * to the event log.
 */
abstract class OneServiceRollout implements Rollout {

	private final Topology topology;

	private final int surge;

	OneServiceRollout(Topology topology, int surge) {
		this.topology = topology;
		this.surge = surge;
	}

	@Override
	public boolean handles(Topology topology) {
		return topology == this.topology;
	}

	@Override
	public int surge() {
		return this.surge;
	}

	@Override
	public final void roll(ServiceGroup group, String version, String eventKey) {
		List<Instance> old = group.running();
		Run run = new Run(group, version, eventKey, group.version(), old, Math.max(1, old.size()));
		run.event(".started", false, version);
		replace(run);
	}

	/** Replaces the running instances, on the group's worker. */
	abstract void replace(Run run);

	/**
	 * One rollout: its group, the version it goes to and the one it comes from, the
	 * instances it replaces and how many run when it is done.
	 */
	record Run(ServiceGroup group, String version, String eventKey, String from, List<Instance> old, int replicas) {

		/**
		 * Tells the event log under {@code key} (not the rollout's own), the service's
		 * name first.
		 */
		void plainEvent(String key, boolean problem, Object... args) {
			Object[] all = new Object[args.length + 1];
			all[0] = "service." + this.group.id().name();
			System.arraycopy(args, 0, all, 1, args.length);
			this.group.events().add(this.group.id().topology().id(), key, problem, all);
		}

		/**
		 * Tells the event log ({@code eventKey} + {@code suffix}), the service's name
		 * first.
		 */
		void event(String suffix, boolean problem, Object... args) {
			Object[] all = new Object[args.length + 1];
			all[0] = "service." + this.group.id().name();
			System.arraycopy(args, 0, all, 1, args.length);
			this.group.events().add(this.group.id().topology().id(), this.eventKey + suffix, problem, all);
		}

	}

}
