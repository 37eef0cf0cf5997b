package lab.fleet.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import lab.fleet.EventLog;
import lab.fleet.FleetProblem;
import lab.fleet.FleetProperties;
import lab.fleet.ServiceId;
import lab.fleet.Topology;

/**
 * The supervisor of the demo processes: which services there are, the control actions on
 * their instances, and the two fleet-wide switches. It owns no instance itself: each
 * action is handed to the worker of the instance's {@link ServiceGroup}, which owns it
 * (see there); a quick action waits for its worker, a long one (scale, deploy) is only
 * posted. Nothing here is static, so several fleets (each with its own name, data slot
 * and ports) can live in one JVM.
 */
public class Fleet {

	public static final int MIN_REPLICAS = 1;

	public static final int MAX_REPLICAS = 5;

	private static final Log log = LogFactory.getLog(Fleet.class);

	private final ProcessBackend backend;

	private final InstanceControl control;

	private final EventLog events;

	private final FleetProperties properties;

	private final DataSlot data;

	private final List<Rollout> rollouts;

	private final Map<ServiceId, ServiceGroup> groups = new LinkedHashMap<>();

	/** One permit per process the fleet may have at once: the cap on instances in all. */
	private final Semaphore processes;

	private final AtomicBoolean autoRestart;

	private final SettingsBroadcaster settings;

	private volatile int sitePort;

	private volatile boolean closing;

	/**
	 * @param name tells this fleet's threads apart from another's
	 * @param data this fleet's own data slot
	 * @param settings this fleet's own line for chaos and settings to its instances
	 */
	public Fleet(String name, ProcessBackend backend, InstanceControl control, EventLog events,
			FleetProperties properties, DataSlot data, List<Rollout> rollouts, SettingsBroadcaster settings) {
		this.backend = backend;
		this.control = control;
		this.events = events;
		this.properties = properties;
		this.data = data;
		this.rollouts = List.copyOf(rollouts);
		this.processes = new Semaphore(properties.maxInstances());
		this.autoRestart = new AtomicBoolean(properties.autoRestart());
		this.settings = settings;
		for (Topology topology : Topology.values()) {
			for (String service : topology.services()) {
				ServiceId id = new ServiceId(topology, service);
				this.groups.put(id, new ServiceGroup(id, this, events, name));
			}
		}
	}

	// ---------------------------------------------------------------- reading

	public List<ServiceId> services() {
		return List.copyOf(this.groups.keySet());
	}

	public ServiceGroup group(ServiceId id) {
		ServiceGroup group = this.groups.get(id);
		if (group == null) {
			throw FleetProblem.notFound("fleet.error.unknownService", id.name());
		}
		return group;
	}

	public ServiceId service(String topology, String name) {
		Topology t = Topology.of(topology)
			.orElseThrow(() -> FleetProblem.notFound("fleet.error.unknownTopology", topology));
		ServiceId id = new ServiceId(t, name);
		if (!this.groups.containsKey(id)) {
			throw FleetProblem.notFound("fleet.error.unknownService", name);
		}
		return id;
	}

	public List<Instance> instances(ServiceId id) {
		return group(id).instances();
	}

	public List<Instance> allInstances() {
		List<Instance> all = new ArrayList<>();
		this.groups.values().forEach(g -> all.addAll(g.instances()));
		return all;
	}

	public Instance instance(String id) {
		return allInstances().stream()
			.filter(i -> i.id().equals(id))
			.findFirst()
			.orElseThrow(() -> FleetProblem.notFound("fleet.error.unknownInstance", id));
	}

	public boolean autoRestart() {
		return this.autoRestart.get();
	}

	public boolean resilience() {
		return this.settings.resilience();
	}

	public int sitePort() {
		return this.sitePort;
	}

	/** The most instances the fleet may have at once. */
	public int maxInstances() {
		return this.properties.maxInstances();
	}

	/** This fleet's own data folder. */
	public DataSlot data() {
		return this.data;
	}

	// ---------------------------------------------------------------- start and stop of
	// the whole fleet

