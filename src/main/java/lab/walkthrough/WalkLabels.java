package lab.walkthrough;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import lab.system.LocalizedFormat;

/**
 * The words of actions and checks in the page's language, for templates:
 * {@code ${@walkLabels.action(a)}}. Service, feature and topology names come from the
 * message bundles, numbers in the page's digits; versions such as v2 stay Latin.
 */
@Component("walkLabels")
public class WalkLabels {

	private final MessageSource messages;

	public WalkLabels(MessageSource messages) {
		this.messages = messages;
	}

	public String action(Action action) {
		return text(action.labelKey(), action.labelArgs());
	}

	public String check(Check check) {
		return text(check.labelKey(), check.labelArgs());
	}

	private String text(String key, List<String> args) {
		Locale locale = LocaleContextHolder.getLocale();
		Object[] values = new Object[args.size()];
		for (int n = 0; n < values.length; n++) {
			String arg = args.get(n);
			if (arg.startsWith("service.") || arg.startsWith("feature.") || arg.startsWith("walk.")) {
				values[n] = this.messages.getMessage(arg, null, arg, locale);
			}
			else if (arg.matches("\\d+")) {
				values[n] = LocalizedFormat.digits(arg, locale);
			}
			else {
				values[n] = arg;
			}
		}
		return this.messages.getMessage(key, values, key, locale);
	}

}
