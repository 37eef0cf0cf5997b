package lab.fleet.supervisor;

import lab.fleet.Topology;

/**
 * How a topology's services change version: a rolling update for a service, a full
 * restart (recreate) for the monolith. A strategy runs on the group's worker and works
 * through the group's worker-only operations.
 */
public interface Rollout {

	/** Whether this strategy rolls out the services of {@code topology}. */
	boolean handles(Topology topology);

	/**
	 * Whether this strategy takes this rollout of {@code group} to {@code version}; by
	 * default, the strategy of its topology. Strategies are asked in their order, so a
	 * narrower one goes first.
	 */
	default boolean handles(ServiceGroup group, String version) {
		return handles(group.id().topology());
	}

	/**
	 * Replaces the group's running instances with instances of {@code version}, telling
	 * the event log as it goes ({@code eventKey} is {@code event.deploy} or
	 * {@code event.rollback}).
	 */
	void roll(ServiceGroup group, String version, String eventKey);

	/**
	 * How many processes beyond the running ones the rollout starts at once (0 when it
	 * stops first).
	 */
	int surge();

}
