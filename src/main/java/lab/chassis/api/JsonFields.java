package lab.chassis.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import lab.chassis.http.Call;

/** Reading typed fields from parsed JSON, for the codecs. */
final class JsonFields {

	private JsonFields() {
	}

	static long requiredLong(Map<String, Object> json, String name) {
		Long value = Call.longField(json, name);
		if (value == null) {
			throw new IllegalArgumentException("missing field " + name);
		}
		return value;
	}

	static int intOrZero(Map<String, Object> json, String name) {
		Long value = Call.longField(json, name);
		return value == null ? 0 : value.intValue();
	}

	static String string(Map<String, Object> json, String name) {
		return Call.stringField(json, name);
	}

	static Instant instant(Map<String, Object> json, String name) {
		String text = Call.stringField(json, name);
		return text == null ? null : Instant.parse(text);
	}

	static boolean bool(Map<String, Object> json, String name) {
		return Boolean.TRUE.equals(json.get(name));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(Object json) {
		if (!(json instanceof Map)) {
			throw new IllegalArgumentException("expected a JSON object");
		}
		return (Map<String, Object>) json;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Map<String, Object> json, String name) {
		Object value = json.get(name);
		if (!(value instanceof List)) {
			throw new IllegalArgumentException("expected a list in " + name);
		}
		return (List<Object>) value;
	}

}
