package lab.classes;

import org.springframework.http.HttpStatus;

/**
 * A refused request about a class; {@code code} is a message key, answered in the
 * caller's language.
 */
final class ClassProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final transient Object[] args;

	ClassProblem(HttpStatus status, String code, Object... args) {
		super(code, null, false, false);
		this.status = status;
		this.code = code;
		this.args = args;
	}

	HttpStatus status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	Object[] args() {
		return this.args.clone();
	}

}
