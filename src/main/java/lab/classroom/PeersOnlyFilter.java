package lab.classroom;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import lab.system.Refusal;

/**
 * The load balancer's path ({@code /lb/**}) is for the demo processes, which run on this
 * machine and call each other through it. Nobody else has business there: from another
 * machine it answers 403, so no student can go around the storefront's budget or the
 * gateway.
 */
final class PeersOnlyFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/lb/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!Loopback.client(request)) {
			Refusal.send(request, response, 403, "classroom.refused.peersOnly");
			return;
		}
		chain.doFilter(request, response);
	}

}
