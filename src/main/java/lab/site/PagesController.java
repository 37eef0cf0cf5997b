package lab.site;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import lab.content.ContentStore;
import lab.content.GlossaryTerm;
import lab.content.Lang;
import lab.content.Lesson;
import lab.system.PathLocaleResolver;

/**
 * Home, glossary and about pages, and the redirect from {@code /} to a language. The
 * glossary is in the alphabetical order of the page's language.
 */
@Controller
class PagesController {

	static final String LANG = "/{lang:en|fa}";

	static final String HOME_VIEW = "home";

	static final String GLOSSARY_VIEW = "glossary";

	static final String ABOUT_VIEW = "about";

	private final ContentStore content;

	PagesController(ContentStore content) {
		this.content = content;
	}

	@GetMapping("/")
	ResponseEntity<Void> root(HttpServletRequest request) {
		Lang lang = PathLocaleResolver.fromHeader(request);
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, "/" + lang.code() + "/")
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.build();
	}

	@GetMapping(LANG)
	String langRoot(@PathVariable String lang) {
		return "redirect:/" + lang + "/";
	}

	@GetMapping(LANG + "/")
	String home(@PathVariable String lang, Model model) {
		List<Lesson> lessons = this.content.lessons(lang(lang));
		model.addAttribute("lessons", lessons);
		return HOME_VIEW;
	}

	@GetMapping(LANG + "/glossary")
	String glossary(@PathVariable String lang, Model model) {
		Lang language = lang(lang);
		Collator collator = Collator.getInstance(language.locale());
		List<GlossaryTerm> terms = new ArrayList<>(this.content.glossary());
		terms.sort(Comparator.comparing(t -> t.term(language), collator));
		model.addAttribute("terms", terms);
		model.addAttribute("lang", language);
		return GLOSSARY_VIEW;
	}

	@GetMapping(LANG + "/about")
	String about(@PathVariable String lang, Model model) {
		model.addAttribute("lessonCount", this.content.lessons(lang(lang)).size());
		model.addAttribute("termCount", this.content.glossary().size());
		return ABOUT_VIEW;
	}

	static Lang lang(String code) {
		return Lang.of(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
