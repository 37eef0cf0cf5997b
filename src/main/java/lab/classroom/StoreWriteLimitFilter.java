package lab.classroom;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import lab.system.Refusal;

/**
 * Storefront writes ({@code POST /api/store/**}: posts, replies, reactions, tips) are
 * budgeted per client address, so one student's script cannot fill the demo's databases
 * or starve the class. Over budget: 429 with {@code Retry-After}. Clients on this machine
 * may be exempt (the learner alone, the benchmarks).
 */
final class StoreWriteLimitFilter extends OncePerRequestFilter {

	private static final RequestMatcher STORE_WRITES = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/api/store/**");

	private final ClientBudget budget;

	private final boolean loopbackExempt;

	StoreWriteLimitFilter(LimitsProperties limits) {
		this.budget = new ClientBudget(limits.storeWritesPerMinute(), Math.max(1, limits.storeWritesPerMinute() / 4));
		this.loopbackExempt = limits.loopbackExempt();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !STORE_WRITES.matches(request) || (this.loopbackExempt && Loopback.client(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = request.getRemoteAddr();
		if (!this.budget.take(client)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.budget.secondsToWait(client)));
			Refusal.send(request, response, 429, "classroom.refused.storeWrites");
			return;
		}
		chain.doFilter(request, response);
	}

}
