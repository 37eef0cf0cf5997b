package lab.fleet.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;

import lab.fleet.EventLog;
import lab.fleet.FleetProblem;
import lab.fleet.FleetProperties;
import lab.fleet.ServiceId;
import lab.fleet.Topology;

/**
 * The supervisor of the demo processes: which instances each service has, their versions and
 * states, and the control actions on them. Every action on a service runs on that service's own
 * worker thread, one at a time, so two actions can never race for one instance and no process is
 * ever started without being tracked.
 */
public class Fleet {

	public static final int MIN_REPLICAS = 1;

	public static final int MAX_REPLICAS = 5;

	private static final Log log = LogFactory.getLog(Fleet.class);

	private static final long DRAIN_MILLIS = 2000;

	private static final long STOP_MILLIS = 3000;

	private static final long QUICK_ACTION_SECONDS = 20;

	/** The longest a data move waits for the writes already under way when the pause begins. */
	private static final long QUIET_MILLIS = 15_000;

	private final ProcessBackend backend;

	private final EventLog events;

	private final FleetProperties properties;

	private final InstanceClient client = new InstanceClient();

	private final ReplyMove replyMove = new ReplyMove(this.client);

	private final Map<ServiceId, Group> groups = new LinkedHashMap<>();

	private final AtomicBoolean autoRestart;

	private final AtomicBoolean resilience;

	private volatile int sitePort;

	private volatile boolean closing;

	public Fleet(ProcessBackend backend, EventLog events, FleetProperties properties) {
		this.backend = backend;
		this.events = events;
		this.properties = properties;
		this.autoRestart = new AtomicBoolean(properties.autoRestart());
		this.resilience = new AtomicBoolean(properties.resilience());
		for (Topology topology : Topology.values()) {
			for (String name : topology.services()) {
				ServiceId id = new ServiceId(topology, name);
				this.groups.put(id, new Group(id));
			}
		}
	}

	/** One service: its instances and the single worker that changes them. */
	public static final class Group {

		final ServiceId id;

		final List<Instance> instances = new CopyOnWriteArrayList<>();

		final ExecutorService worker;

		final AtomicInteger roundRobin = new AtomicInteger();

		volatile String version = "v1";

		volatile String previousVersion;

		volatile String activity;

		/** Paused only while the service's data moves between runtimes during a deploy. */
		final WritePause writes = new WritePause();

		int nextOrdinal = 1;

		Group(ServiceId id) {
			this.id = id;
			this.worker = Executors.newSingleThreadExecutor(r -> {
				Thread t = new Thread(r, "fleet-" + id.topology().id() + "-" + id.name());
				t.setDaemon(true);
				return t;
			});
		}

		public ServiceId id() {
			return this.id;
		}

		/** The instances as they are now, for reading. */
		public List<Instance> instances() {
			return List.copyOf(this.instances);
		}

		public String version() {
			return this.version;
		}

		public String previousVersion() {
			return this.previousVersion;
		}

		/** What the group is doing (a deploy's step), or null. */
		public String activity() {
			return this.activity;
		}

		/** The pause of writes during a data move, with its counts. */
		public WritePause writes() {
			return this.writes;
		}

		List<Instance> running() {
			return this.instances.stream().filter(i -> i.state.running()).toList();
		}

	}

	// ---------------------------------------------------------------- reading

	public List<ServiceId> services() {
		return List.copyOf(this.groups.keySet());
	}

	public Group group(ServiceId id) {
		Group group = this.groups.get(id);
		if (group == null) {
			throw FleetProblem.notFound("fleet.error.unknownService", id.name());
		}
		return group;
	}

	public ServiceId service(String topology, String name) {
		Topology t = Topology.of(topology).orElseThrow(() -> FleetProblem.notFound("fleet.error.unknownTopology", topology));
		ServiceId id = new ServiceId(t, name);
		if (!this.groups.containsKey(id)) {
			throw FleetProblem.notFound("fleet.error.unknownService", name);
		}
		return id;
	}

