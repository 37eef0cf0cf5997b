package lab.fleet;

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

	public static boolean bool(String text) {
		return switch (text.trim()) {
			case "true", "on", "1" -> true;
			case "false", "off", "0" -> false;
			default -> throw FleetProblem.badRequest("fleet.error.onOff");
		};
	}

}
