package lab.fleet.supervisor;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import lab.fleet.EventLog;
import lab.fleet.FleetProperties;

/**
 * Wires the fleet: it starts once the site is ready (the services reach each other through the
 * site's load balancer, so its port must be known), samples memory and CPU every second, and stops every child process
 * when the site stops.
 */
@Configuration(proxyBeanMethods = false)
class FleetConfig {

	@Bean(destroyMethod = "shutdown")
	Fleet fleet(ProcessBackend backend, EventLog events, FleetProperties properties) {
		return new Fleet(backend, events, properties);
	}

	/**
	 * Starts the fleet once the site is ready, not as soon as its port is open: the children's five
	 * JVM starts would otherwise compete for the same cores with the site's own start.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ApplicationListener<ApplicationReadyEvent> fleetStarter(Fleet fleet, FleetProperties properties) {
		return event -> {
			if (properties.autostart()
					&& event.getApplicationContext() instanceof WebServerApplicationContext web) {
				int port = web.getWebServer().getPort();
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
