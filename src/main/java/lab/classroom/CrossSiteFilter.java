package lab.classroom;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import lab.system.Refusal;

/**
 * No other site may change anything here, classroom mode or not. A browser says where a
 * request comes from: {@code Sec-Fetch-Site} (modern browsers), else {@code Origin}. A
 * state-changing request that either header puts on another site (another host, another
 * port, a sandboxed page's {@code null}) is refused with 403. A script (curl) sends
 * neither and passes; it cannot ride on a learner's browser.
 */
final class CrossSiteFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SAFE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (fromAnotherSite(request)) {
			Refusal.send(request, response, 403, "classroom.refused.crossSite");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean fromAnotherSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			return !OWN_SITE.contains(fetchSite.trim().toLowerCase(java.util.Locale.ROOT));
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			return false;
		}
		String host = request.getHeader(HttpHeaders.HOST);
		int scheme = origin.indexOf("://");
		return host == null || scheme < 0 || !origin.substring(scheme + 3).equalsIgnoreCase(host.trim());
	}

}
