package lab.site;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import lab.content.Lang;
import lab.system.PathLocaleResolver;

/**
 * What the layout of every page needs: the language and direction, and the same page in
 * the other language (for the switch and the {@code hreflang} links).
 */
@ControllerAdvice(basePackages = { "lab.site", "lab.walkthrough", "lab.classes" })
class PageContext {

	@ModelAttribute("page")
	Page page(HttpServletRequest request) {
		return Page.of(request);
	}

	/** The language of a page and the addresses of its two language versions. */
	record Page(Lang lang, String path, String base) {

		static Page of(HttpServletRequest request) {
			Lang lang = PathLocaleResolver.langOf(request);
			String uri = request.getRequestURI();
			String rest = "/";
			if (uri.startsWith("/" + lang.code() + "/")) {
				rest = uri.substring(lang.code().length() + 1);
			}
			String base = ServletUriComponentsBuilder.fromContextPath(request).replacePath("").toUriString();
			return new Page(lang, rest, base);
		}

		public String code() {
			return this.lang.code();
		}

		public String dir() {
			return this.lang.dir();
		}

		public boolean rtl() {
			return this.lang.rightToLeft();
		}

		/** This page in the given language, as a path. */
		public String in(String code) {
			return "/" + code + this.path;
		}

		public String absoluteIn(String code) {
			return this.base + in(code);
		}

		public Lang other() {
			return this.lang.other();
		}

		public String switchHref() {
			return in(other().code());
		}

	}

}
