package lab.classroom;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import lab.system.PathLocaleResolver;
import lab.system.Refusal;

/**
 * What an anonymous request for an instructor's action gets: a page a person opened (the
 * presenter view) goes to the sign-in page and comes back after; anything else gets 401,
 * a localized page or problem detail. Scripts (no {@code Sec-Fetch-Site}) are told to use
 * HTTP Basic; browsers are not, so they never pop up their own password dialog.
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
			throws IOException {
		if (pageVisit(request)) {
			String lang = PathLocaleResolver.langOf(request).code();
			response.sendRedirect(
					"/" + lang + "/login?" + NextPage.PARAMETER + "=" + NextPage.encode(request.getRequestURI()));
			return;
		}
		if (request.getHeader("Sec-Fetch-Site") == null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Microservices Lab\", charset=\"UTF-8\"");
		}
		Refusal.send(request, response, 401, "classroom.refused.signIn");
	}

	private static boolean pageVisit(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return "GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/api/") && accept != null
				&& accept.contains("text/html");
	}

}
