package lab.classes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may move a class: exactly its driver. In classroom mode that is the signed-in instructor
 * (Spring Security's {@code ROLE_INSTRUCTOR}, and the security rules let nobody else post here at
 * all); outside classroom mode it is the browser session that started the class, or a script that
 * shows the class's driver token (returned once, when the class starts) in {@code X-Class-Token}.
 */
@Component
class Drivers {

	static final String TOKEN_HEADER = "X-Class-Token";

	static final String INSTRUCTOR_ROLE = "INSTRUCTOR";

	private static final String SESSION_KEY = Drivers.class.getName() + ".tokens";

	/** Remembers in the caller's session that it drives this class. */
	void remember(HttpServletRequest request, String code, String token) {
		HttpSession session = request.getSession(true);
		synchronized (session) {
			tokens(session).put(code, token);
		}
	}

	/** Refuses with a localized 403 anyone but the class's driver. */
	void require(HttpServletRequest request, String code, String token) {
		if (request.isUserInRole(INSTRUCTOR_ROLE) || matches(request.getHeader(TOKEN_HEADER), token)) {
			return;
		}
		HttpSession session = request.getSession(false);
		if (session != null && matches(tokens(session).get(code), token)) {
			return;
		}
		throw new ClassProblem(HttpStatus.FORBIDDEN, "class.error.notDriver");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> tokens(HttpSession session) {
		Object tokens = session.getAttribute(SESSION_KEY);
		if (tokens instanceof Map<?, ?> map) {
			return (Map<String, String>) map;
		}
		Map<String, String> fresh = new ConcurrentHashMap<>();
		session.setAttribute(SESSION_KEY, fresh);
		return fresh;
	}

	private static boolean matches(String given, String token) {
		return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
				token.getBytes(StandardCharsets.UTF_8));
	}

}
