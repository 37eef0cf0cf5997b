package lab.classroom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;

import lab.system.PathLocaleResolver;

/**
 * The site's one security filter chain. Always: the host allow-list (firewall), no other
 * site (Origin / Sec-Fetch-Site), the CSRF token for requests that carry a session, body
 * and storefront budgets, the load balancer for local peers only. In classroom mode also:
 * the demo's controls need the instructor, who signs in on {@code /{lang}/login} (form,
 * session) or with HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
class ClassroomSecurity {

	static final String LOGIN = "/{lang}/login";

	static final String LOGOUT = "/{lang}/logout";

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	@Bean
	ClassroomMode classroomMode(ClassroomProperties properties, Environment environment) {
		return ClassroomMode.decide(properties.enabled(), environment.getProperty("server.address"));
	}

	/**
	 * Outside classroom mode nobody signs in, so no password is made or hashed (bcrypt
	 * costs the start a tenth of a second).
	 */
	@Bean
	InstructorAccount instructorAccount(ClassroomProperties properties, ClassroomMode mode) {
		return mode.on() ? InstructorAccount.of(properties.password()) : InstructorAccount.none();
	}

	/**
	 * Outside classroom mode nobody signs in (everyone may operate), so there is no
	 * account at all.
	 */
	@Bean
	UserDetailsService users(ClassroomMode mode, InstructorAccount account) {
		return mode.on() ? new InMemoryUserDetailsManager(account.user()) : new InMemoryUserDetailsManager();
	}

	@Bean
	LoginFailures loginFailures(ClassroomProperties properties) {
		return new LoginFailures(properties.loginFailuresPerMinute());
	}

	/**
	 * No observation per security filter and request: the site has no tracing backend,
	 * and wrapping every filter of every lesson request would cost the pages for nothing.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	WebSecurityCustomizer hostAllowList(ClassroomMode mode, HostsProperties hosts) {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHostnames(SiteHosts.of(mode, hosts.allowedHosts()));
		return web -> web.httpFirewall(firewall).requestRejectedHandler(new FirewallRefusals());
	}

	/**
	 * Anonymous reads (a lesson, a stylesheet, the live view) need nothing but the
	 * firewall's host check, which {@code FilterChainProxy} applies before it picks a
	 * chain: this chain has no filter at all (no session to load, no token, no rule to
	 * evaluate, no exception translation). A read with a session or credentials, a read
	 * only the instructor may make, and every write go on to the full chain below. This
	 * keeps Spring Security off the cost of the course pages: each filter here cost every
	 * lesson request, measured with wrk in {@code bench/site.sh}.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain anonymousReads(ClassroomMode mode) {
		RequestMatcher protectedReads = instructorOnly();
		return new DefaultSecurityFilterChain(
				request -> anonymousRead(request) && !(mode.on() && protectedReads.matches(request)));
	}

	static boolean anonymousRead(jakarta.servlet.http.HttpServletRequest request) {
		String method = request.getMethod();
		return ("GET".equals(method) || "HEAD".equals(method)) && request.getRequestedSessionId() == null
				&& request.getHeader("Authorization") == null && !request.getRequestURI().startsWith("/lb/");
	}

	@Bean
	@Order(2)
	SecurityFilterChain site(HttpSecurity http, ClassroomMode mode, LimitsProperties limits, LoginFailures failures) {
		SignInEntryPoint signIn = new SignInEntryPoint();
		NextPage next = new NextPage();
		http.authorizeHttpRequests(requests -> {
			if (mode.on()) {
				requests.requestMatchers(instructorOnly()).hasRole(InstructorAccount.ROLE);
			}
			requests.anyRequest().permitAll();
		})
			.addFilterBefore(new BodyLimitFilter(limits.maxBody().toBytes()), CsrfFilter.class)
			.addFilterBefore(new CrossSiteFilter(), CsrfFilter.class)
			.addFilterBefore(new PeersOnlyFilter(), CsrfFilter.class)
			.addFilterBefore(new StoreWriteLimitFilter(limits), CsrfFilter.class)
			.addFilterBefore(new LoginThrottleFilter(failures), UsernamePasswordAuthenticationFilter.class)
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SessionWrites::matches)
				.csrfTokenRequestHandler(new SessionCsrfHandler()))
			.formLogin(form -> form.loginPage("/en/login")
				.loginProcessingUrl(LOGIN)
				.successHandler(next)
				.failureHandler(next))
			.httpBasic(basic -> basic.authenticationEntryPoint(signIn))
			.logout(logout -> logout.logoutRequestMatcher(PATHS.matcher(HttpMethod.POST, LOGOUT))
				.logoutSuccessHandler((request, response, authentication) -> response
					.sendRedirect("/" + PathLocaleResolver.langOf(request).code() + "/")))
			.exceptionHandling(
					errors -> errors.authenticationEntryPoint(signIn).accessDeniedHandler(new RefusalHandler()))
			.requestCache(cache -> cache.disable())
			// the site's own SecurityHeadersFilter writes the headers; Spring's would
			// forbid caching static files
			.headers(headers -> headers.disable());
		return http.build();
	}

	/**
	 * What only the instructor may do in classroom mode (the contract in the project's
	 * brief).
	 */
	static RequestMatcher instructorOnly() {
		RequestMatcher notRead = request -> !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
		return RequestMatchers.anyOf(
				RequestMatchers.allOf(notRead,
						RequestMatchers.anyOf(PATHS.matcher("/api/fleet/**"), PATHS.matcher("/api/classes/**"),
								PATHS.matcher("/{lang}/fleet/**"), PATHS.matcher("/{lang}/demo/**"))),
				PATHS.matcher(HttpMethod.GET, "/{lang}/walkthroughs/*/present"));
	}

	/**
	 * A state-changing request that carries a session: the only kind that needs a CSRF
	 * token.
	 */
	static final class SessionWrites {

		private SessionWrites() {
		}

		static boolean matches(jakarta.servlet.http.HttpServletRequest request) {
			String method = request.getMethod();
			boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
					|| "TRACE".equals(method);
			return !read && request.getRequestedSessionId() != null;
		}

	}

}
