package lab.classroom;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The CSRF token guards the one thing a cookie can carry here, the instructor's session;
 * so a page gets a token (the layout's {@code <meta name="_csrf">}, the forms' hidden
 * field) only when its request already has a session. Anonymous pages never make one: no
 * cookie, no token, nothing to keep per student, and the page cache can keep serving
 * them.
 */
final class SessionCsrfHandler implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		if (request.getSession(false) != null) {
			this.delegate.handle(request, response, token);
		}
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		return this.delegate.resolveCsrfTokenValue(request, token);
	}

}
