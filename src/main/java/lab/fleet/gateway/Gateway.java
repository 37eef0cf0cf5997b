package lab.fleet.gateway;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.stereotype.Component;

import lab.chassis.http.Attempts;
import lab.chassis.http.Deadline;
import lab.fleet.Feature;
import lab.fleet.FleetProperties;
import lab.fleet.RequestStats;
import lab.fleet.ServiceId;
import lab.fleet.Topology;
import lab.fleet.supervisor.Fleet;

/**
 * The API gateway in front of both topologies: the storefront on the page calls the site,
 * and the site calls the service behind each feature. With resilience on, every call has
 * a timeout, each service has a circuit breaker, and a failure degrades one feature with
 * a fallback answer; with resilience off, calls wait as long as the service makes them
 * and failures pass straight through. Either way a failed call that is safe to repeat is
 * retried as often as the fleet's retries setting says, and with the deadline budget on,
 * all its attempts (and every hop behind them) share one budget.
 */
@Component
public class Gateway {

	/**
	 * How long a call may take when resilience is off: long enough to pile up, as in real
	 * life.
	 */
	static final Duration PATIENT = FleetProperties.PATIENT;

	private final Upstream upstream;

	private final Fleet fleet;

	private final FleetProperties properties;

	private final CircuitBreakerRegistry breakers;

	private final GatewayLog log;

	private final Map<Topology, Map<Feature, RequestStats>> stats = new EnumMap<>(Topology.class);

