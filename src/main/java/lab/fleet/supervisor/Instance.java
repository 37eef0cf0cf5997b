package lab.fleet.supervisor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import lab.fleet.RequestStats;
import lab.fleet.ServiceId;

/**
 * One process of a service. Owner: its {@link ServiceGroup}'s worker thread is the only
 * one that changes its life (state, process, version, chaos); every other thread (the
 * load balancer, the live view, the HTTP handlers) only reads it, through volatile
 * fields. Two things have owners of their own: the memory and CPU figures are written by
 * the fleet's sampler alone, and the request figures by the load balancer, through
 * {@link #requestStarted()} and {@link #requestEnded}.
 */
public final class Instance {

	/** Why the process is expected to end, so an exit can be told apart from a crash. */
	enum Ending {

		NONE, STOP, KILL

	}

	private final String id;

	private final ServiceId service;

	private final int ordinal;

	private final RequestStats stats = new RequestStats();

	private final AtomicInteger inFlight = new AtomicInteger();

	volatile String version;

	volatile InstanceState state = InstanceState.STOPPED;

	volatile long pid;

	volatile int port;

	volatile boolean draining;

	volatile Ending ending = Ending.NONE;

	volatile String error;

	volatile long startedAt;

	volatile long readyAt;

	volatile ProcessBackend.Running process;

	/** The last process whose end has been handled (so an exit is handled once). */
	volatile ProcessBackend.Running ended;

	/**
	 * Whether the process runs with the resilience patterns on (as launched or last
	 * switched).
	 */
	volatile boolean launchedResilient = true;

	/** The retries the process was last told (it starts with none). */
	volatile int pushedRetries;

	/** Business requests the load balancer sent it, and how many of them were repeats. */
	private final AtomicLong attempts = new AtomicLong();

	private final AtomicLong retried = new AtomicLong();

	/** The chaos last set through the site; a new process starts without any. */
	volatile Chaos chaos = Chaos.NONE;

	// written by the sampler alone

	private volatile long rssBytes;

	private volatile double cpuPercent;

	private long lastCpuMillis;

	private long lastCpuSampleAt;

	private long lastSampledPid;

	/** Latency and errors injected into a share of the instance's requests. */
	public record Chaos(int latencyMs, double latencyShare, double errorShare, double hangShare, int jitterMs) {

		public static final Chaos NONE = new Chaos(0, 0, 0, 0, 0);

		public boolean active() {
			return ((this.latencyMs > 0 || this.jitterMs > 0) && this.latencyShare > 0) || this.errorShare > 0
					|| this.hangShare > 0;
		}

	}

	/**
	 * Started and ready, but kept out of rotation until the service's data has moved to
	 * it (a deploy that changes the runtime); set and cleared on the service's worker.
	 */
	volatile boolean held;

	Instance(ServiceId service, int ordinal, String version) {
		this.service = service;
		this.ordinal = ordinal;
		this.id = service.name() + "-" + ordinal;
		this.version = version;
	}

	public String id() {
		return this.id;
	}

	public ServiceId service() {
		return this.service;
	}

	int ordinal() {
		return this.ordinal;
	}

	public InstanceState state() {
		return this.state;
	}

	public String version() {
		return this.version;
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.pid;
	}

	public long rssBytes() {
		return this.rssBytes;
	}

	public double cpuPercent() {
		return this.cpuPercent;
	}

	public boolean draining() {
		return this.draining;
	}

	/** Why it could not start, or null. */
	public String error() {
		return this.error;
	}

	public Chaos chaos() {
		return this.chaos;
	}

	/** Requests the load balancer sent it, per second. */
	public RequestStats stats() {
		return this.stats;
	}

	/**
	 * The load balancer sends it a request (a draining instance waits for these to
	 * finish).
	 */
	public void requestStarted() {
		this.inFlight.incrementAndGet();
	}

	/**
	 * Counts one attempt the load balancer sends it; {@code attempt} is the caller's
	 * attempt number (1 for a first try, more for a retry).
	 */
	public void attemptReceived(int attempt) {
		this.attempts.incrementAndGet();
		if (attempt > 1) {
			this.retried.incrementAndGet();
		}
	}

	/** Business requests it has received through the load balancer since it started. */
	public long attempts() {
		return this.attempts.get();
	}

	/** Of those, the retries (a caller's second or later attempt). */
	public long retried() {
		return this.retried.get();
	}

	/** A request sent by the load balancer has ended. */
	public void requestEnded(long nowMillis, boolean success, long latencyMs) {
		this.inFlight.decrementAndGet();
		this.stats.record(nowMillis, success, latencyMs);
	}

	int inFlight() {
		return this.inFlight.get();
	}

	/** Ready, not draining: the load balancer may send it requests. */
	public boolean inRotation() {
		return this.state == InstanceState.READY && !this.draining && !this.held;
	}

	/**
	 * What runs the process: {@code python} for Threads v3, {@code java} for everything
	 * else.
	 */
	public String runtime() {
		return Versions.runtime(this.service, this.version);
	}

	/**
	 * The sampler's reading: real memory (RSS) and CPU time so far; the share is since
	 * the last reading.
	 */
	void sampled(long nowMillis, long sampledPid, long rss, long cpuMillis) {
		this.rssBytes = rss;
		if (sampledPid != this.lastSampledPid) {
			this.lastSampledPid = sampledPid;
			this.lastCpuSampleAt = 0;
		}
		if (this.lastCpuSampleAt > 0 && nowMillis > this.lastCpuSampleAt && cpuMillis >= this.lastCpuMillis) {
			this.cpuPercent = 100.0 * (cpuMillis - this.lastCpuMillis) / (nowMillis - this.lastCpuSampleAt);
		}
		this.lastCpuMillis = cpuMillis;
		this.lastCpuSampleAt = nowMillis;
	}

	/**
	 * The sampler found no process (not started yet, or gone): no figures, and a fresh
	 * CPU baseline.
	 */
	void notSampled() {
		this.rssBytes = 0;
		this.cpuPercent = 0;
		this.lastCpuSampleAt = 0;
		this.lastSampledPid = 0;
	}

}
