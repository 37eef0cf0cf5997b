package lab.fleet;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;

/** Reading control parameters, with a message key for each kind of bad value. */
public final class Params {

	private Params() {
	}

	public static int whole(String text, int min, int max, String code) {
		try {
			long value = Long.parseLong(String.valueOf(text).trim());
			if (value >= min && value <= max) {
				return (int) value;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the refusal
		}
		throw FleetProblem.badRequest(code, min, max);
	}

	public static double share(String text, String code) {
		try {
			double value = Double.parseDouble(text.trim());
			if (value >= 0 && value <= 1) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the refusal
		}
		throw FleetProblem.badRequest(code);
	}

	/**
	 * A switch's value, read by the one rule the site has for booleans: Spring's, as for
	 * a typed {@code Boolean} request parameter (true/false, on/off, yes/no, 1/0).
	 */
	public static boolean bool(String text) {
		try {
			Boolean value = DefaultConversionService.getSharedInstance().convert(text, Boolean.class);
			if (value != null) {
				return value;
			}
		}
		catch (ConversionException ex) {
			// falls through to the refusal
		}
		throw FleetProblem.badRequest("fleet.error.onOff");
	}

}
