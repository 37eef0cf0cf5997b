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
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import lab.chassis.http.Attempts;
import lab.fleet.EventLog;
import lab.fleet.FleetProblem;
import lab.fleet.FleetProperties;

/**
 * Sends chaos and the resilience settings to the fleet's instances: the resilience switch
 * and the retries to every ready instance when they change, the setting a new instance
 * starts with, and the switch again to an instance that became ready after it moved. It
 * writes an instance only on that instance's group worker (see {@link ServiceGroup}); the
 * switch itself is and the retries are the values it owns.
 */
public class SettingsBroadcaster {

	private static final Log log = LogFactory.getLog(SettingsBroadcaster.class);

	private final InstanceControl control;

	private final EventLog events;

	private final FleetProperties properties;

	private final AtomicBoolean resilience;

	private final AtomicInteger retries = new AtomicInteger();

	public SettingsBroadcaster(InstanceControl control, EventLog events, FleetProperties properties) {
		this.control = control;
		this.events = events;
		this.properties = properties;
		this.resilience = new AtomicBoolean(properties.resilience());
	}

	public boolean resilience() {
		return this.resilience.get();
	}

	/** Repeats of a failed idempotent call, on every hop. */
	public int retries() {
		return this.retries.get();
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
		pushToAll(groups);
		this.events.add(null, on ? "event.resilienceOn" : "event.resilienceOff", !on);
	}

	/**
	 * Sets the retries of every running process's calls to its peers (the gateway reads
	 * {@link #retries()} on each call), 0 to {@value Attempts#MAX_RETRIES}.
	 */
	void setRetries(int retries, Collection<ServiceGroup> groups) {
		if (retries < 0 || retries > Attempts.MAX_RETRIES) {
			throw FleetProblem.badRequest("fleet.error.retries", 0, Attempts.MAX_RETRIES);
		}
		if (this.retries.getAndSet(retries) == retries) {
			return;
		}
		pushToAll(groups);
		this.events.add(null, "event.retries", false, String.valueOf(retries));
	}

	private void pushToAll(Collection<ServiceGroup> groups) {
		List<FutureTask<Void>> told = new ArrayList<>();
		for (ServiceGroup group : groups) {
			FutureTask<Void> task = new FutureTask<>(() -> {
				for (Instance instance : group.instances()) {
					if (instance.state == InstanceState.READY) {
						push(instance);
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
				// that group is busy (a deploy): its new processes get the new settings
				// once ready
			}
		}
	}

	/**
	 * On the instance's worker: the resilience a new process starts with, recorded on the
	 * instance.
	 */
	boolean launchResilience(Instance instance) {
		boolean on = this.resilience.get();
		instance.launchedResilient = on;
		// a process starts without retries; ready() tells it the fleet's
		instance.pushedRetries = 0;
		return on;
	}

	/**
	 * On the instance's worker, once it is ready: tells it the settings again if the
	 * switch moved while the process was starting, or retries are set.
	 */
	void ready(Instance instance) {
		if (instance.launchedResilient != this.resilience.get() || instance.pushedRetries != this.retries.get()) {
			push(instance);
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

	private void push(Instance instance) {
		boolean on = this.resilience.get();
		int tries = this.retries.get();
		try {
			this.control.settings(instance, peerTimeout(on).toMillis(), on, tries);
			instance.launchedResilient = on;
			instance.pushedRetries = tries;
		}
		catch (FleetProblem ex) {
			log.warn("could not change the settings of " + instance.id() + ": " + ex.code());
		}
	}

}
