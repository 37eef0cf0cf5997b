package lab.walkthrough;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import lab.content.Lang;

/**
 * The walkthrough pages: the index, one walkthrough's overview, one step at a time for
 * self-study (each step with its own address), and the presenter's view. The presenter's
 * view needs the instructor in classroom mode; the security rules say so, not this class.
 */
@Controller
class WalkthroughPages {

	static final String LANG = "/{lang:en|fa}";

	static final String INDEX_VIEW = "walkthroughs";

	static final String OVERVIEW_VIEW = "walkthrough";

	static final String STEP_VIEW = "walkthrough-step";

	static final String PRESENT_VIEW = "walkthrough-present";

	private final WalkthroughStore store;

	WalkthroughPages(WalkthroughStore store) {
		this.store = store;
	}

	@GetMapping(LANG + "/walkthroughs")
	String index(@PathVariable String lang, Model model) {
		model.addAttribute("walkthroughs", this.store.all(lang(lang)));
		return INDEX_VIEW;
	}

	@GetMapping(LANG + "/walkthroughs/{slug}")
	String overview(@PathVariable String lang, @PathVariable String slug, Model model) {
		model.addAttribute("walkthrough", find(lang, slug));
		return OVERVIEW_VIEW;
	}

	@GetMapping(LANG + "/walkthroughs/{slug}/steps/{number}")
	String step(@PathVariable String lang, @PathVariable String slug, @PathVariable String number, Model model) {
		Walkthrough w = find(lang, slug);
		int n = number(number, w);
		model.addAttribute("walkthrough", w);
		model.addAttribute("step", w.step(n));
		model.addAttribute("previous", (n > 1) ? n - 1 : null);
		model.addAttribute("next", (n < w.count()) ? n + 1 : null);
		return STEP_VIEW;
	}

	@GetMapping(LANG + "/walkthroughs/{slug}/present")
	String present(@PathVariable String lang, @PathVariable String slug, Model model) {
		model.addAttribute("walkthrough", find(lang, slug));
		return PRESENT_VIEW;
	}

	private Walkthrough find(String lang, String slug) {
		return this.store.find(lang(lang), slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static int number(String text, Walkthrough w) {
		try {
			int n = Integer.parseInt(text);
			if (w.hasStep(n)) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// not a step
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private static Lang lang(String code) {
		return Lang.of(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
