package lab.fleet;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the fleet: it starts once the site's port is known (the services reach each other through
 * the site's load balancer), samples memory and CPU every second, and stops every child process
 * when the site stops.
 */
@Configuration(proxyBeanMethods = false)
class FleetConfig {

	@Bean(destroyMethod = "shutdown")
	Fleet fleet(ProcessBackend backend, EventLog events, FleetProperties properties) {
		return new Fleet(backend, events, properties);
	}

	@Bean
	ApplicationListener<WebServerInitializedEvent> fleetStarter(Fleet fleet, FleetProperties properties) {
		return event -> {
			if (properties.autostart() && !"management".equals(event.getApplicationContext().getServerNamespace())) {
				int port = event.getWebServer().getPort();
				Thread starter = new Thread(() -> fleet.startDefault(port), "fleet-start");
				starter.setDaemon(true);
				starter.start();
			}
		};
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService fleetSampler(Fleet fleet, EventLog events) {
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "fleet-sampler");
			t.setDaemon(true);
			return t;
		});
		sampler.scheduleAtFixedRate(() -> sample(fleet), 1, 1, TimeUnit.SECONDS);
		return sampler;
	}

	/** Real memory (RSS) and CPU share of each running process since the last sample. */
	static void sample(Fleet fleet) {
		long now = System.currentTimeMillis();
		for (Instance i : fleet.allInstances()) {
			if (!i.state().running() || i.pid() == 0) {
				continue;
			}
			i.rssBytes = ProcessStats.rssBytes(i.pid());
			long cpu = ProcessStats.cpuMillis(i.pid());
			if (i.lastCpuSampleAt > 0 && now > i.lastCpuSampleAt) {
				i.cpuPercent = Math.max(0, 100.0 * (cpu - i.lastCpuMillis) / (now - i.lastCpuSampleAt));
			}
			i.lastCpuMillis = cpu;
			i.lastCpuSampleAt = now;
		}
	}

}
