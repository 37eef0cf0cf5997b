package lab.fleet.supervisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;

import lab.fleet.EventLog;
import lab.fleet.FleetProblem;
import lab.fleet.ServiceId;

/**
 * One service of one topology: its instances, its version, and the single worker thread
 * that owns them. Owner: that worker. Every change of the group or of one of its
 * instances runs on it, one at a time, in the order asked: control actions, rollouts, and
 * the exits of processes, which the backend reports on its own threads and which are only
 * posted here. Other threads read, through {@link #instances()} and the volatile fields.
 * The methods marked "worker only" check that they run on the worker, so a slip shows at
 * once instead of as a rare race.
 */
public final class ServiceGroup {

	private static final Log log = LogFactory.getLog(ServiceGroup.class);

	/**
	 * How long requests in flight get to finish when an instance is taken out of
	 * rotation.
	 */
	private static final long DRAIN_MILLIS = 2000;

	/**
	 * How long a process gets to exit after SIGTERM (then SIGKILL), and after SIGKILL.
	 */
	private static final long STOP_MILLIS = 3000;

	/** The pause before an instance that exited unasked is started again. */
	private static final long AUTO_RESTART_DELAY_MILLIS = 300;

	/** How long a caller waits for a quick action before it is told the work goes on. */
	private static final long QUICK_ACTION_SECONDS = 20;

	private final ServiceId id;

	private final Fleet fleet;

	private final EventLog events;

	private final ScheduledExecutorService worker;

	private volatile Thread workerThread;

	private final List<Instance> instances = new CopyOnWriteArrayList<>();

	/** Paused only while the service's data moves between runtimes during a deploy. */
	private final WritePause writes = new WritePause();

	private volatile String version = "v1";

	private volatile String previousVersion;

	private volatile String activity;

	private int nextOrdinal = 1;

	/**
	 * Places under the fleet's cap that an action took when it was asked for, for its
	 * launches.
	 */
	private int reserved;

