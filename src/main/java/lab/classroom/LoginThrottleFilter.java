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
 * Sign-in attempts (the login form, or any request with HTTP Basic credentials) from a
 * client that gave too many wrong passwords get 429 before their password is even
 * checked.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private static final RequestMatcher FORM_LOGIN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, ClassroomSecurity.LOGIN);

	private final LoginFailures failures;

	LoginThrottleFilter(LoginFailures failures) {
		this.failures = failures;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
		return !basic && !FORM_LOGIN.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = request.getRemoteAddr();
		if (this.failures.blocked(client)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.failures.secondsToWait(client)));
			Refusal.send(request, response, 429, "classroom.refused.logins");
			return;
		}
		chain.doFilter(request, response);
	}

}
