package lab.chassis.http;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON codec: enough for the flat objects and lists the demo processes exchange,
 * and quick to load (Jackson would add classes and start-up time to every process).
 * Reading gives {@code Map<String,Object>} (insertion ordered), {@code List<Object>},
 * {@code String}, {@code Long} (integers that fit), {@code Double}, {@code Boolean} or
 * {@code null}.
 */
public final class Json {

	private static final int MAX_DEPTH = 32;

	private Json() {
	}

	/** Thrown when the text is not JSON. */
	public static final class Malformed extends RuntimeException {

		Malformed(String message) {
			super(message, null, false, false);
		}

	}

	/** An insertion-ordered object from alternating keys and values. */
	public static Map<String, Object> object(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	public static String write(Object value) {
		StringBuilder out = new StringBuilder(128);
		write(value, out);
		return out.toString();
	}

	public static Object read(String text) {
		Reader reader = new Reader(text);
		reader.skipSpace();
		Object value = reader.value(0);
		reader.skipSpace();
		if (reader.pos != text.length()) {
			throw reader.fail("unexpected text after the value");
		}
		return value;
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String s) {
			writeString(s, out);
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short
				|| value instanceof Byte || value instanceof BigDecimal) {
			out.append(value);
		}
		else if (value instanceof Number n) {
			double d = n.doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				out.append("null");
			}
			else {
				out.append(d);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				writeString(String.valueOf(e.getKey()), out);
				out.append(':');
				write(e.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof Iterable<?> items) {
			out.append('[');
			boolean first = true;
			for (Object item : items) {
				if (!first) {
					out.append(',');
				}
				first = false;
				write(item, out);
			}
			out.append(']');
		}
		else {
			// Instants, enums and the like travel as their text
			writeString(value.toString(), out);
		}
	}

	private static void writeString(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private static final class Reader {

		private final String s;

		private int pos;

		Reader(String s) {
			this.s = s;
		}

		Object value(int depth) {
			if (depth > MAX_DEPTH) {
				throw fail("nested too deep");
			}
			if (pos >= s.length()) {
				throw fail("unexpected end");
			}
			char c = s.charAt(pos);
			switch (c) {
				case '{':
					return object(depth);
				case '[':
					return array(depth);
				case '"':
					return string();
				case 't':
					return literal("true", Boolean.TRUE);
				case 'f':
					return literal("false", Boolean.FALSE);
				case 'n':
					return literal("null", null);
				default:
					if (c == '-' || (c >= '0' && c <= '9')) {
						return number();
					}
					throw fail("unexpected character '" + c + "'");
			}
		}

		private Map<String, Object> object(int depth) {
			Map<String, Object> map = new LinkedHashMap<>();
			pos++;
			skipSpace();
			if (peek() == '}') {
				pos++;
				return map;
			}
			while (true) {
				skipSpace();
				if (peek() != '"') {
					throw fail("expected a field name");
				}
				String key = string();
				skipSpace();
				expect(':');
				skipSpace();
				map.put(key, value(depth + 1));
				skipSpace();
				char c = next();
				if (c == '}') {
					return map;
				}
				if (c != ',') {
					throw fail("expected ',' or '}'");
				}
			}
		}

		private List<Object> array(int depth) {
			List<Object> list = new ArrayList<>();
			pos++;
			skipSpace();
			if (peek() == ']') {
				pos++;
				return list;
			}
			while (true) {
				skipSpace();
				list.add(value(depth + 1));
				skipSpace();
				char c = next();
				if (c == ']') {
					return list;
				}
				if (c != ',') {
					throw fail("expected ',' or ']'");
				}
			}
		}

		private String string() {
			pos++;
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = next();
				if (c == '"') {
					return out.toString();
				}
				if (c < 0x20) {
					throw fail("control character in a string");
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char e = next();
				switch (e) {
					case '"', '\\', '/' -> out.append(e);
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'n' -> out.append('\n');
					case 'r' -> out.append('\r');
					case 't' -> out.append('\t');
					case 'u' -> {
						if (pos + 4 > s.length()) {
							throw fail("short \\u escape");
						}
						try {
							out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
						}
						catch (NumberFormatException ex) {
							throw fail("bad \\u escape");
						}
						pos += 4;
					}
					default -> throw fail("bad escape \\" + e);
				}
			}
		}

		private Object number() {
			int start = pos;
			if (peek() == '-') {
				pos++;
			}
			boolean integral = true;
			digits();
			if (pos < s.length() && s.charAt(pos) == '.') {
				integral = false;
				pos++;
				digits();
			}
			if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
				integral = false;
				pos++;
				if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
					pos++;
				}
				digits();
			}
			String text = s.substring(start, pos);
			if (integral) {
				try {
					return Long.parseLong(text);
				}
				catch (NumberFormatException tooBig) {
					return new BigDecimal(text).doubleValue();
				}
			}
			return Double.parseDouble(text);
		}

		private void digits() {
			int start = pos;
			while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
				pos++;
			}
			if (pos == start) {
				throw fail("expected a digit");
			}
		}

		private Object literal(String word, Object value) {
			if (!s.startsWith(word, pos)) {
				throw fail("unexpected word");
			}
			pos += word.length();
			return value;
		}

		void skipSpace() {
			while (pos < s.length()) {
				char c = s.charAt(pos);
				if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
					return;
				}
				pos++;
			}
		}

		private char peek() {
			if (pos >= s.length()) {
				throw fail("unexpected end");
			}
			return s.charAt(pos);
		}

		private char next() {
			char c = peek();
			pos++;
			return c;
		}

		private void expect(char c) {
			if (next() != c) {
				throw fail("expected '" + c + "'");
			}
		}

		Malformed fail(String why) {
			return new Malformed(why + " at offset " + pos);
		}

	}

}