	ServiceGroup(ServiceId id, Fleet fleet, EventLog events, String fleetName) {
		this.id = id;
		this.fleet = fleet;
		this.events = events;
		String name = "fleet-" + fleetName + "-" + id.topology().id() + "-" + id.name();
		this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			this.workerThread = t;
			return t;
		});
	}

	// ---------------------------------------------------------------- reading, from any
	// thread

	public ServiceId id() {
		return this.id;
	}

	/** The instances as they are now. */
	public List<Instance> instances() {
		return List.copyOf(this.instances);
	}

	/** Starting, ready or stopping. */
	public List<Instance> running() {
		return this.instances.stream().filter(i -> i.state.running()).toList();
	}

	public String version() {
		return this.version;
	}

	public String previousVersion() {
		return this.previousVersion;
	}

	/** What the group is doing (a deploy's step, such as 1/2), or null. */
	public String activity() {
		return this.activity;
	}

	public EventLog events() {
		return this.events;
	}

	// ---------------------------------------------------------------- handing work to
	// the worker

	/**
	 * Runs {@code work} on the worker later; a failure becomes an event, never a lost
	 * exception.
	 */
	void post(Runnable work) {
		this.worker.execute(() -> guarded(work));
	}

	/** Runs a quick action on the worker and waits for it, passing its refusal on. */
	void call(Runnable action) {
		Future<?> done = this.worker.submit(action);
		try {
			done.get(QUICK_ACTION_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FleetProblem(HttpStatus.ACCEPTED, "fleet.error.stillWorking", this.id.name());
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof FleetProblem problem) {
				throw problem;
			}
			log.warn("fleet action on " + this.id + " failed", ex.getCause());
			throw new FleetProblem(HttpStatus.INTERNAL_SERVER_ERROR, "fleet.error.failed", this.id.name());
		}
		catch (TimeoutException ex) {
			throw new FleetProblem(HttpStatus.ACCEPTED, "fleet.error.stillWorking", this.id.name());
		}
	}

	private void guarded(Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			this.activity = null;
			log.warn("fleet action on " + this.id + " failed", ex);
			this.events.add(this.id.topology().id(), "event.actionFailed", true, "service." + this.id.name());
		}
	}

	void shutdown() {
		this.worker.shutdownNow();
	}

	private void workerOnly() {
		if (Thread.currentThread() != this.workerThread) {
			throw new IllegalStateException(
					this.id + " changed off its worker, on " + Thread.currentThread().getName());
		}
	}

	// ---------------------------------------------------------------- the work, worker
	// only

	/** A new instance of the group, not started. Worker only. */
	public Instance newInstance(String version) {
		workerOnly();
		Instance instance = new Instance(this.id, this.nextOrdinal++, version);
		this.instances.add(instance);
		return instance;
	}

	/** Takes an instance out of the group (it must not be running). Worker only. */
	public void retire(Instance instance) {
		workerOnly();
		this.instances.remove(instance);
	}

	/**
	 * Drops the instances that do not run and are not of {@code version}. Worker only.
	 */
	public void retireStoppedOtherThan(String keep) {
		workerOnly();
		this.instances.removeIf(i -> !i.state.running() && !i.version.equals(keep));
	}

	/** Drops the instances that do not run. Worker only. */
	public void retireStopped() {
		workerOnly();
		this.instances.removeIf(i -> !i.state.running());
	}

	/**
	 * The pause of the group's writes while its data moves to another runtime (see
	 * {@link WritePause}).
	 */
	public WritePause writes() {
		return this.writes;
	}

	/**
	 * Keeps a new instance out of rotation once ready, until {@link #takeOver} (a data
	 * move first). Worker only.
	 */
	public void hold(Instance instance) {
		workerOnly();
		instance.held = true;
	}

	/**
	 * The held instances take the traffic, then the old ones leave it (to be drained and
	 * stopped). Worker only.
	 */
	public void takeOver(List<Instance> fresh, List<Instance> old) {
		workerOnly();
		fresh.forEach(i -> i.held = false);
		old.forEach(i -> i.draining = true);
		this.events.changed();
	}

	/** Shows what a rollout is doing (null when done). Worker only. */
	public void activity(String activity) {
		workerOnly();
		this.activity = activity;
		this.events.changed();
	}

	/**
	 * The group now runs {@code to}; a rollback goes back to {@code from}. Worker only.
	 */
	public void deployed(String from, String to) {
		workerOnly();
		this.activity = null;
		if (!from.equals(to)) {
			this.previousVersion = from;
		}
		this.version = to;
	}

	/**
	 * Starts the process of an instance and waits until it is ready; false if it could
	 * not. Worker only.
	 */
	public boolean launch(Instance instance) {
		ProcessBackend.Running process = begin(instance);
		return process != null && awaitReady(instance, process);
	}

	/**
	 * Starts the processes of several instances at once and waits until each is ready or
	 * failed. Worker only.
	 */
	public void launchAll(List<Instance> all) {
		List<ProcessBackend.Running> processes = new ArrayList<>();
		for (Instance instance : all) {
			processes.add(begin(instance));
		}
		for (int n = 0; n < all.size(); n++) {
			if (processes.get(n) != null) {
				awaitReady(all.get(n), processes.get(n));
			}
		}
	}

	private ProcessBackend.Running begin(Instance instance) {
		workerOnly();
		String topology = this.id.topology().id();
		instance.state = InstanceState.STARTING;
		instance.ending = Instance.Ending.NONE;
		instance.draining = false;
		instance.error = null;
		instance.port = 0;
		instance.pid = 0;
		instance.process = null;
		instance.chaos = Instance.Chaos.NONE;
		instance.startedAt = System.currentTimeMillis();
		this.events.changed();
		if (this.reserved > 0) {
			this.reserved--;
		}
		else if (!this.fleet.processes().tryAcquire()) {
			fail(instance, topology, "reason.instanceCap");
			return null;
		}
		ProcessBackend.Running process;
		try {
			process = this.fleet.backend().launch(this.fleet.spec(this.id, instance));
		}
		catch (Exception ex) {
			this.fleet.processes().release();
			log.warn(instance.id() + " could not be launched: " + ex);
			fail(instance, topology, "reason.launchFailed");
			return null;
		}
		instance.process = process;
		instance.pid = process.pid();
		// the backend reports the exit on a thread of its own: only post it here
		process.exit().thenAccept(code -> post(() -> exited(instance, process, code)));
		return process;
	}

	private boolean awaitReady(Instance instance, ProcessBackend.Running process) {
		String topology = this.id.topology().id();
		try {
			int port = process.ready().get(this.fleet.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
			instance.port = port;
			instance.readyAt = System.currentTimeMillis();
			instance.state = InstanceState.READY;
			// the switch may have moved while this process was starting
			this.fleet.settings().ready(instance);
			this.events.add(topology, "event.ready", false, instance.id(), instance.version,
					instance.readyAt - instance.startedAt);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.kill();
			ended(instance, process);
			fail(instance, topology, "reason.interrupted");
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			instance.ending = Instance.Ending.KILL;
			process.kill();
			ended(instance, process);
			if (ex instanceof ExecutionException) {
				log.warn(instance.id() + " ended before it was ready: " + ex.getCause());
			}
			fail(instance, topology,
					(ex instanceof TimeoutException) ? "reason.notReadyInTime" : "reason.exitedBeforeReady");
			return false;
		}
	}

	/**
	 * @param why a message key ({@code reason.*}): the live view says it in each viewer's
	 * language
	 */
	private void fail(Instance instance, String topology, String why) {
		instance.state = InstanceState.FAILED;
		instance.error = why;
		this.events.add(topology, "event.failed", true, instance.id(), why);
	}

	/** Marks the end of {@code process} as handled, once; false if it was already. */
	private boolean ended(Instance instance, ProcessBackend.Running process) {
		if (instance.ended == process) {
			return false;
		}
		instance.ended = process;
		this.fleet.processes().release();
		return true;
	}

	/**
	 * Takes the instance out of rotation, lets its requests finish, then stops it
	 * (SIGTERM, then SIGKILL). Worker only.
	 */
	public void stop(Instance instance) {
		workerOnly();
		ProcessBackend.Running process = instance.process;
		if (process == null || !instance.state.running()) {
			return;
		}
		if (process.exit().isDone()) {
			// it ended before it was asked to; its exit event has not had its turn yet
			exited(instance, process, process.exit().join());
			return;
		}
		instance.draining = true;
		instance.ending = Instance.Ending.STOP;
		instance.state = InstanceState.STOPPING;
		this.events.changed();
		long until = System.currentTimeMillis() + DRAIN_MILLIS;
		while (instance.inFlight() > 0 && System.currentTimeMillis() < until) {
			pause(10);
		}
		process.terminate();
		Integer code = waitForExit(process);
		if (code == null) {
			process.kill();
			code = waitForExit(process);
		}
		exited(instance, process, (code == null) ? -1 : code);
	}

	/** SIGKILL, and waits until the process is gone. Worker only. */
	public void kill(Instance instance) {
		workerOnly();
		ProcessBackend.Running process = instance.process;
		if (!process.exit().isDone()) {
			instance.ending = Instance.Ending.KILL;
		}
		process.kill();
		Integer code = waitForExit(process);
		if (code == null) {
			throw new FleetProblem(HttpStatus.INTERNAL_SERVER_ERROR, "fleet.error.failed", instance.id());
		}
		exited(instance, process, code);
	}

	private static Integer waitForExit(ProcessBackend.Running process) {
		try {
			return process.exit().get(STOP_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	/**
	 * A process has exited, whoever ended it: the state says why, and auto-restart may
	 * start it again.
	 */
	private void exited(Instance instance, ProcessBackend.Running process, int code) {
		workerOnly();
		if (instance.process != process || !ended(instance, process)) {
			// an older process of the instance, or an exit already handled (a stop, a
			// failed start)
			return;
		}
		String topology = this.id.topology().id();
		instance.draining = false;
		switch (instance.ending) {
			case STOP -> {
				instance.state = InstanceState.STOPPED;
				this.events.add(topology, "event.stopped", false, instance.id());
			}
			case KILL -> {
				instance.state = InstanceState.KILLED;
				this.events.add(topology, "event.killed", true, instance.id());
			}
			default -> {
				instance.state = InstanceState.CRASHED;
				this.events.add(topology, "event.crashed", true, instance.id(), code);
			}
		}
		if (instance.ending != Instance.Ending.STOP && this.fleet.autoRestart() && !this.fleet.closing()) {
			this.worker.schedule(() -> guarded(() -> {
				if (!instance.state.running() && this.instances.contains(instance)) {
					this.events.add(topology, "event.autoRestart", false, instance.id());
					launch(instance);
				}
			}), AUTO_RESTART_DELAY_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Runs an action that took {@code places} under the fleet's cap when it was asked
	 * for: its launches use them first, and what it did not use goes back. Worker only.
	 */
	void withReserved(int places, Runnable action) {
		workerOnly();
		this.reserved += places;
		try {
			action.run();
		}
		finally {
			this.fleet.processes().release(this.reserved);
			this.reserved = 0;
		}
	}

	/**
	 * Scales to {@code replicas} running instances: stopped ones get a new process before
	 * new ones are made. Worker only.
	 */
	public void scale(int replicas) {
		workerOnly();
		List<Instance> running = running();
		int have = running.size();
		if (replicas > have) {
			List<Instance> added = new ArrayList<>();
			for (int n = have; n < replicas; n++) {
				added.add(reuseOrCreate(added));
			}
			launchAll(added);
		}
		else if (replicas < have) {
			List<Instance> surplus = running.stream()
				.sorted(Comparator.comparingInt(Instance::ordinal).reversed())
				.limit(have - replicas)
				.toList();
			for (Instance instance : surplus) {
				stop(instance);
				retire(instance);
			}
		}
		this.events.add(this.id.topology().id(), "event.scaled", false, "service." + this.id.name(), replicas);
	}

	private Instance reuseOrCreate(List<Instance> taken) {
		for (Instance i : this.instances) {
			if (!i.state.running() && !taken.contains(i)) {
				i.version = this.version;
				return i;
			}
		}
		return newInstance(this.version);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
