package lab.system;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

import lab.content.Lang;

/**
 * The language is part of the path ({@code /en/...}, {@code /fa/...}); without one (the
 * JSON API, the root, an unknown prefix) a {@code lang} parameter, else the browser's
 * Accept-Language decides: Persian if it comes first among the languages we have, else
 * English.
 */
public class PathLocaleResolver implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return langOf(request).locale();
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("the language comes from the path");
	}

	public static Lang langOf(HttpServletRequest request) {
		Object errorUri = request.getAttribute("jakarta.servlet.error.request_uri");
		String path = (errorUri instanceof String s) ? s : request.getRequestURI();
		return fromPath(path).or(() -> Lang.of(String.valueOf(parameter(request, "lang"))))
			.orElseGet(() -> fromHeader(request));
	}

	/**
	 * A parameter; when the body cannot be read as a form (too large, broken), the query
	 * string's value alone: never an error.
	 */
	private static String parameter(HttpServletRequest request, String name) {
		try {
			return request.getParameter(name);
		}
		catch (IllegalStateException ex) {
			String query = request.getQueryString();
			if (query != null) {
				for (String pair : query.split("&")) {
					if (pair.startsWith(name + "=")) {
						return pair.substring(name.length() + 1);
					}
				}
			}
			return null;
		}
	}

	static java.util.Optional<Lang> fromPath(String path) {
		if (path == null) {
			return java.util.Optional.empty();
		}
		String p = path.startsWith("/") ? path.substring(1) : path;
		int slash = p.indexOf('/');
		return Lang.of((slash < 0) ? p : p.substring(0, slash));
	}

	public static Lang fromHeader(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return Lang.EN;
		}
		for (Locale locale : Collections.list(request.getLocales())) {
			if ("fa".equals(locale.getLanguage())) {
				return Lang.FA;
			}
			if ("en".equals(locale.getLanguage())) {
				return Lang.EN;
			}
		}
		return Lang.EN;
	}

}
