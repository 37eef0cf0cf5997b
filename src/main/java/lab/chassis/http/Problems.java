package lab.chassis.http;

import java.util.Map;

import lab.business.shared.Failure;

/**
 * Problem details (RFC 9457) with one extra member, {@code code}: a stable message key
 * the site localizes. {@code type} is derived from the code, {@code title} from the
 * status.
 */
public final class Problems {

	public static final String CONTENT_TYPE = "application/problem+json";

	private Problems() {
	}

	public static Map<String, Object> of(int status, String code, String detail) {
		return Json.object("type", "urn:microservices-lab:problem:" + code, "title", title(status), "status", status,
				"detail", detail, "code", code);
	}

	public static Map<String, Object> of(Failure failure) {
		return of(failure.kind().status(), failure.code(), failure.detail());
	}

	public static String title(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 409 -> "Conflict";
			case 413 -> "Content Too Large";
			case 500 -> "Internal Server Error";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> "Error";
		};
	}

}
