package lab.fleet.rollout;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import lab.fleet.Topology;
import lab.fleet.supervisor.Instance;
import lab.fleet.supervisor.InstanceState;
import lab.fleet.supervisor.ReplyMove;
import lab.fleet.supervisor.ServiceGroup;
import lab.fleet.supervisor.Versions;

/**
 * A deploy onto another runtime, whose store is another database (Threads v1/v2 on Java
 * and H2, v3 on Python and SQLite): the new instances start out of rotation and are
 * warmed; writes pause, the service team's data move copies the replies from the old
 * version to the new one, the new instances take the traffic (reads never stop: the old
 * ones serve them until then), writes resume, and the old instances drain and stop. If
 * anything fails on the way, the new instances go and the old version keeps running.
 * Every step is told to the event log.
 */
@Component
@Order(0)
public class RuntimeSwitch extends OneServiceRollout {

	private static final Log log = LogFactory.getLog(RuntimeSwitch.class);

	/**
	 * The longest the move waits for the writes already under way when the pause begins.
	 */
	private static final long QUIET_MILLIS = 15_000;

	private final ReplyMove move = new ReplyMove();

	public RuntimeSwitch() {
		// the new instances run beside the old ones until the switch; the cap reserves
		// one place, as a
		// rolling update does (a scaled-out Threads briefly runs more, the cap's known
		// slack here)
		super(Topology.MICROSERVICES, 1);
	}

	@Override
	public boolean handles(ServiceGroup group, String version) {
		return handles(group.id().topology()) && !group.running().isEmpty()
				&& !Versions.runtime(group.id(), group.version()).equals(Versions.runtime(group.id(), version));
	}

	@Override
	void replace(Run run) {
		ServiceGroup group = run.group();
		group.activity("1/3");
		List<Instance> fresh = new ArrayList<>();
		for (int n = 0; n < run.old().size(); n++) {
			Instance incoming = group.newInstance(run.version());
			group.hold(incoming);
			fresh.add(incoming);
		}
		group.launchAll(fresh);
		if (fresh.stream().anyMatch(i -> i.state() != InstanceState.READY)) {
			abandon(group, fresh);
			run.event(".failed", true, run.version());
			return;
		}
		fresh.forEach(this.move::warmUp);
		group.activity("2/3");
		run.plainEvent("event.move.paused", false, run.from(), run.version());
		boolean quiet = group.writes().pause(QUIET_MILLIS);
		long start = System.currentTimeMillis();
		try {
			if (!quiet) {
				throw new IllegalStateException("writes still under way");
			}
			long moved = this.move.copy(run.old().get(0), fresh.get(0));
			run.plainEvent("event.move.done", false, moved, run.from(), run.version(),
					System.currentTimeMillis() - start);
		}
		catch (RuntimeException ex) {
			log.warn("moving the data of " + group.id() + " failed", ex);
			abandon(group, fresh);
			group.writes().resume();
			run.plainEvent("event.move.failed", true, quiet ? "reason.copyFailed" : "reason.writesBusy", run.from());
			run.event(".failed", true, run.version());
			return;
		}
		group.takeOver(fresh, run.old());
		long refused = group.writes().resume();
		run.plainEvent("event.move.resumed", false, group.writes().lastPauseMillis(), refused);
		group.activity("3/3");
		for (Instance outgoing : run.old()) {
			group.stop(outgoing);
			group.retire(outgoing);
		}
		group.deployed(run.from(), run.version());
		run.event(".done", false, run.version());
	}

	private static void abandon(ServiceGroup group, List<Instance> fresh) {
		for (Instance i : fresh) {
			group.stop(i);
			group.retire(i);
		}
		group.activity(null);
	}

}
