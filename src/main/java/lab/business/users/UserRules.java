package lab.business.users;

import java.util.regex.Pattern;

import lab.business.shared.Failure;
import lab.business.shared.Texts;

/** Validation of a new profile. */
public final class UserRules {

	public static final int NAME_MAX = 60;

	private static final Pattern HANDLE = Pattern.compile("[a-z0-9_]{3,20}");

	private UserRules() {
	}

	/**
	 * Returns the cleaned profile (trimmed name, trimmed handle) or fails with a stable
	 * code.
	 */
	public static NewUser validate(NewUser user) {
		String name = Texts.requireLength(user.name(), 1, NAME_MAX, "user.name.size", "name");
		String handle = user.handle() == null ? "" : user.handle().strip();
		if (!HANDLE.matcher(handle).matches()) {
			throw Failure.invalid("user.handle.pattern", "handle must be 3 to 20 of a-z, 0-9 and _");
		}
		return new NewUser(name, handle);
	}

	public static Failure notFound(long id) {
		return Failure.notFound("user.notFound", "no user with id " + id);
	}

}
