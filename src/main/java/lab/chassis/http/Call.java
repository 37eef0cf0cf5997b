package lab.chassis.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.Headers;

import lab.business.shared.Failure;

/**
 * One HTTP request as a handler sees it: path variables, query, headers and a JSON body.
 */
public final class Call {

	private final String method;

	private final String path;

	private final Map<String, String> pathVariables;

	private final Map<String, String> query;

	private final Headers headers;

	private final String body;

	Call(String method, String path, Map<String, String> pathVariables, String rawQuery, Headers headers, String body) {
		this.method = method;
		this.path = path;
		this.pathVariables = pathVariables;
		this.query = parseQuery(rawQuery);
		this.headers = headers;
		this.body = body;
	}

	public String method() {
		return method;
	}

	public String path() {
		return path;
	}

	/**
	 * A numeric path variable such as {@code {id}}; fails with
	 * {@code request.path.invalid}.
	 */
	public long idVariable(String name) {
		String value = pathVariables.get(name);
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw Failure.invalid("request.path.invalid", name + " must be a whole number, was '" + value + "'");
		}
	}

	public Optional<String> query(String name) {
		return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
	}

	/**
	 * A numeric query parameter; fails with {@code request.query.invalid} if present but
	 * not a whole number.
	 */
	public Optional<Long> longQuery(String name) {
		return query(name).map(v -> {
			try {
				return Long.parseLong(v.strip());
			}
			catch (NumberFormatException e) {
				throw Failure.invalid("request.query.invalid", name + " must be a whole number, was '" + v + "'");
			}
		});
	}

	public Optional<String> header(String name) {
		return Optional.ofNullable(headers.getFirst(name));
	}

	/**
	 * The body as a JSON object; fails with {@code request.json.malformed} if it is not
	 * one.
	 */
	public Map<String, Object> jsonObject() {
		if (body.isBlank()) {
			throw Failure.invalid("request.json.malformed", "the request needs a JSON object body");
		}
		Object value;
		try {
			value = Json.read(body);
		}
		catch (Json.Malformed e) {
			throw Failure.invalid("request.json.malformed", "the body is not valid JSON: " + e.getMessage());
		}
		if (!(value instanceof Map)) {
			throw Failure.invalid("request.json.malformed", "the body must be a JSON object");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> object = (Map<String, Object>) value;
		return object;
	}

	/** The body as a JSON object, or an empty one if there is no body. */
	public Map<String, Object> jsonObjectOrEmpty() {
		return body.isBlank() ? Map.of() : jsonObject();
	}

	/**
	 * A whole-number field; null if absent; fails with {@code request.field.type} if of
	 * another type.
	 */
	public static Long longField(Map<String, Object> object, String name) {
		Object value = object.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Long l) {
			return l;
		}
		throw Failure.invalid("request.field.type", name + " must be a whole number");
	}

	/**
	 * A number field; null if absent; fails with {@code request.field.type} if of another
	 * type.
	 */
	public static Double numberField(Map<String, Object> object, String name) {
		Object value = object.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		throw Failure.invalid("request.field.type", name + " must be a number");
	}

	/**
	 * A text field; null if absent; fails with {@code request.field.type} if of another
	 * type.
	 */
	public static String stringField(Map<String, Object> object, String name) {
		Object value = object.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof String s) {
			return s;
		}
		throw Failure.invalid("request.field.type", name + " must be text");
	}

	private static Map<String, String> parseQuery(String rawQuery) {
		Map<String, String> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			String key = eq < 0 ? pair : pair.substring(0, eq);
			String value = eq < 0 ? "" : pair.substring(eq + 1);
			try {
				query.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException e) {
				throw Failure.invalid("request.query.invalid", "the query string is not well encoded");
			}
		}
		return query;
	}

}
