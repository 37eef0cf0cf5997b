package lab.fleet.live;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import lab.fleet.EventLog;
import lab.fleet.Feature;
import lab.fleet.RequestStats;
import lab.fleet.ServiceId;
import lab.fleet.Topology;
import lab.fleet.gateway.Gateway;
import lab.fleet.load.LoadGenerator;
import lab.fleet.supervisor.Fleet;
import lab.fleet.supervisor.Instance;
import lab.fleet.supervisor.Versions;
import lab.fleet.supervisor.WritePause;
import lab.fleet.supervisor.ProcessStats;
import lab.fleet.supervisor.ServiceGroup;
import lab.system.LocalizedFormat;

/** Builds the {@link FleetView} of the current state, worded in one language. */
@Component
public class FleetViews {

	static final int CHART_SECONDS = 60;

	private static final int WINDOW_SECONDS = 10;

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final Fleet fleet;

	private final Gateway gateway;

	private final EventLog events;

	private final LoadGenerator load;

	private final MessageSource messages;

	public FleetViews(Fleet fleet, Gateway gateway, EventLog events, LoadGenerator load, MessageSource messages) {
		this.fleet = fleet;
		this.gateway = gateway;
		this.events = events;
		this.load = load;
		this.messages = messages;
	}

	public FleetView view(Locale locale) {
		long now = System.currentTimeMillis();
		List<FleetView.TopologyView> topologies = new ArrayList<>();
		long total = 0;
		for (Topology topology : Topology.values()) {
			List<FleetView.ServiceView> services = new ArrayList<>();
			long rss = 0;
			for (String name : topology.services()) {
				ServiceId id = new ServiceId(topology, name);
				ServiceGroup group = this.fleet.group(id);
				List<FleetView.InstanceView> instances = new ArrayList<>();
				int running = 0;
				long attempts = 0;
				long retried = 0;
				for (Instance i : group.instances()) {
					boolean up = i.state().running();
					running += up ? 1 : 0;
					rss += up ? i.rssBytes() : 0;
					instances.add(instance(i, now, locale));
					attempts += i.attempts();
					retried += i.retried();
				}
				String breaker = this.gateway.breakerState(id);
				WritePause writes = group.writes();
				services.add(new FleetView.ServiceView(topology.id(), name, text("service." + name, locale),
						group.version(), group.previousVersion(), group.activity(), breaker,
						text("breaker." + breaker, locale), running, instances, Versions.of(id), writes.paused(),
						writes.lastRefused(), writes.lastPauseMillis(), attempts, retried));
			}
			Map<String, FleetView.FeatureView> features = new LinkedHashMap<>();
			this.gateway.series(topology, CHART_SECONDS).forEach((feature, series) -> {
				RequestStats.Summary s = this.gateway.summary(topology, Feature.of(feature), WINDOW_SECONDS);
				Gateway.LastCall last = this.gateway.lastCall(topology, Feature.of(feature));
				features.put(feature, new FleetView.FeatureView(s.rps(), s.errorRate(), s.p95Ms(), series[0], series[1],
						series[2], last.attempts(), last.waitedMs()));
			});
			total += rss;
			topologies.add(new FleetView.TopologyView(topology.id(), text("topology." + topology.id(), locale), rss,
					megabytes(rss, locale), services, features));
		}
		long site = ProcessStats.rssBytes(ProcessHandle.current().pid());
		List<FleetView.EventView> log = new ArrayList<>();
		for (EventLog.FleetEvent e : this.events.recent(40)) {
			log.add(new FleetView.EventView(e.id(), e.at(), clock(e.at(), locale), e.topology(), event(e, locale),
					e.problem(), e.actor()));
		}
		return new FleetView(topologies, settings(), site, site + total, log, this.load.views());
	}

	/** The fleet-wide settings as they are now. */
	public FleetView.SettingsView settings() {
		return new FleetView.SettingsView(this.fleet.autoRestart(), this.fleet.resilience(), this.fleet.retries(),
				this.fleet.deadline(), this.gateway.deadlineBudget().toMillis());
	}

	private FleetView.InstanceView instance(Instance i, long now, Locale locale) {
		RequestStats.Summary s = i.stats().summary(now, WINDOW_SECONDS);
		boolean up = i.state().running();
		String state = i.state().name().toLowerCase(Locale.ROOT);
		String figures = up
				? text("instance.figures", locale, i.version(), number(i.pid(), locale), number(i.port(), locale),
						megabytes(i.rssBytes(), locale), number(Math.round(s.rps()), locale), number(s.p95Ms(), locale),
						number(Math.round(i.cpuPercent()), locale), number(Math.round(s.errorRate() * 100), locale))
				: i.version();
		String runtime = i.runtime();
		String runtimeLabel = text("runtime." + runtime, locale);
		if (up) {
			figures = text("instance.runtime", locale, runtimeLabel, figures);
		}
		return new FleetView.InstanceView(i.id(), i.service().name(), i.service().topology().id(), i.version(), state,
				text("state." + state, locale), up ? i.pid() : 0, up ? i.port() : 0, up ? i.rssBytes() : 0,
				megabytes(up ? i.rssBytes() : 0, locale), Math.round(i.cpuPercent() * 10) / 10.0,
				Math.round(s.rps() * 10) / 10.0, Math.round(s.errorRate() * 1000) / 1000.0, s.p95Ms(), i.draining(),
				(i.error() == null) ? null : text(i.error(), locale), figures, i.chaos(), runtime, runtimeLabel,
				i.attempts(), i.retried());
	}

	/**
	 * The event's text in the viewer's language, its message keys among its arguments
	 * too.
	 */
	String event(EventLog.FleetEvent e, Locale locale) {
		Object[] args = new Object[e.args().size()];
		for (int n = 0; n < args.length; n++) {
			String arg = e.args().get(n);
			if (arg.matches("\\d+")) {
				args[n] = LocalizedFormat.digits(arg, locale);
			}
			else if (arg.startsWith("service.") || arg.startsWith("feature.") || arg.startsWith("breaker.")
					|| arg.startsWith("reason.")) {
				args[n] = text(arg, locale);
			}
			else {
				args[n] = arg;
			}
		}
		return this.messages.getMessage(e.key(), args, e.key(), locale);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	private static String number(long n, Locale locale) {
		return LocalizedFormat.digits(String.valueOf(n), locale);
	}

	private String megabytes(long bytes, Locale locale) {
		return text("unit.megabytes", locale, number(Math.round(bytes / 1048576.0), locale));
	}

	private static String clock(long at, Locale locale) {
		return LocalizedFormat.digits(CLOCK.format(Instant.ofEpochMilli(at).atZone(ZoneId.systemDefault())), locale);
	}

}
