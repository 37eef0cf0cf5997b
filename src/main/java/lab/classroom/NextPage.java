package lab.classroom;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import lab.system.PathLocaleResolver;

/**
 * Where the browser goes after signing in: back to the page that asked for it
 * ({@code next}, a path on this site only, never another host), else the control room;
 * after a wrong password, back to the sign-in page with a message. No session is made for
 * anonymous visitors to remember the page, so students' requests stay free of cookies.
 */
final class NextPage implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	static final String PARAMETER = "next";

	/** A path of this site: one leading slash, no scheme, no backslash, nothing odd. */
	private static final Pattern LOCAL_PATH = Pattern.compile("/(en|fa)/[A-Za-z0-9/_-]{0,200}");

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String next = request.getParameter(PARAMETER);
		String lang = PathLocaleResolver.langOf(request).code();
		response.sendRedirect(safe(next) ? next : "/" + lang + "/fleet");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String next = request.getParameter(PARAMETER);
		String lang = PathLocaleResolver.langOf(request).code();
		response.sendRedirect("/" + lang + "/login?error" + (safe(next) ? "&" + PARAMETER + "=" + encode(next) : ""));
	}

	static boolean safe(String path) {
		return path != null && LOCAL_PATH.matcher(path).matches() && !path.contains("//");
	}

	static String encode(String path) {
		return URLEncoder.encode(path, StandardCharsets.UTF_8);
	}

}
