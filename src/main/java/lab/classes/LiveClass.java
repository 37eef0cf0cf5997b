package lab.classes;

/**
 * A class in progress. Mutable, and touched only on the {@link ClassHub}'s thread, which
 * owns it.
 */
final class LiveClass {

	final String code;

	final String walkthrough;

	final int steps;

	/**
	 * The secret that lets the tab or script that started the class move it (outside
	 * classroom mode).
	 */
	final String driverToken;

	final long startedAt;

	int step = 1;

	long version = 1;

	long lastMove;

	LiveClass(String code, String walkthrough, int steps, String driverToken, long now) {
		this.code = code;
		this.walkthrough = walkthrough;
		this.steps = steps;
		this.driverToken = driverToken;
		this.startedAt = now;
		this.lastMove = now;
	}

	ClassState state(boolean ended) {
		return new ClassState(this.code, this.walkthrough, this.step, this.steps, this.version, this.startedAt, ended);
	}

}
