package lab.chassis.http;

/**
 * What a handler answers: a status and a JSON body. {@code afterSend} runs once the
 * response is written (used by the crash endpoint, which answers and then halts the
 * process).
 */
public record Result(int status, Object body, Runnable afterSend) {

	public static Result ok(Object body) {
		return new Result(200, body, null);
	}

	public static Result created(Object body) {
		return new Result(201, body, null);
	}

	public static Result of(int status, Object body) {
		return new Result(status, body, null);
	}

}
