package lab.business.shared;

/**
 * Length rules on user text, counted in Unicode code points so Persian and emoji count
 * fairly.
 */
public final class Texts {

	private Texts() {
	}

	/**
	 * Trims {@code value} and checks it has {@code min..max} code points, else fails with
	 * {@code code}.
	 */
	public static String requireLength(String value, int min, int max, String code, String field) {
		String trimmed = value == null ? "" : value.strip();
		int length = trimmed.codePointCount(0, trimmed.length());
		if (length < min || length > max) {
			throw Failure.invalid(code, field + " must have " + min + " to " + max + " characters, has " + length);
		}
		return trimmed;
	}

}
