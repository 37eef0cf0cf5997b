package lab.site;

import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import lab.content.Lang;
import lab.fleet.live.FleetViews;

/**
 * The control room, {@code /{lang}/fleet}: the whole fleet as a server-rendered page with
 * a form for every action, so the demo can be driven without JavaScript (the lesson
 * widgets need it).
 */
@Controller
class FleetPageController {

	static final String FLEET_VIEW = "fleet";

	static final Pattern ERROR_CODE = Pattern.compile("fleet\\.error\\.[a-zA-Z]{1,40}");

	static final Pattern ERROR_ARG = Pattern.compile("[A-Za-z0-9-]{1,40}");

	private final FleetViews views;

	private final MessageSource messages;

	FleetPageController(FleetViews views, MessageSource messages) {
		this.views = views;
		this.messages = messages;
	}

	@GetMapping(PagesController.LANG + "/fleet")
	String fleet(@PathVariable String lang, @RequestParam(name = "demoError", required = false) String error,
			@RequestParam(name = "demoArg", required = false) String arg, Model model) {
		Lang language = PagesController.lang(lang);
		model.addAttribute("fleet", this.views.view(language.locale()));
		if (error != null && ERROR_CODE.matcher(error).matches()) {
			String value = (arg != null && ERROR_ARG.matcher(arg).matches()) ? arg : "";
			Object[] args = { value, "" };
			model.addAttribute("demoError", this.messages.getMessage(error, args,
					this.messages.getMessage("fleet.error.failed", args, language.locale()), language.locale()));
		}
		return FLEET_VIEW;
	}

}
