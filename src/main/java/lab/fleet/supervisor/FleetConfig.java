package lab.fleet.supervisor;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import lab.chassis.store.H2Server;
import lab.fleet.Daemons;
import lab.fleet.EventLog;
import lab.fleet.FleetProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the site's fleet: its private data slot, local processes, the rollout strategies;
 * it starts once the site is ready (the services reach each other through the site's load
 * balancer, so its port must be known), samples memory and CPU every second, and stops
 * every child process when the site stops.
 */
@Configuration(proxyBeanMethods = false)
class FleetConfig {

	@Bean(destroyMethod = "close")
	DataSlot fleetData(FleetProperties properties) {
		return DataSlot.claim(DataSlot.root(properties.dataDir(), System.getenv(), System.getProperty("user.home")));
	}

	/**
	 * The services' databases, served by the site to its demo processes; closed after the
	 * fleet (which needs the backend, which needs this) has stopped every child.
	 */
	@Bean(destroyMethod = "close")
	H2Server fleetDatabases(DataSlot data) {
		return new H2Server(data.dir());
	}

	@Bean
	ProcessBackend processBackend(ObjectProvider<Launcher> launchers, H2Server databases) {
		return new LocalProcessBackend(launchers.orderedStream().toList(), databases);
	}

	@Bean
	InstanceControl instanceControl(JsonMapper json) {
		return new InstanceClient(json);
	}

	@Bean
	SettingsBroadcaster settingsBroadcaster(InstanceControl control, EventLog events, FleetProperties properties) {
		return new SettingsBroadcaster(control, events, properties);
	}

	@Bean(destroyMethod = "shutdown")
	Fleet fleet(ProcessBackend backend, InstanceControl control, EventLog events, FleetProperties properties,
			DataSlot data, List<Rollout> rollouts, SettingsBroadcaster settings) {
		return new Fleet("site", backend, control, events, properties, data, rollouts, settings);
	}

	/**
	 * Starts the fleet once the site is ready, not as soon as its port is open: the
	 * children's five JVM starts would otherwise compete for the same cores with the
	 * site's own start.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ApplicationListener<ApplicationReadyEvent> fleetStarter(Fleet fleet, FleetProperties properties) {
		return event -> {
			if (properties.autostart() && event.getApplicationContext() instanceof WebServerApplicationContext web) {
				int port = web.getWebServer().getPort();
				Thread starter = new Thread(() -> fleet.startDefault(port), "fleet-start");
				starter.setDaemon(true);
				starter.start();
			}
		};
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService fleetSampler(Fleet fleet) {
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(Daemons.named("fleet-sampler"));
		sampler.scheduleAtFixedRate(fleet::sample, 1, 1, TimeUnit.SECONDS);
		return sampler;
	}

}
