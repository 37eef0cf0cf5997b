package lab.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The course pages (home, lessons, glossary) depend only on their address: the lessons
 * are rendered from files that do not change while the jar runs. So each page is rendered
 * once and then served from memory, already gzip-compressed for clients that accept it.
 * Off when running from the source tree, where an edited lesson must show on reload. The
 * About page is not cached: it shows today's date.
 */
public class PageCacheFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Page-Cache";

	private static final Pattern CACHEABLE = Pattern.compile("/(en|fa)/(glossary|lessons/[a-z0-9-]{1,80})?");

	private static final int MAX_ENTRIES = 256;

	private final boolean enabled;

	private final Map<String, Page> pages = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	public PageCacheFilter(boolean enabled) {
		this.enabled = enabled;
	}

	private record Page(byte[] plain, byte[] gzip, String contentType, String contentLanguage) {
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// a signed-in instructor's page differs (controls, CSRF token): only anonymous
		// pages are shared
		return !this.enabled || !"GET".equals(request.getMethod()) || request.getQueryString() != null
				|| request.getRequestedSessionId() != null || request.getHeader("Authorization") != null
				|| !CACHEABLE.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the pages carry absolute hreflang links, so the host they were asked for is
		// part of the key
		String key = request.getServerName() + ":" + request.getServerPort() + request.getRequestURI();
		Page page;
		synchronized (this.pages) {
			page = this.pages.get(key);
		}
		if (page != null) {
			write(page, request, response);
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		String type = wrapper.getContentType();
		if (wrapper.getStatus() == 200 && type != null && type.startsWith("text/html")) {
			byte[] plain = wrapper.getContentAsByteArray();
			// Spring sets the page's language as the response's locale, which Tomcat
			// writes as
			// Content-Language only when it sends the headers: read it from the locale
			String language = wrapper.getHeader("Content-Language");
			if (language == null && wrapper.getLocale() != null) {
				language = wrapper.getLocale().toLanguageTag();
			}
			Page fresh = new Page(plain, gzip(plain), type, language);
			synchronized (this.pages) {
				this.pages.put(key, fresh);
			}
			response.setHeader(HEADER, "miss");
		}
		wrapper.copyBodyToResponse();
	}

	private static void write(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(200);
		response.setContentType(page.contentType());
		if (page.contentLanguage() != null) {
			response.setHeader("Content-Language", page.contentLanguage());
		}
		response.setHeader("Vary", "Accept-Encoding");
		response.setHeader(HEADER, "hit");
		String accept = request.getHeader("Accept-Encoding");
		byte[] body = page.plain();
		if (accept != null && accept.contains("gzip")) {
			response.setHeader("Content-Encoding", "gzip");
			body = page.gzip();
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static byte[] gzip(byte[] plain) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4);
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(plain);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
