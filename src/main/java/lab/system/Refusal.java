package lab.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request the site refuses before any controller runs (another site, a forged host, too
 * many writes, a missing sign-in): the status goes through the servlet error path, and
 * the message key saying why rides along as a request attribute, so the error controller
 * answers with a localized page or problem detail like every other error.
 */
public final class Refusal {

	/** Request attribute holding the message key of the reason. */
	public static final String REASON = "lab.refusal.reason";

	private Refusal() {
	}

	public static void send(HttpServletRequest request, HttpServletResponse response, int status, String reasonKey)
			throws IOException {
		request.setAttribute(REASON, reasonKey);
		if (!response.isCommitted()) {
			response.sendError(status);
		}
	}

	/** The reason's message key, or null when the error did not come from a refusal. */
	public static String reasonOf(HttpServletRequest request) {
		return (request.getAttribute(REASON) instanceof String key) ? key : null;
	}

}
