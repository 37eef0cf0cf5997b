package lab.site;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import lab.content.Lang;
import lab.fleet.live.FleetViews;
import lab.fleet.load.LoadGenerator;

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

	private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

	private final FleetViews views;

	private final MessageSource messages;

	FleetPageController(FleetViews views, MessageSource messages) {
		this.views = views;
		this.messages = messages;
	}

	@GetMapping(PagesController.LANG + "/fleet")
	String fleet(@PathVariable String lang, @RequestParam(name = "demoError", required = false) String error,
			@RequestParam(name = "demoArg", required = false) List<String> given, Model model) {
		Lang language = PagesController.lang(lang);
		model.addAttribute("fleet", this.views.view(language.locale()));
		model.addAttribute("maxRps", LoadGenerator.MAX_RPS);
		model.addAttribute("maxSeconds", LoadGenerator.MAX_SECONDS);
		model.addAttribute("maxLatencyMs", DemoFormController.MAX_LATENCY_MS);
		if (error != null && ERROR_CODE.matcher(error).matches()) {
			Object[] args = { "", "" };
			for (int n = 0; given != null && n < Math.min(args.length, given.size()); n++) {
				args[n] = arg(given.get(n));
			}
			model.addAttribute("demoError", this.messages.getMessage(error, args,
					this.messages.getMessage("fleet.error.failed", args, language.locale()), language.locale()));
		}
		return FLEET_VIEW;
	}

	/**
	 * A number is formatted in the page's language (its digits); a name stays as it is.
	 */
	private static Object arg(String given) {
		if (given == null || !ERROR_ARG.matcher(given).matches()) {
			return "";
		}
		return NUMBER.matcher(given).matches() ? (Object) Long.valueOf(given) : given;
	}

}
