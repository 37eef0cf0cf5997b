package lab.site;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import lab.content.SourceTree;

/** The page cache in front of the course pages. */
@Configuration(proxyBeanMethods = false)
class SiteConfig {

	/** On by default when running from the jar; off from the source tree, where lessons change. */
	@Bean
	FilterRegistrationBean<PageCacheFilter> pageCache(@Value("${lab.page-cache.enabled:#{null}}") Boolean enabled) {
		boolean on = (enabled != null) ? enabled : !SourceTree.active();
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(on));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
