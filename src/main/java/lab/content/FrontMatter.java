package lab.content;

import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The YAML block between two {@code ---} lines at the top of a lesson or a walkthrough,
 * and the body after it.
 */
public record FrontMatter(Map<String, Object> data, String body, String source) {

	public static FrontMatter split(String text, String source) {
		String t = text.replace("\r\n", "\n");
		if (!t.startsWith("---\n")) {
			throw new IllegalStateException(source + ": no front matter");
		}
		int end = t.indexOf("\n---\n", 3);
		if (end < 0) {
			throw new IllegalStateException(source + ": front matter not closed");
		}
		Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(t.substring(4, end));
		if (!(data instanceof Map<?, ?> map)) {
			throw new IllegalStateException(source + ": front matter is not a map");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> typed = (Map<String, Object>) map;
		return new FrontMatter(typed, t.substring(end + 5), source);
	}

	public String required(String key) {
		Object value = this.data.get(key);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException(this.source + ": front matter has no " + key);
		}
		return value.toString().trim();
	}

	public int requiredInt(String key) {
		try {
			return Integer.parseInt(required(key));
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException(this.source + ": " + key + " is not a whole number", ex);
		}
	}

	public String optional(String key) {
		Object value = this.data.get(key);
		return (value == null) ? null : value.toString().trim();
	}

}
