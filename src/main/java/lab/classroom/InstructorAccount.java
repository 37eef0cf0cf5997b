package lab.classroom;

import java.security.SecureRandom;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The one account of classroom mode, {@code instructor}, with {@code ROLE_INSTRUCTOR}.
 * Its password is the configured one or, when none is given, a generated one that is
 * handed out once (for the start-up banner) and then forgotten: only the bcrypt hash
 * stays in memory.
 */
final class InstructorAccount {

	static final String USER = "instructor";

	static final String ROLE = "INSTRUCTOR";

	/** No 0/O, 1/l/I: a password read aloud or copied from a projector. */
	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final UserDetails user;

	private String generated;

	private InstructorAccount(UserDetails user, String generated) {
		this.user = user;
		this.generated = generated;
	}

	static InstructorAccount of(String configured) {
		String password = (configured != null && !configured.isBlank()) ? configured : generate(new SecureRandom());
		UserDetails user = User.withUsername(USER)
			.password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password))
			.roles(ROLE)
			.build();
		return new InstructorAccount(user, (configured != null && !configured.isBlank()) ? null : password);
	}

	/** No account: classroom mode is off. */
	static InstructorAccount none() {
		return new InstructorAccount(null, null);
	}

	/** Four groups of four characters from a 31-letter alphabet: about 79 bits. */
	static String generate(SecureRandom random) {
		StringBuilder out = new StringBuilder(19);
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				out.append('-');
			}
			out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}

	UserDetails user() {
		if (this.user == null) {
			throw new IllegalStateException("classroom mode is off: there is no instructor account");
		}
		return this.user;
	}

	/**
	 * The generated password, once (null when it was configured or already handed out).
	 */
	synchronized String takeGenerated() {
		String out = this.generated;
		this.generated = null;
		return out;
	}

}
