package lab.site;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

import lab.system.LocalizedErrorValve;
import lab.system.PathLocaleResolver;
import lab.system.Refusal;

/**
 * Every error ends here: a page in the language of the path that failed (or of the
 * browser), with a message for people and no technical detail; JSON callers (under
 * {@code /api/}, or asking for JSON only) get a problem detail (RFC 9457) whose
 * {@code detail} is in their language. A refusal (another site, a forged host, sign-in
 * needed, too many requests) brings its own reason.
 */
@Controller
class SiteErrorController implements ErrorController {

	static final String ERROR_VIEW = "error";

	private final MessageSource messages;

	private final JsonMapper json;

	SiteErrorController(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = statusOf(request);
		if (response.isCommitted()) {
			// a stream whose client went away: nothing more can be said on it
			return null;
		}
		String kind = LocalizedErrorValve.kind(status.value());
		String reason = Refusal.reasonOf(request);
		String text = (reason != null) ? reason : "error." + kind + ".text";
		if (wantsJson(request)) {
			Locale locale = PathLocaleResolver.langOf(request).locale();
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", status.getReasonPhrase());
			problem.put("status", status.value());
			problem.put("detail", this.messages.getMessage(text, null, text, locale));
			if (reason != null) {
				problem.put("code", reason);
			}
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(this.json.writeValueAsString(problem));
			return null;
		}
		return new ModelAndView(ERROR_VIEW, Map.of("status", status.value(), "kind", kind, "text", text), status);
	}

	/**
	 * Under {@code /api/}, or a caller that asked for JSON and not for HTML (a script).
	 */
	private static boolean wantsJson(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && path.startsWith("/api/")) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("json") && !accept.contains("html");
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer i) ? HttpStatus.resolve(i) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
