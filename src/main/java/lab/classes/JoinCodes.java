package lab.classes;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z,
 * 5/S, 8/B, no U/V pair), easy to read off a projector and to type on a phone. Lower case
 * is accepted.
 */
final class JoinCodes {

	static final String ALPHABET = "ACDEFGHJKMNPQRTWXY34679";

	static final int LENGTH = 6;

	private final SecureRandom random = new SecureRandom();

	String next() {
		char[] code = new char[LENGTH];
		for (int n = 0; n < LENGTH; n++) {
			code[n] = ALPHABET.charAt(this.random.nextInt(ALPHABET.length()));
		}
		return new String(code);
	}

	/** The code in its canonical form, or empty when it cannot be a join code at all. */
	static Optional<String> normalize(String code) {
		if (code == null || code.length() != LENGTH) {
			return Optional.empty();
		}
		String upper = code.toUpperCase(Locale.ROOT);
		for (char c : upper.toCharArray()) {
			if (ALPHABET.indexOf(c) < 0) {
				return Optional.empty();
			}
		}
		return Optional.of(upper);
	}

}
