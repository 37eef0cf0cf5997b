package lab.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import lab.content.Lang;

/**
 * Tomcat refuses some addresses before they reach Spring (an encoded slash, a NUL byte,
 * broken UTF-8) and would answer with its own English page naming the server. This valve
 * answers those with a small page in the visitor's language instead, with the same
 * security headers as the rest of the site.
 */
public class LocalizedErrorValve extends ErrorReportValve {

	private static volatile MessageSource messages;

	private static volatile String bootstrapVersion;

	static void use(MessageSource source, String bootstrap) {
		messages = source;
		bootstrapVersion = bootstrap;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		Lang lang = PathLocaleResolver.fromPath(request.getRequestURI())
			.orElseGet(() -> PathLocaleResolver.fromHeader(request));
		Locale locale = lang.locale();
		String kind = kind(status);
		String title = text("error." + kind + ".title", locale);
		try {
			response.setContentType("text/html");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setHeader("Content-Security-Policy", SecurityHeadersFilter.CSP);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
			String css = lang.rightToLeft() ? "bootstrap.rtl.min.css" : "bootstrap.min.css";
			Writer out = response.getReporter();
			if (out == null) {
				return;
			}
			out.write("<!DOCTYPE html><html lang=\"" + lang.code() + "\" dir=\"" + lang.dir() + "\"><head>"
					+ "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
					+ "<title>" + esc(title) + "</title>" + "<link rel=\"stylesheet\" href=\"/webjars/bootstrap/"
					+ bootstrapVersion + "/css/" + css + "\"><link rel=\"stylesheet\" href=\"/css/site.css\">"
					+ "</head><body data-page=\"error\"><main class=\"container py-5\">"
					+ "<p class=\"error-status display-4\">" + LocalizedFormat.digits(String.valueOf(status), locale)
					+ "</p><h1>" + esc(title) + "</h1><p class=\"lead\">" + esc(text("error." + kind + ".text", locale))
					+ "</p><a class=\"btn btn-primary\" href=\"/" + lang.code() + "/\">"
					+ esc(text("error.home", locale)) + "</a></main></body></html>");
			out.flush();
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the response was already on its way: nothing more
			// to say.
		}
	}

	/**
	 * Which message an error page shows: not found, sign-in needed, not allowed, too many
	 * requests, bad request, or something on our side.
	 */
	public static String kind(int status) {
		switch (status) {
			case 404, 405:
				return "notFound";
			case 401:
				return "unauthorized";
			case 403:
				return "forbidden";
			case 429:
				return "tooMany";
			default:
				break;
		}
		return (status >= 400 && status < 500) ? "badRequest" : "server";
	}

	private static String text(String key, Locale locale) {
		MessageSource source = messages;
		return (source != null) ? source.getMessage(key, null, key, locale) : key;
	}

	private static String esc(String s) {
		return HtmlUtils.htmlEscape(s, StandardCharsets.UTF_8.name());
	}

}
