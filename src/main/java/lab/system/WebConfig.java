package lab.system;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import lab.content.SourceTree;

/**
 * Locale from the path, the two message bundles, and security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		return new PathLocaleResolver();
	}

	@Bean
	MessageSource messageSource() {
		ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
		source.setBasename(SourceTree.location("i18n") + "messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setCacheSeconds(SourceTree.active() ? 1 : -1);
		return source;
	}

	/**
	 * Bean Validation messages such as {@code {post.text.size}} come from the same
	 * bundles.
	 */
	@Bean
	LocalValidatorFactoryBean validator(MessageSource messageSource) {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.setValidationMessageSource(messageSource);
		return validator;
	}

	/** Tomcat's own refusals (before Spring) get a localized page too. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> localizedTomcatErrors(MessageSource messageSource,
			Assets assets) {
		LocalizedErrorValve.use(messageSource, assets.bootstrap());
		return factory -> factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
			.setErrorReportValveClass(LocalizedErrorValve.class.getName()));
	}

	@Bean
	FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
				new SecurityHeadersFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
