package lab.fleet.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two bulkheads: the storefront's calls and the services' calls through /lb never wait
 * for each other.
 */
@Configuration(proxyBeanMethods = false)
class DemoTrafficConfig {

	@Bean(destroyMethod = "close")
	DemoTraffic storeTraffic(DemoTrafficProperties properties) {
		return new DemoTraffic("demo-store", properties.store());
	}

	@Bean(destroyMethod = "close")
	DemoTraffic lbTraffic(DemoTrafficProperties properties) {
		return new DemoTraffic("demo-lb", properties.lb());
	}

}
