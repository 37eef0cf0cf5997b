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
 * and failures pass straight through.
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
	 */
	public record Answer(int status, byte[] body, String fallback, String instance, long tookMs) {

		Answer(int status, byte[] body, String fallback, String instance) {
			this(status, body, fallback, instance, 0);
		}

	}

	/**
	 * The message key when a write was refused because the service's writes are paused
	 * for a data move.
	 */
	public static final String WRITES_PAUSED = "store.writesPaused";

	public Answer call(Topology topology, Feature feature, String method, String path, byte[] body) {
		ServiceId service = new ServiceId(topology, topology.serviceFor(feature.module()));
		long start = System.currentTimeMillis();
		Answer answer = this.fleet.resilience() ? guarded(service, feature, method, path, body)
				: unguarded(service, method, path, body);
		long took = System.currentTimeMillis() - start;
		boolean ok = answer.fallback() == null && answer.status() < 500;
		this.log.answered(service, feature, ok ? GatewayLog.Outcome.OK
				: (answer.fallback() != null) ? GatewayLog.Outcome.FALLBACK : GatewayLog.Outcome.REFUSED);
		this.stats.get(topology).get(feature).record(System.currentTimeMillis(), ok, took);
		return new Answer(answer.status(), answer.body(), answer.fallback(), answer.instance(), took);
	}

	private Answer guarded(ServiceId service, Feature feature, String method, String path, byte[] body) {
		CircuitBreaker breaker = breaker(service);
		String fallback = "store." + feature.id() + ".unavailable";
		if (!breaker.tryAcquirePermission()) {
			return new Answer(503, null, fallback, null);
		}
		long start = System.nanoTime();
		try {
			Upstream.Reply reply = this.upstream.call(service, method, path, body, this.properties.callTimeout());
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

	private Answer unguarded(ServiceId service, String method, String path, byte[] body) {
		try {
			Upstream.Reply reply = this.upstream.call(service, method, path, body, PATIENT);
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

	public RequestStats.Summary summary(Topology topology, Feature feature, int window) {
		return this.stats.get(topology).get(feature).summary(System.currentTimeMillis(), window);
	}

}
