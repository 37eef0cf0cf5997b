package lab.site;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The instructor's sign-in page, {@code /{lang}/login}. Spring Security takes the form's
 * post on the same address; this controller only shows the form, with a message after a
 * wrong password.
 */
@Controller
class LoginPageController {

	static final String LOGIN_VIEW = "login";

	@GetMapping(PagesController.LANG + "/login")
	String login(@PathVariable String lang, @RequestParam(required = false) String error,
			@RequestParam(required = false) String next, Model model) {
		model.addAttribute("failed", error != null);
		// where to return after signing in; the success handler follows it only to a path
		// of this site
		model.addAttribute("next", (next != null && next.length() <= 200) ? next : "");
		return LOGIN_VIEW;
	}

}
