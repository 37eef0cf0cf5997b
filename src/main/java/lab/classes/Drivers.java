package lab.classes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may move a class: exactly its driver. In classroom mode that is the signed-in
 * instructor (Spring Security's {@code ROLE_INSTRUCTOR}; the security rules let nobody
 * else post here at all). Outside classroom mode it is whoever holds the class's driver
 * token, given once, when the class starts: the presenter's browser tab keeps it for the
 * page's own calls, a script keeps it too, and both send it in {@code X-Class-Token}. A
 * header rather than a cookie: nothing for another site to borrow, and no session for
 * anyone who only reads.
 */
@Component
class Drivers {

	static final String TOKEN_HEADER = "X-Class-Token";

	static final String INSTRUCTOR_ROLE = "INSTRUCTOR";

	/** Refuses with a localized 403 anyone but the class's driver. */
	void require(HttpServletRequest request, String token) {
		if (request.isUserInRole(INSTRUCTOR_ROLE) || matches(request.getHeader(TOKEN_HEADER), token)) {
			return;
		}
		throw new ClassProblem(HttpStatus.FORBIDDEN, "class.error.notDriver");
	}

	private static boolean matches(String given, String token) {
		return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
				token.getBytes(StandardCharsets.UTF_8));
	}

}
