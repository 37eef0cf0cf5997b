package lab.fleet.supervisor;

import java.util.concurrent.atomic.AtomicInteger;

import lab.fleet.RequestStats;
import lab.fleet.ServiceId;

/**
 * One process of a service. Its state changes on its service's worker thread (control actions) or
 * on the thread that sees the process exit; readers (load balancer, live view) see it through
 * volatile fields.
 */
public final class Instance {

	/** Why the process is expected to end, so an exit can be told apart from a crash. */
	enum Ending {

		NONE, STOP, KILL

	}

	private final String id;

	private final ServiceId service;

	private final int ordinal;

	final RequestStats stats = new RequestStats();

	final AtomicInteger inFlight = new AtomicInteger();

	volatile String version;

	volatile InstanceState state = InstanceState.STOPPED;

	volatile long pid;

	volatile int port;

	volatile boolean draining;

	volatile Ending ending = Ending.NONE;

	volatile String error;

	volatile long startedAt;

	volatile long readyAt;

	volatile long rssBytes;

	volatile double cpuPercent;

	volatile long lastCpuMillis;

	volatile long lastCpuSampleAt;

	volatile ProcessBackend.Running process;

	/** Whether the process runs with the resilience patterns on (as launched or last switched). */
	volatile boolean launchedResilient = true;

	/** The chaos last set through the site; a new process starts without any. */
	volatile Chaos chaos = Chaos.NONE;

	/**
	 * Faults injected into a share of the instance's requests: latency (varied by up to
	 * {@code jitterMs} either way), errors, and hangs (accepted, never answered).
	 */
	public record Chaos(int latencyMs, double latencyShare, double errorShare, double hangShare, int jitterMs) {

		public static final Chaos NONE = new Chaos(0, 0, 0, 0, 0);

		public boolean active() {
			return ((this.latencyMs > 0 || this.jitterMs > 0) && this.latencyShare > 0) || this.errorShare > 0
					|| this.hangShare > 0;
		}

	}

	/**
	 * Started and ready, but kept out of rotation until the service's data has moved to it (a
	 * deploy that changes the runtime); set and cleared on the service's worker.
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

	/** The load balancer sends it a request (a draining instance waits for these to finish). */
	public void requestStarted() {
		this.inFlight.incrementAndGet();
	}

	/** A request sent by the load balancer has ended. */
	public void requestEnded(long nowMillis, boolean success, long latencyMs) {
		this.inFlight.decrementAndGet();
		this.stats.record(nowMillis, success, latencyMs);
	}

	/** Ready, not draining, not held: the load balancer may send it requests. */
	public boolean inRotation() {
		return this.state == InstanceState.READY && !this.draining && !this.held;
	}

	/** What runs the process: {@code python} for Threads v3, {@code java} for everything else. */
	public String runtime() {
		return Versions.runtime(this.service, this.version);
	}

}
