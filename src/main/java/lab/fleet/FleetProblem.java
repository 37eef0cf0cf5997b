package lab.fleet;

import org.springframework.http.HttpStatus;

/**
 * A control action the fleet refuses: an unknown instance, a value out of range, nothing
 * to roll back. {@code code} is a message key, so the answer can be given in the caller's
 * language.
 */
public class FleetProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final transient Object[] args;

	public FleetProblem(HttpStatus status, String code, Object... args) {
		super(code);
		this.status = status;
		this.code = code;
		this.args = args;
	}

	public static FleetProblem notFound(String code, Object... args) {
		return new FleetProblem(HttpStatus.NOT_FOUND, code, args);
	}

	public static FleetProblem badRequest(String code, Object... args) {
		return new FleetProblem(HttpStatus.BAD_REQUEST, code, args);
	}

	public static FleetProblem conflict(String code, Object... args) {
		return new FleetProblem(HttpStatus.CONFLICT, code, args);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args.clone();
	}

}
