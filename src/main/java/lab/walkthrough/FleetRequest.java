package lab.walkthrough;

import java.util.Map;

/**
 * One call of the fleet's control API ({@code POST path} with form fields) that a page
 * sends on the presenter's behalf, through the same endpoints and the same security as
 * every other control.
 */
public record FleetRequest(String path, Map<String, String> fields) {

	static FleetRequest post(String path, String... keysAndValues) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		for (int n = 0; n + 1 < keysAndValues.length; n += 2) {
			fields.put(keysAndValues[n], keysAndValues[n + 1]);
		}
		return new FleetRequest(path, java.util.Collections.unmodifiableMap(fields));
	}

	/** Clears every fault of one instance: latency, jitter, errors and hang. */
	static FleetRequest heal(String instanceId) {
		return post("/api/fleet/instances/" + instanceId + "/chaos", "latencyMs", "0", "latencyShare", "0",
				"errorShare", "0", "hangShare", "0", "jitterMs", "0");
	}

}
