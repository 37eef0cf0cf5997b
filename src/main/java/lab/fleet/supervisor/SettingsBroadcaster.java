package lab.fleet.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import lab.fleet.EventLog;
import lab.fleet.FleetProblem;
import lab.fleet.FleetProperties;

/**
 * Sends chaos and the resilience settings to the fleet's instances: the resilience switch
 * to every ready instance when it moves, the setting a new instance starts with, and the
 * switch again to an instance that became ready after it moved. It writes an instance
 * only on that instance's group worker (see {@link ServiceGroup}); the switch itself is
 * the one value it owns.
 */
public class SettingsBroadcaster {

	private static final Log log = LogFactory.getLog(SettingsBroadcaster.class);

	private final InstanceControl control;

	private final EventLog events;

	private final FleetProperties properties;

	private final AtomicBoolean resilience;

	public SettingsBroadcaster(InstanceControl control, EventLog events, FleetProperties properties) {
		this.control = control;
		this.events = events;
		this.properties = properties;
		this.resilience = new AtomicBoolean(properties.resilience());
	}

	public boolean resilience() {
		return this.resilience.get();
	}

	/**
	 * Turns the resilience patterns on or off in every running process (its timeout on
	 * calls to peers, and whether it degrades or fails when a peer fails). Each group's
	 * worker tells its own ready instances; this waits for them all.
	 */
	void setResilience(boolean on, Collection<ServiceGroup> groups) {
		if (this.resilience.getAndSet(on) == on) {
			return;
		}
		List<FutureTask<Void>> told = new ArrayList<>();
		for (ServiceGroup group : groups) {
			FutureTask<Void> task = new FutureTask<>(() -> {
				for (Instance instance : group.instances()) {
					if (instance.state == InstanceState.READY) {
						push(instance, on);
					}
				}
			}, null);
			group.post(task);
			told.add(task);
		}
		for (FutureTask<Void> task : told) {
			try {
				task.get(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (ExecutionException | TimeoutException ex) {
				// that group is busy (a deploy): its new processes start with the new
				// setting
			}
		}
		this.events.add(null, on ? "event.resilienceOn" : "event.resilienceOff", !on);
	}

	/**
	 * On the instance's worker: the resilience a new process starts with, recorded on the
	 * instance.
	 */
	boolean launchResilience(Instance instance) {
		boolean on = this.resilience.get();
		instance.launchedResilient = on;
		return on;
	}

	/**
	 * On the instance's worker, once it is ready: tells it the switch again if it moved
	 * while the process was starting.
	 */
	void ready(Instance instance) {
		boolean on = this.resilience.get();
		if (instance.launchedResilient != on) {
			push(instance, on);
		}
	}

	/** On the instance's worker: latency and errors on a share of its requests. */
	void chaos(Instance instance, Instance.Chaos chaos) {
		this.control.chaos(instance, chaos);
		instance.chaos = chaos;
		this.events.add(instance.service().topology().id(), chaos.active() ? "event.chaos.faults" : "event.healed",
				chaos.active(), instance.id(), chaos.latencyMs(), Math.round(chaos.latencyShare() * 100),
				Math.round(chaos.errorShare() * 100), chaos.jitterMs(), Math.round(chaos.hangShare() * 100));
	}

	Duration peerTimeout(boolean resilient) {
		return resilient ? this.properties.peerTimeout() : FleetProperties.PATIENT;
	}

	private void push(Instance instance, boolean on) {
		try {
			this.control.settings(instance, peerTimeout(on).toMillis(), on);
			instance.launchedResilient = on;
		}
		catch (FleetProblem ex) {
			log.warn("could not switch resilience on " + instance.id() + ": " + ex.code());
		}
	}

}
