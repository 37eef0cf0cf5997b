package lab.classroom;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import lab.system.Refusal;

/**
 * 403 with the reason: a missing or stale CSRF token, or an action only the instructor
 * may take.
 */
final class RefusalHandler implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		String reason = (denied instanceof CsrfException) ? "classroom.refused.csrf" : "classroom.refused.instructor";
		Refusal.send(request, response, 403, reason);
	}

}