	/** Starts one v1 instance of every service of both topologies, all at once. */
	public void startDefault(int sitePort) {
		this.sitePort = sitePort;
		List<Future<?>> started = new ArrayList<>();
		for (ServiceGroup group : this.groups.values()) {
			FutureTask<Void> task = new FutureTask<>(() -> {
				if (group.instances().isEmpty()) {
					group.launch(group.newInstance(group.version()));
				}
			}, null);
			group.post(task);
			started.add(task);
		}
		for (Future<?> f : started) {
			try {
				f.get(this.properties.readyTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException | TimeoutException ex) {
				log.warn("a demo process did not start: " + ex);
			}
		}
	}

	/**
	 * Stops every process: politely first, then by force, within a few seconds. This only
	 * signals the processes; their instances are not written any more (the workers stop
	 * with the fleet).
	 */
	public void shutdown() {
		this.closing = true;
		List<ProcessBackend.Running> all = new ArrayList<>();
		for (Instance i : allInstances()) {
			ProcessBackend.Running p = i.process;
			if (p != null && !p.exit().isDone()) {
				p.terminate();
				all.add(p);
			}
		}
		long deadline = System.currentTimeMillis() + 2000;
		for (ProcessBackend.Running p : all) {
			try {
				p.exit().get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				p.kill();
			}
			catch (ExecutionException | TimeoutException ex) {
				p.kill();
			}
		}
		this.groups.values().forEach(ServiceGroup::shutdown);
	}

	// ---------------------------------------------------------------- control actions

	public void start(String instanceId) {
		Instance instance = instance(instanceId);
		ServiceGroup group = group(instance.service());
		group.call(() -> {
			if (instance.state.running()) {
				throw FleetProblem.conflict("fleet.error.alreadyRunning", instance.id());
			}
			if (!group.instances().contains(instance)) {
				throw FleetProblem.notFound("fleet.error.unknownInstance", instance.id());
			}
			requirePlaces(1);
			group.launch(instance);
		});
	}

	public void stop(String instanceId) {
		Instance instance = instance(instanceId);
		ServiceGroup group = group(instance.service());
		group.call(() -> {
			requireRunning(group, instance);
			group.stop(instance);
		});
	}

	public void kill(String instanceId) {
		Instance instance = instance(instanceId);
		ServiceGroup group = group(instance.service());
		group.call(() -> {
			requireRunning(group, instance);
			group.kill(instance);
		});
	}

	public void restart(String instanceId) {
		Instance instance = instance(instanceId);
		ServiceGroup group = group(instance.service());
		group.call(() -> {
			if (!group.instances().contains(instance)) {
				throw FleetProblem.notFound("fleet.error.unknownInstance", instance.id());
			}
			if (instance.state.running()) {
				group.stop(instance);
			}
			else {
				requirePlaces(1);
			}
			group.launch(instance);
		});
	}

	/**
	 * Scales a service to {@code replicas} instances (1 to 5, and no more than the
	 * fleet's cap in all); the work goes on in the background.
	 */
	public void scale(ServiceId id, int replicas) {
		if (replicas < MIN_REPLICAS || replicas > MAX_REPLICAS) {
			throw FleetProblem.badRequest("fleet.error.replicas", MIN_REPLICAS, MAX_REPLICAS);
		}
		ServiceGroup group = group(id);
		int places = reservePlaces(replicas - group.running().size());
		group.post(() -> group.withReserved(places, () -> group.scale(replicas)));
	}

	/**
	 * Rolls out {@code version}: a rolling update for a service, a full restart for the
	 * monolith.
	 */
	public void deploy(ServiceId id, String version) {
		Versions.check(id, version);
		roll(group(id), version, "event.deploy");
	}

	/** Goes back to the version before the last deployment. */
	public void rollback(ServiceId id) {
		ServiceGroup group = group(id);
		String previous = group.previousVersion();
		if (previous == null) {
			throw FleetProblem.conflict("fleet.error.nothingToRollBack", "service." + id.name());
		}
		roll(group, previous, "event.rollback");
	}

	/**
	 * The pause of the service's writes (paused only while its data moves during a
	 * deploy).
	 */
	public WritePause writes(ServiceId id) {
		return group(id).writes();
	}

	private void roll(ServiceGroup group, String version, String eventKey) {
		Rollout rollout = this.rollouts.stream()
			.filter(r -> r.handles(group, version))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no rollout for " + group.id().topology()));
		int places = reservePlaces(rollout.surge());
		group.post(() -> group.withReserved(places, () -> rollout.roll(group, version, eventKey)));
	}

	/**
	 * Makes the instance's process exit at once, from the inside, as a real crash would.
	 */
	public void crash(String instanceId) {
		Instance instance = instance(instanceId);
		ServiceGroup group = group(instance.service());
		group.call(() -> this.control.crash(requireReady(instance)));
	}

	/** Injects latency and errors into a share of the instance's requests. */
	public void chaos(String instanceId, Instance.Chaos chaos) {
		Instance instance = instance(instanceId);
		ServiceGroup group = group(instance.service());
		group.call(() -> this.settings.chaos(requireReady(instance), chaos));
	}

	private static Instance requireReady(Instance instance) {
		if (instance.state != InstanceState.READY) {
			throw FleetProblem.conflict("fleet.error.notRunning", instance.id());
		}
		return instance;
	}

	private static void requireRunning(ServiceGroup group, Instance instance) {
		if (!group.instances().contains(instance)) {
			throw FleetProblem.notFound("fleet.error.unknownInstance", instance.id());
		}
		if (!instance.state.running() || instance.process == null) {
			throw FleetProblem.conflict("fleet.error.notRunning", instance.id());
		}
	}

	/**
	 * Refuses, in the caller's language, an action that needs more processes than the cap
	 * leaves.
	 */
	private void requirePlaces(int more) {
		if (more > 0 && this.processes.availablePermits() < more) {
			throw FleetProblem.conflict("fleet.error.instanceCap", maxInstances());
		}
	}

	/**
	 * Takes {@code more} places under the cap at once, for an action posted to a worker,
	 * so two actions asked for together cannot both count the same free places; refuses
	 * when there are not enough. The action's launches use them (see
	 * {@link ServiceGroup#withReserved}).
	 */
	private int reservePlaces(int more) {
		if (more <= 0) {
			return 0;
		}
		if (!this.processes.tryAcquire(more)) {
			throw FleetProblem.conflict("fleet.error.instanceCap", maxInstances());
		}
		return more;
	}

	public void setAutoRestart(boolean on) {
		if (this.autoRestart.getAndSet(on) != on) {
			this.events.add(null, on ? "event.autoRestartOn" : "event.autoRestartOff", false);
		}
	}

	/**
	 * Turns the resilience patterns on or off everywhere: in the gateway, and in every
	 * running process; waits until the ready instances are told.
	 */
	public void setResilience(boolean on) {
		this.settings.setResilience(on, this.groups.values());
	}

	/**
	 * Reads memory and CPU of every running process (the fleet's sampler calls this every
	 * second).
	 */
	public void sample() {
		long now = System.currentTimeMillis();
		for (Instance i : allInstances()) {
			long pid = i.pid;
			if (!i.state.running() || pid == 0) {
				i.notSampled();
				continue;
			}
			i.sampled(now, pid, ProcessStats.rssBytes(pid), ProcessStats.cpuMillis(pid));
		}
	}

	// ---------------------------------------------------------------- for the groups

	ProcessBackend backend() {
		return this.backend;
	}

	Semaphore processes() {
		return this.processes;
	}

	Duration readyTimeout() {
		return this.properties.readyTimeout();
	}

	boolean closing() {
		return this.closing;
	}

	SettingsBroadcaster settings() {
		return this.settings;
	}

	/**
	 * What to run for an instance: on the group's worker, which records the resilience it
	 * starts with.
	 */
	ProcessBackend.Spec spec(ServiceId id, Instance instance) {
		String role = id.name();
		Map<String, String> peers = new LinkedHashMap<>();
		if (id.topology() == Topology.MICROSERVICES) {
			for (String module : Topology.MICROSERVICES.services()) {
				if (!module.equals(role)) {
					peers.put(module, "http://127.0.0.1:" + this.sitePort + "/lb/microservices/" + module);
				}
			}
		}
		boolean on = this.settings.launchResilience(instance);
		return new ProcessBackend.Spec(role, instance.id(), instance.version,
				this.data.dir().resolve(id.topology().id()).resolve(role), peers, this.settings.peerTimeout(on), on,
				this.data.dir().resolve("logs").resolve(id.topology().id() + "-" + instance.id() + ".log"),
				this.data.databasePassword());
	}

}