	public Gateway(Upstream upstream, Fleet fleet, FleetProperties properties, GatewayLog log) {
		this.upstream = upstream;
		this.fleet = fleet;
		this.properties = properties;
		this.log = log;
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(2))
			.permittedNumberOfCallsInHalfOpenState(2)
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.build());
		this.breakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
		for (Topology t : Topology.values()) {
			Map<Feature, RequestStats> perFeature = new EnumMap<>(Feature.class);
			for (Feature f : Feature.values()) {
				perFeature.put(f, new RequestStats());
			}
			this.stats.put(t, perFeature);
			this.last.put(t, new java.util.concurrent.ConcurrentHashMap<>());
		}
	}

	/**
	 * The gateway's answer for one storefront call.
	 *
	 * @param status the HTTP status for the page
	 * @param body the service's JSON, or null
	 * @param fallback a message key when the feature is unavailable and a fallback
	 * answered
	 * @param tookMs how long the page waited for this answer
	 * @param attempts how many times the gateway sent the call (1 without a retry; 0 if
	 * it never left, refused by the breaker or the bulkhead)
	 * @param deadlineSpent whether the call was given up because its deadline budget was
	 * spent
	 */
	public record Answer(int status, byte[] body, String fallback, String instance, long tookMs, int attempts,
			boolean deadlineSpent) {

		Answer(int status, byte[] body, String fallback, String instance) {
			this(status, body, fallback, instance, 0, 0, false);
		}

		/** An answer after one attempt (or none), without a deadline. */
		public Answer(int status, byte[] body, String fallback, String instance, long tookMs) {
			this(status, body, fallback, instance, tookMs, (instance == null) ? 0 : 1, false);
		}

		/**
		 * Whether another attempt could help: no answer, or a failure of the service
		 * itself (not a refusal the gateway chose: breaker, paused writes).
		 */
		boolean worthRetrying() {
			return this.status >= 500 && !WRITES_PAUSED.equals(this.fallback) && !BREAKER_OPEN.equals(this.instance)
					&& !this.deadlineSpent;
		}

	}

	/**
	 * The message key when a write was refused because the service's writes are paused
	 * for a data move.
	 */
	public static final String WRITES_PAUSED = "store.writesPaused";

	/** Marks, in place of an instance, an answer the open breaker gave without a call. */
	private static final String BREAKER_OPEN = "";

	/** The last storefront call of a feature: how many attempts it took and how long. */
	public record LastCall(int attempts, long waitedMs, boolean ok) {

		static final LastCall NONE = new LastCall(0, 0, true);

	}

	private final Map<Topology, Map<Feature, LastCall>> last = new EnumMap<>(Topology.class);

	/**
	 * One storefront call: as many attempts as the fleet's retries setting allows (for a
	 * call that is safe to repeat), each with the gateway's timeout, or, with the
	 * deadline budget on, all of them within one budget of that timeout, which every hop
	 * behind the gateway is told.
	 */
	public Answer call(Topology topology, Feature feature, String method, String path, byte[] body) {
		ServiceId service = new ServiceId(topology, topology.serviceFor(feature.module()));
		long start = System.currentTimeMillis();
		long startNanos = System.nanoTime();
		boolean resilient = this.fleet.resilience();
		Deadline deadline = this.fleet.deadline() ? Deadline.after(this.properties.callTimeout(), startNanos) : null;
		Attempts attempts = new Attempts(this.fleet.retries(), feature.idempotent(method), deadline);
		Answer answer = null;
		int made = 0;
		for (int attempt = 1; attempts.allows(attempt, System.nanoTime()); attempt++) {
			Upstream.Hop hop = new Upstream.Hop(deadline, attempt);
			answer = resilient ? guarded(service, feature, method, path, body, hop)
					: unguarded(service, method, path, body, hop);
			made = BREAKER_OPEN.equals(answer.instance()) ? made : attempt;
			if (!answer.worthRetrying()) {
				break;
			}
		}
		boolean spent = attempts.spent(System.nanoTime()) && (answer == null || answer.worthRetrying());
		if (answer == null || spent) {
			// the budget ran out: the call is given up, as a timeout would
			String fallback = resilient ? "store." + feature.id() + ".unavailable" : null;
			answer = new Answer(resilient ? 503 : 504, null, fallback, null, 0, made, true);
		}
		long took = System.currentTimeMillis() - start;
		boolean ok = answer.fallback() == null && answer.status() < 500;
		this.log.answered(service, feature, ok ? GatewayLog.Outcome.OK
				: (answer.fallback() != null) ? GatewayLog.Outcome.FALLBACK : GatewayLog.Outcome.REFUSED);
		this.stats.get(topology).get(feature).record(System.currentTimeMillis(), ok, took);
		this.last.get(topology).put(feature, new LastCall(made, took, ok));
		String instance = BREAKER_OPEN.equals(answer.instance()) ? null : answer.instance();
		return new Answer(answer.status(), answer.body(), answer.fallback(), instance, took, made,
				answer.deadlineSpent());
	}

	private Answer guarded(ServiceId service, Feature feature, String method, String path, byte[] body,
			Upstream.Hop hop) {
		CircuitBreaker breaker = breaker(service);
		String fallback = "store." + feature.id() + ".unavailable";
		if (!breaker.tryAcquirePermission()) {
			return new Answer(503, null, fallback, BREAKER_OPEN);
		}
		long start = System.nanoTime();
		try {
			Upstream.Reply reply = this.upstream.call(service, method, path, body, this.properties.callTimeout(), hop);
			long took = System.nanoTime() - start;
			if (reply.status() >= 500) {
				breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException("HTTP " + reply.status()));
				return new Answer(503, null, fallback, reply.instance());
			}
			breaker.onSuccess(took, TimeUnit.NANOSECONDS);
			return new Answer(reply.status(), reply.body(), null, reply.instance());
		}
		catch (Upstream.Unavailable ex) {
			if (ex.writesPaused()) {
				// refused on purpose, the service is fine: not a failure for the breaker
				breaker.releasePermission();
				return new Answer(503, null, WRITES_PAUSED, null);
			}
			breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			return new Answer(503, null, fallback, null);
		}
	}

	private Answer unguarded(ServiceId service, String method, String path, byte[] body, Upstream.Hop hop) {
		try {
			Upstream.Reply reply = this.upstream.call(service, method, path, body, PATIENT, hop);
			return new Answer(reply.status(), reply.body(), null, reply.instance());
		}
		catch (Upstream.Unavailable ex) {
			if (ex.writesPaused()) {
				return new Answer(503, null, WRITES_PAUSED, null);
			}
			return new Answer(ex.timedOut() ? 504 : 502, null, null, null);
		}
	}

	private void watch(CircuitBreaker breaker) {
		String[] name = breaker.getName().split("/", 2);
		Topology.of(name[0]).ifPresent(topology -> this.log.watch(new ServiceId(topology, name[1]), breaker));
	}

	public CircuitBreaker breaker(ServiceId service) {
		return this.breakers.circuitBreaker(service.toString());
	}

	/** The breaker's state in lower case (closed, open, half_open), for the live view. */
	public String breakerState(ServiceId service) {
		return breaker(service).getState().name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Successes and failures per second of each feature over the last {@code seconds}.
	 */
	public Map<String, long[][]> series(Topology topology, int seconds) {
		Map<String, long[][]> out = new LinkedHashMap<>();
		long now = System.currentTimeMillis();
		this.stats.get(topology).forEach((feature, s) -> out.put(feature.id(), s.series(now, seconds)));
		return out;
	}

	/** The budget of each storefront call when the deadline is on: the call timeout. */
	public Duration deadlineBudget() {
		return this.properties.callTimeout();
	}

	/** The last storefront call of the feature in the topology. */
	public LastCall lastCall(Topology topology, Feature feature) {
		return this.last.get(topology).getOrDefault(feature, LastCall.NONE);
	}

	public RequestStats.Summary summary(Topology topology, Feature feature, int window) {
		return this.stats.get(topology).get(feature).summary(System.currentTimeMillis(), window);
	}

}
