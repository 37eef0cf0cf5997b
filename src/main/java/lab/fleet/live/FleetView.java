package lab.fleet.live;

import java.util.List;
import java.util.Map;

import lab.fleet.load.LoadView;
import lab.fleet.supervisor.Instance;

/**
 * The whole state of the fleet as the live view and {@code GET /api/fleet} show it, with
 * its words already in the caller's language.
 */
public record FleetView(List<TopologyView> topologies, SettingsView settings, long siteRssBytes, long totalRssBytes,
		List<EventView> events, List<LoadView> loads) {

	/**
	 * {@code retries}: repeats of a failed call on every hop; {@code deadline}: one
	 * budget of {@code deadlineMs} for each storefront call and every hop behind it.
	 */
	public record SettingsView(boolean autoRestart, boolean resilience, int retries, boolean deadline,
			long deadlineMs) {

		/** Without retries or a deadline (as before they existed). */
		public SettingsView(boolean autoRestart, boolean resilience) {
			this(autoRestart, resilience, 0, false, 0);
		}

	}

	public record TopologyView(String id, String label, long rssBytes, String rssLabel, List<ServiceView> services,
			Map<String, FeatureView> features) {
	}

	/**
	 * One service. {@code versions}: what a deploy may choose; {@code writesPaused}: its
	 * writes are paused while its data moves to another runtime; {@code writesRefused}
	 * and {@code writePauseMs}: the writes refused during the last such pause (or so far
	 * in this one) and how long it lasted; {@code attempts} and {@code retried}: the
	 * calls its instances received through the load balancer, and how many were retries.
	 */
	public record ServiceView(String topology, String name, String label, String version, String previousVersion,
			String activity, String breaker, String breakerLabel, int running, List<InstanceView> instances,
			List<String> versions, boolean writesPaused, long writesRefused, long writePauseMs, long attempts,
			long retried) {

		/** Before any call was counted. */
		public ServiceView(String topology, String name, String label, String version, String previousVersion,
				String activity, String breaker, String breakerLabel, int running, List<InstanceView> instances,
				List<String> versions, boolean writesPaused, long writesRefused, long writePauseMs) {
			this(topology, name, label, version, previousVersion, activity, breaker, breakerLabel, running, instances,
					versions, writesPaused, writesRefused, writePauseMs, 0, 0);
		}

	}

	/**
	 * One instance; {@code runtime} is {@code java} or {@code python},
	 * {@code runtimeLabel} its name in words; {@code attempts}: the calls it received
	 * through the load balancer, {@code retried} how many of them were retries.
	 */
	public record InstanceView(String id, String service, String topology, String version, String state,
			String stateLabel, long pid, int port, long rssBytes, String rssLabel, double cpuPercent, double rps,
			double errorRate, int p95Ms, boolean draining, String error, String figures, Instance.Chaos chaos,
			String runtime, String runtimeLabel, long attempts, long retried) {

		/** Before any call was counted. */
		public InstanceView(String id, String service, String topology, String version, String state, String stateLabel,
				long pid, int port, long rssBytes, String rssLabel, double cpuPercent, double rps, double errorRate,
				int p95Ms, boolean draining, String error, String figures, Instance.Chaos chaos, String runtime,
				String runtimeLabel) {
			this(id, service, topology, version, state, stateLabel, pid, port, rssBytes, rssLabel, cpuPercent, rps,
					errorRate, p95Ms, draining, error, figures, chaos, runtime, runtimeLabel, 0, 0);
		}

	}

	/**
	 * One feature of the storefront; {@code lastAttempts} and {@code lastWaitedMs}: how
	 * many times the gateway sent its last call, and how long the storefront waited.
	 */
	public record FeatureView(double rps, double errorRate, int p95Ms, long[] seconds, long[] ok, long[] failed,
			int lastAttempts, long lastWaitedMs) {

		/** Before any storefront call of the feature. */
		public FeatureView(double rps, double errorRate, int p95Ms, long[] seconds, long[] ok, long[] failed) {
			this(rps, errorRate, p95Ms, seconds, ok, failed, 0, 0);
		}

	}

	/**
	 * {@code actor}: the opaque tag of the visitor's page that caused it, null when the
	 * fleet did.
	 */
	public record EventView(long id, long at, String time, String topology, String text, boolean problem,
			String actor) {
	}

}
