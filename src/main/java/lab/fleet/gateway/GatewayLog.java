package lab.fleet.gateway;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.stereotype.Component;

import lab.fleet.EventLog;
import lab.fleet.Feature;
import lab.fleet.ServiceId;

/**
 * Tells the event log what the gateway did, in words a learner follows: each circuit
 * breaker's change (closed, open, half-open), and each feature that starts or stops
 * failing, with a fallback or without one. A feature failing a hundred times under load
 * is one line when it starts failing and one when it works again, not a hundred.
 */
@Component
public class GatewayLog {

	/** How a feature's last answer went. */
	enum Outcome {

		OK, FALLBACK, REFUSED

	}

	private final EventLog events;

	private final Map<String, Outcome> last = new ConcurrentHashMap<>();

	/**
	 * Per breaker, the changes already logged since it last closed: an outage is told
	 * once, not every 2 s.
	 */
	private final Map<ServiceId, Set<String>> told = new ConcurrentHashMap<>();

	public GatewayLog(EventLog events) {
		this.events = events;
	}

	/** Logs every state change of this service's breaker from now on. */
	void watch(ServiceId service, CircuitBreaker breaker) {
		breaker.getEventPublisher().onStateTransition(change -> {
			String from = change.getStateTransition().getFromState().name().toLowerCase(Locale.ROOT);
			String to = change.getStateTransition().getToState().name().toLowerCase(Locale.ROOT);
			Set<String> seen = this.told.computeIfAbsent(service, s -> ConcurrentHashMap.newKeySet());
			if ("closed".equals(to)) {
				seen.clear();
			}
			else if (!seen.add(from + ">" + to)) {
				return;
			}
			this.events.add(service.topology().id(), "event.breaker." + to, !"closed".equals(to),
					"service." + service.name(), "breaker." + from);
		});
	}

	/** Records the outcome of one call; logs only when the feature's outcome changes. */
	void answered(ServiceId service, Feature feature, Outcome outcome) {
		Outcome before = this.last.put(service.topology().id() + "/" + feature.id(), outcome);
		if (before == outcome || (before == null && outcome == Outcome.OK)) {
			return;
		}
		String topology = service.topology().id();
		switch (outcome) {
			case OK -> this.events.add(topology, "event.feature.ok", false, "feature." + feature.id(),
					"service." + service.name());
			case FALLBACK -> this.events.add(topology, "event.feature.fallback", true, "feature." + feature.id(),
					"service." + service.name());
			default -> this.events.add(topology, "event.feature.refused", true, "feature." + feature.id(),
					"service." + service.name());
		}
	}

}
