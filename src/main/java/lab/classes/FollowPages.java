package lab.classes;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import lab.content.Lang;
import lab.system.PathLocaleResolver;
import lab.walkthrough.Walkthrough;
import lab.walkthrough.WalkthroughStore;

/**
 * The student's side: {@code /join/{code}} (the address in the QR code) leads to the
 * class in the browser's language; {@code /{lang}/classes/{code}} shows the class's
 * current step and follows the presenter from then on.
 */
@Controller
class FollowPages {

	static final String FOLLOW_VIEW = "class-follow";

	private final ClassHub hub;

	private final WalkthroughStore walkthroughs;

	FollowPages(ClassHub hub, WalkthroughStore walkthroughs) {
		this.hub = hub;
		this.walkthroughs = walkthroughs;
	}

	@GetMapping(ClassApi.JOIN_PATH + "{code}")
	String join(@PathVariable String code, HttpServletRequest request) {
		String canonical = JoinCodes.normalize(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return "redirect:/" + PathLocaleResolver.fromHeader(request).code() + "/classes/" + canonical;
	}

	@GetMapping("/{lang:en|fa}/classes/{code}")
	String follow(@PathVariable String lang, @PathVariable String code, Model model) {
		ClassState state;
		try {
			state = this.hub.state(code);
		}
		catch (ClassProblem ex) {
			throw new ResponseStatusException(ex.status());
		}
		Walkthrough w = this.walkthroughs.find(Lang.of(lang).orElseThrow(), state.walkthrough())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("walkthrough", w);
		model.addAttribute("classState", state);
		return FOLLOW_VIEW;
	}

}
