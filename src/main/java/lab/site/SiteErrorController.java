package lab.site;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import lab.system.LocalizedErrorValve;

/**
 * Every error ends here: a page in the language of the path that failed (or of the browser), with
 * a message for people and no technical detail; JSON callers under {@code /api/} get a problem
 * detail (RFC 9457) instead.
 */
@Controller
class SiteErrorController implements ErrorController {

	static final String ERROR_VIEW = "error";

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = statusOf(request);
		if (response.isCommitted()) {
			// a stream whose client went away: nothing more can be said on it
			return null;
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && path.startsWith("/api/")) {
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
						+ status.value() + "}");
			return null;
		}
		String kind = LocalizedErrorValve.kind(status.value());
		return new ModelAndView(ERROR_VIEW, Map.of("status", status.value(), "kind", kind), status);
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer i) ? HttpStatus.resolve(i) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
