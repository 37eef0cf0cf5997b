package lab.site;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import lab.content.SourceTree;
import lab.fleet.EventLog;
import lab.fleet.supervisor.Fleet;

/**
 * The page cache in front of the course pages, and the log of who did which demo action.
 */
@Configuration(proxyBeanMethods = false)
class SiteConfig implements WebMvcConfigurer {

	private final EventLog events;

	private final Fleet fleet;

	SiteConfig(EventLog events, Fleet fleet) {
		this.events = events;
		this.fleet = fleet;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new DemoActions(this.events, this.fleet))
			.addPathPatterns("/api/fleet/**", "/*/demo/**");
	}

	/**
	 * On by default when running from the jar; off from the source tree, where lessons
	 * change.
	 */
	@Bean
	FilterRegistrationBean<PageCacheFilter> pageCache(@Value("${lab.page-cache.enabled:#{null}}") Boolean enabled) {
		boolean on = (enabled != null) ? enabled : !SourceTree.active();
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(on));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