	public List<Instance> instances(ServiceId id) {
		return List.copyOf(group(id).instances);
	}

	public List<Instance> allInstances() {
		List<Instance> all = new ArrayList<>();
		this.groups.values().forEach(g -> all.addAll(g.instances));
		return all;
	}

	public Instance instance(String id) {
		return allInstances().stream()
			.filter(i -> i.id().equals(id))
			.findFirst()
			.orElseThrow(() -> FleetProblem.notFound("fleet.error.unknownInstance", id));
	}

	/** The pause of the service's writes (paused only while its data moves during a deploy). */
	public WritePause writes(ServiceId id) {
		return group(id).writes;
	}

	public Optional<Instance> pick(ServiceId id) {
		Group group = this.groups.get(id);
		if (group == null) {
			return Optional.empty();
		}
		List<Instance> ready = group.instances.stream().filter(Instance::inRotation).toList();
		if (ready.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(ready.get(Math.floorMod(group.roundRobin.getAndIncrement(), ready.size())));
	}

	/** The other instances in rotation, for one retry when the first refused the connection. */
	public Optional<Instance> pickOtherThan(ServiceId id, Instance tried) {
		return this.groups.get(id).instances.stream().filter(i -> i != tried && i.inRotation()).findFirst();
	}

	public boolean autoRestart() {
		return this.autoRestart.get();
	}

	public boolean resilience() {
		return this.resilience.get();
	}

	public int sitePort() {
		return this.sitePort;
	}

	// ---------------------------------------------------------------- start and stop of the whole fleet

	/** Starts one v1 instance of every service of both topologies, all at once. */
	public void startDefault(int sitePort) {
		this.sitePort = sitePort;
		List<Future<?>> started = new ArrayList<>();
		for (Group group : this.groups.values()) {
			started.add(group.worker.submit(() -> {
				if (group.instances.isEmpty()) {
					Instance instance = newInstance(group, group.version);
					launch(group, instance);
				}
			}));
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

	/** Stops every process: politely first, then by force, within a few seconds. */
	public void shutdown() {
		this.closing = true;
		List<Instance> all = allInstances();
		for (Instance i : all) {
			ProcessBackend.Running p = i.process;
			if (p != null && i.state.running()) {
				i.ending = Instance.Ending.STOP;
				p.terminate();
			}
		}
		long deadline = System.currentTimeMillis() + 2000;
		for (Instance i : all) {
			ProcessBackend.Running p = i.process;
			if (p == null) {
				continue;
			}
			try {
				p.exit().get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				p.kill();
			}
		}
		this.groups.values().forEach(g -> g.worker.shutdownNow());
	}

	// ---------------------------------------------------------------- control actions

	public void start(String instanceId) {
		Instance instance = instance(instanceId);
		Group group = group(instance.service());
		await(group, () -> {
			if (instance.state.running()) {
				throw FleetProblem.conflict("fleet.error.alreadyRunning", instance.id());
			}
			if (!group.instances.contains(instance)) {
				throw FleetProblem.notFound("fleet.error.unknownInstance", instance.id());
			}
			launch(group, instance);
		});
	}

	public void stop(String instanceId) {
		Instance instance = instance(instanceId);
		Group group = group(instance.service());
		await(group, () -> {
			requireRunning(instance);
			stopGracefully(instance);
		});
	}

	public void kill(String instanceId) {
		Instance instance = instance(instanceId);
		Group group = group(instance.service());
		await(group, () -> {
			requireRunning(instance);
			killNow(instance);
		});
	}

	public void restart(String instanceId) {
		Instance instance = instance(instanceId);
		Group group = group(instance.service());
		await(group, () -> {
			if (instance.state.running()) {
				stopGracefully(instance);
			}
			launch(group, instance);
		});
	}

	/** Scales a service to {@code replicas} instances (1 to 5); the work goes on in the background. */
	public void scale(ServiceId id, int replicas) {
		if (replicas < MIN_REPLICAS || replicas > MAX_REPLICAS) {
			throw FleetProblem.badRequest("fleet.error.replicas", MIN_REPLICAS, MAX_REPLICAS);
		}
		Group group = group(id);
		group.worker.submit(() -> guarded(group, () -> scaleNow(group, replicas)));
	}

	/** Rolls out {@code version}: a rolling update for a service, a full restart for the monolith. */
	public void deploy(ServiceId id, String version) {
		Versions.check(id, version);
		Group group = group(id);
		group.worker.submit(() -> guarded(group, () -> deployNow(group, version, "event.deploy")));
	}

	/** Goes back to the version before the last deployment. */
	public void rollback(ServiceId id) {
		Group group = group(id);
		String previous = group.previousVersion;
		if (previous == null) {
			throw FleetProblem.conflict("fleet.error.nothingToRollBack", "service." + id.name());
		}
		group.worker.submit(() -> guarded(group, () -> deployNow(group, previous, "event.rollback")));
	}

	/** Makes the instance's process exit at once, from the inside, as a real crash would. */
	public void crash(String instanceId) {
		Instance instance = readyInstance(instanceId);
		this.client.post(instance, "/chaos/crash", "");
	}

	/** Injects latency and errors into a share of the instance's requests. */
	public void chaos(String instanceId, Instance.Chaos chaos) {
		Instance instance = readyInstance(instanceId);
		this.client.post(instance, "/chaos", "{\"latencyMs\":" + chaos.latencyMs() + ",\"latencyShare\":"
				+ chaos.latencyShare() + ",\"errorShare\":" + chaos.errorShare() + ",\"hangShare\":" + chaos.hangShare()
				+ ",\"jitterMs\":" + chaos.jitterMs() + "}");
		instance.chaos = chaos;
		this.events.add(instance.service().topology().id(), chaos.active() ? "event.chaos.faults" : "event.healed",
				chaos.active(), instance.id(), chaos.latencyMs(), Math.round(chaos.latencyShare() * 100),
				Math.round(chaos.errorShare() * 100), chaos.jitterMs(), Math.round(chaos.hangShare() * 100));
	}

	private Instance readyInstance(String instanceId) {
		Instance instance = instance(instanceId);
		if (instance.state() != InstanceState.READY) {
			throw FleetProblem.conflict("fleet.error.notRunning", instance.id());
		}
		return instance;
	}

	public void setAutoRestart(boolean on) {
		if (this.autoRestart.getAndSet(on) != on) {
			this.events.add(null, on ? "event.autoRestartOn" : "event.autoRestartOff", false);
		}
	}

	/**
	 * Turns the resilience patterns on or off everywhere: in the gateway, and in every running
	 * process (its timeout on calls to peers, and whether it degrades or fails when a peer fails).
	 */
	public void setResilience(boolean on) {
		if (this.resilience.getAndSet(on) != on) {
			for (Instance instance : allInstances()) {
				if (instance.state() == InstanceState.READY) {
					pushResilience(instance, on);
				}
			}
			this.events.add(null, on ? "event.resilienceOn" : "event.resilienceOff", !on);
		}
	}

	private Duration peerTimeout(boolean resilient) {
		return resilient ? this.properties.peerTimeout() : FleetProperties.PATIENT;
	}

	private void pushResilience(Instance instance, boolean on) {
		try {
			this.client.post(instance, "/settings",
					"{\"peerTimeoutMs\":" + peerTimeout(on).toMillis() + ",\"fallbacks\":" + on + "}");
			instance.launchedResilient = on;
		}
		catch (FleetProblem ex) {
			log.warn("could not switch resilience on " + instance.id() + ": " + ex.code());
		}
	}

	// ---------------------------------------------------------------- the work, on a group's worker thread

	private void scaleNow(Group group, int replicas) {
		List<Instance> running = group.running();
		int have = running.size();
		if (replicas > have) {
			List<Instance> added = new ArrayList<>();
			for (int n = have; n < replicas; n++) {
				added.add(reuseOrCreate(group, group.version, added));
			}
			launchAll(group, added);
		}
		else if (replicas < have) {
			List<Instance> surplus = running.stream()
				.sorted(Comparator.comparingInt(Instance::ordinal).reversed())
				.limit(have - replicas)
				.toList();
			for (Instance instance : surplus) {
				stopGracefully(instance);
				group.instances.remove(instance);
			}
		}
		this.events.add(group.id.topology().id(), "event.scaled", false, "service." + group.id.name(), replicas);
	}

	/** A stopped or failed instance of the group gets a new process before a new instance is made. */
	private Instance reuseOrCreate(Group group, String version, List<Instance> taken) {
		for (Instance i : group.instances) {
			if (!i.state.running() && !taken.contains(i)) {
				i.version = version;
				return i;
			}
		}
		return newInstance(group, version);
	}

	private void deployNow(Group group, String version, String eventKey) {
		String topology = group.id.topology().id();
		String from = group.version;
		List<Instance> old = group.instances.stream().filter(i -> i.state.running()).toList();
		int replicas = Math.max(1, old.size());
		this.events.add(topology, eventKey + ".started", false, "service." + group.id.name(), version);
		if (group.id.topology() == Topology.MONOLITH) {
			long down = System.currentTimeMillis();
			for (Instance instance : old) {
				stopGracefully(instance);
			}
			group.instances.removeIf(i -> !i.state.running());
			List<Instance> fresh = new ArrayList<>();
			for (int n = 0; n < replicas; n++) {
				fresh.add(newInstance(group, version));
			}
			launchAll(group, fresh);
			long downtime = System.currentTimeMillis() - down;
			finishDeploy(group, from, version);
			this.events.add(topology, eventKey + ".monolith", false, "service." + group.id.name(), version, downtime);
			return;
		}
		if (!old.isEmpty() && !Versions.runtime(group.id, from).equals(Versions.runtime(group.id, version))) {
			switchRuntime(group, from, version, eventKey, old);
			return;
		}
		int step = 0;
		for (Instance outgoing : old) {
			step++;
			group.activity = step + "/" + replicas;
			this.events.changed();
			Instance incoming = newInstance(group, version);
			if (!launch(group, incoming)) {
				group.instances.remove(incoming);
				group.activity = null;
				this.events.add(topology, eventKey + ".failed", true, "service." + group.id.name(), version);
				return;
			}
			stopGracefully(outgoing);
			group.instances.remove(outgoing);
			this.events.add(topology, eventKey + ".step", false, "service." + group.id.name(), step, replicas);
		}
		if (old.isEmpty()) {
			Instance incoming = newInstance(group, version);
			launch(group, incoming);
		}
		group.instances.removeIf(i -> !i.state.running() && !i.version.equals(version));
		finishDeploy(group, from, version);
		this.events.add(topology, eventKey + ".done", false, "service." + group.id.name(), version);
	}

	/**
	 * A deploy onto another runtime, whose store is another database: the new instances start out
	 * of rotation; writes pause, the data moves from the old version to the new one, the new
	 * instances take the traffic (reads never stop: the old ones serve them until then), writes
	 * resume, and the old instances drain and stop. If anything fails on the way, the new instances
	 * go and the old version keeps running.
	 */
	private void switchRuntime(Group group, String from, String version, String eventKey, List<Instance> old) {
		String topology = group.id.topology().id();
		String service = "service." + group.id.name();
		group.activity = "1/3";
		this.events.changed();
		List<Instance> fresh = new ArrayList<>();
		for (int n = 0; n < old.size(); n++) {
			Instance incoming = newInstance(group, version);
			incoming.held = true;
			fresh.add(incoming);
		}
		launchAll(group, fresh);
		if (fresh.stream().anyMatch(i -> i.state != InstanceState.READY)) {
			abandon(group, fresh);
			this.events.add(topology, eventKey + ".failed", true, service, version);
			return;
		}
		fresh.forEach(this.replyMove::warmUp);
		group.activity = "2/3";
		this.events.add(topology, "event.move.paused", false, service, from, version);
		boolean quiet = group.writes.pause(QUIET_MILLIS);
		long start = System.currentTimeMillis();
		try {
			if (!quiet) {
				throw new IllegalStateException("writes still under way");
			}
			long moved = this.replyMove.copy(old.get(0), fresh.get(0));
			this.events.add(topology, "event.move.done", false, service, moved, from, version,
					System.currentTimeMillis() - start);
		}
		catch (RuntimeException ex) {
			log.warn("moving the data of " + group.id + " failed", ex);
			abandon(group, fresh);
			group.writes.resume();
			this.events.add(topology, "event.move.failed", true, service, ex.getMessage(), from);
			this.events.add(topology, eventKey + ".failed", true, service, version);
			return;
		}
		// the switch: the new instances take the traffic before the old ones leave it
		fresh.forEach(i -> i.held = false);
		old.forEach(i -> i.draining = true);
		long refused = group.writes.resume();
		this.events.add(topology, "event.move.resumed", false, service, group.writes.lastPauseMillis(), refused);
		group.activity = "3/3";
		this.events.changed();
		for (Instance outgoing : old) {
			stopGracefully(outgoing);
			group.instances.remove(outgoing);
		}
		finishDeploy(group, from, version);
		this.events.add(topology, eventKey + ".done", false, service, version);
	}

	private void abandon(Group group, List<Instance> fresh) {
		for (Instance i : fresh) {
			stopGracefully(i);
			group.instances.remove(i);
		}
		group.activity = null;
	}

	private void finishDeploy(Group group, String from, String to) {
		group.activity = null;
		if (!from.equals(to)) {
			group.previousVersion = from;
		}
		group.version = to;
	}

	private Instance newInstance(Group group, String version) {
		Instance instance = new Instance(group.id, group.nextOrdinal++, version);
		group.instances.add(instance);
		return instance;
	}

	private void launchAll(Group group, List<Instance> instances) {
		List<CompletableFuture<Boolean>> all = new ArrayList<>();
		for (Instance i : instances) {
			all.add(CompletableFuture.supplyAsync(() -> launch(group, i)));
		}
		all.forEach(CompletableFuture::join);
	}

	/** Starts the process of an instance and waits until it is ready; false if it could not start. */
	private boolean launch(Group group, Instance instance) {
		String topology = group.id.topology().id();
		instance.state = InstanceState.STARTING;
		instance.ending = Instance.Ending.NONE;
		instance.draining = false;
		instance.error = null;
		instance.port = 0;
		instance.lastCpuSampleAt = 0;
		instance.chaos = Instance.Chaos.NONE;
		instance.startedAt = System.currentTimeMillis();
		this.events.changed();
		ProcessBackend.Running process;
		try {
			process = this.backend.launch(spec(group, instance));
		}
		catch (Exception ex) {
			fail(instance, topology, ex.getMessage());
			return false;
		}
		instance.process = process;
		instance.pid = process.pid();
		process.exit().thenAccept(code -> exited(group, instance, process, code));
		try {
			int port = process.ready().get(this.properties.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
			instance.port = port;
			instance.readyAt = System.currentTimeMillis();
			instance.state = InstanceState.READY;
			if (instance.launchedResilient != this.resilience.get()) {
				// the switch moved while this process was starting
				pushResilience(instance, this.resilience.get());
			}
			this.events.add(topology, "event.ready", false, instance.id(), instance.version,
					instance.readyAt - instance.startedAt);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.kill();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			instance.ending = Instance.Ending.KILL;
			process.kill();
			fail(instance, topology, (ex instanceof TimeoutException) ? "not ready in time" : ex.getCause().getMessage());
			return false;
		}
	}

	private void fail(Instance instance, String topology, String why) {
		instance.state = InstanceState.FAILED;
		instance.error = why;
		this.events.add(topology, "event.failed", true, instance.id(), why);
	}

	private ProcessBackend.Spec spec(Group group, Instance instance) {
		Path data = this.properties.dataDirOrDefault();
		String role = group.id.name();
		Map<String, String> peers = new LinkedHashMap<>();
		if (group.id.topology() == Topology.MICROSERVICES) {
			for (String module : Topology.MICROSERVICES.services()) {
				if (!module.equals(role)) {
					peers.put(module, "http://127.0.0.1:" + this.sitePort + "/lb/microservices/" + module);
				}
			}
		}
		boolean on = this.resilience.get();
		instance.launchedResilient = on;
		return new ProcessBackend.Spec(role, instance.id(), instance.version,
				data.resolve(group.id.topology().id()).resolve(role), peers, peerTimeout(on), on,
				data.resolve("logs").resolve(group.id.topology().id() + "-" + instance.id() + ".log"));
	}

	/** Takes the instance out of rotation, lets its requests finish, then stops it (SIGTERM, then SIGKILL). */
	private void stopGracefully(Instance instance) {
		ProcessBackend.Running process = instance.process;
		if (process == null || !instance.state.running()) {
			return;
		}
		instance.draining = true;
		instance.ending = Instance.Ending.STOP;
		instance.state = InstanceState.STOPPING;
		this.events.changed();
		long until = System.currentTimeMillis() + DRAIN_MILLIS;
		while (instance.inFlight.get() > 0 && System.currentTimeMillis() < until) {
			sleep(10);
		}
		process.terminate();
		try {
			process.exit().get(STOP_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			process.kill();
			process.exit().join();
		}
		instance.state = InstanceState.STOPPED;
	}

	private void killNow(Instance instance) {
		ProcessBackend.Running process = instance.process;
		instance.ending = Instance.Ending.KILL;
		process.kill();
		try {
			process.exit().get(STOP_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new FleetProblem(HttpStatus.INTERNAL_SERVER_ERROR, "fleet.error.failed", instance.id());
		}
	}

	/** Called when a process has exited, whoever ended it. */
	private void exited(Group group, Instance instance, ProcessBackend.Running process, int code) {
		if (instance.process != process || instance.state == InstanceState.STARTING
				|| instance.state == InstanceState.FAILED) {
			// not started yet: launch() reports the failure
			return;
		}
		String topology = group.id.topology().id();
		instance.rssBytes = 0;
		instance.cpuPercent = 0;
		switch (instance.ending) {
			case STOP -> {
				instance.state = InstanceState.STOPPED;
				this.events.add(topology, "event.stopped", false, instance.id());
			}
			case KILL -> {
				if (instance.state != InstanceState.FAILED) {
					instance.state = InstanceState.KILLED;
					this.events.add(topology, "event.killed", true, instance.id());
				}
			}
			default -> {
				instance.state = InstanceState.CRASHED;
				this.events.add(topology, "event.crashed", true, instance.id(), code);
			}
		}
		boolean unplanned = instance.ending != Instance.Ending.STOP && instance.state != InstanceState.FAILED;
		if (unplanned && this.autoRestart.get() && !this.closing) {
			group.worker.submit(() -> guarded(group, () -> {
				if (!instance.state.running() && group.instances.contains(instance)) {
					sleep(300);
					this.events.add(topology, "event.autoRestart", false, instance.id());
					launch(group, instance);
				}
			}));
		}
	}

	private void requireRunning(Instance instance) {
		if (!instance.state.running() || instance.process == null) {
			throw FleetProblem.conflict("fleet.error.notRunning", instance.id());
		}
	}

	/** Runs a quick action on the group's worker and waits for it, passing its refusal on. */
	private void await(Group group, Runnable action) {
		Future<?> done = group.worker.submit(action);
		try {
			done.get(QUICK_ACTION_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof FleetProblem problem) {
				throw problem;
			}
			throw new FleetProblem(HttpStatus.INTERNAL_SERVER_ERROR, "fleet.error.failed", group.id.name());
		}
		catch (TimeoutException ex) {
			throw new FleetProblem(HttpStatus.ACCEPTED, "fleet.error.stillWorking", group.id.name());
		}
	}

	private void guarded(Group group, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			group.activity = null;
			log.warn("fleet action on " + group.id + " failed", ex);
			this.events.add(group.id.topology().id(), "event.actionFailed", true, "service." + group.id.name());
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
