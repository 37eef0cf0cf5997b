package lab.walkthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import lab.content.FrontMatter;
import lab.content.Lang;
import lab.content.LessonPart;
import lab.content.Markdown;

/**
 * Reads one walkthrough file (format in docs/CONTENT-FORMAT.md): front matter, then one
 * {@code ## } heading per step, each step's text in Markdown with an optional
 * {@code step} block (YAML: demo, actions, check, hint) and an optional {@code notes}
 * block (Markdown). Anything wrong throws {@link IllegalStateException} naming the file
 * and the step, so the site refuses to start.
 */
final class WalkthroughParser {

	private static final String FENCE = "```";

	private final Markdown markdown;

	private final Predicate<String> knownDemo;

	WalkthroughParser(Predicate<String> knownDemo, Markdown markdown) {
		this.knownDemo = knownDemo;
		this.markdown = markdown;
	}

	Walkthrough parse(String text, String slug, Lang lang, String source) {
		FrontMatter fm = FrontMatter.split(text, source);
		String defaultDemo = fm.required("demo");
		List<Action> start = new ArrayList<>();
		for (String a : strings(fm.data().get("start"), source + ": start")) {
			start.add(action(a, source + ": start"));
		}
		List<Step> steps = new ArrayList<>();
		for (RawStep raw : split(fm.body(), source)) {
			steps.add(step(raw, steps.size() + 1, defaultDemo, lang, source));
		}
		if (steps.isEmpty()) {
			throw new IllegalStateException(source + ": no steps (each step starts with a '## ' heading)");
		}
		demo(defaultDemo, source);
		return new Walkthrough(slug, lang, fm.requiredInt("order"), fm.required("title"), fm.required("summary"),
				fm.requiredInt("minutes"), fm.required("shows"), List.copyOf(start), List.copyOf(steps));
	}

	private Step step(RawStep raw, int number, String defaultDemo, Lang lang, String file) {
		String where = file + ": step " + number + " (" + raw.title() + ")";
		Map<String, Object> meta = yaml(raw.meta(), where);
		String demo = (meta.get("demo") != null) ? demo(meta.get("demo").toString().trim(), where) : defaultDemo;
		List<Action> actions = new ArrayList<>();
		for (String a : strings(meta.get("actions"), where + ": actions")) {
			actions.add(action(a, where));
		}
		Check check = null;
		if (meta.get("check") != null) {
			try {
				check = Check.parse(meta.get("check").toString());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(where + ": check " + ex.getMessage(), ex);
			}
		}
		String hint = (meta.get("hint") != null) ? meta.get("hint").toString().trim() : null;
		if (check != null && (hint == null || hint.isEmpty())) {
			throw new IllegalStateException(where + ": a step with a check needs a hint");
		}
		String notes = raw.notes().isBlank() ? null : html(raw.notes(), lang, where);
		return new Step(number, raw.title(), html(raw.text(), lang, where), notes, demo, List.copyOf(actions), check,
				hint);
	}

	private String demo(String preset, String where) {
		if (!this.knownDemo.test(preset)) {
			throw new IllegalStateException(where + ": unknown demo preset '" + preset + "'");
		}
		return preset;
	}

	private static Action action(String text, String where) {
		try {
			return Action.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(where + ": action " + ex.getMessage(), ex);
		}
	}

	private String html(String markdown, Lang lang, String where) {
		StringBuilder html = new StringBuilder();
		for (LessonPart part : this.markdown.render(markdown, lang).parts()) {
			if (part.html() == null) {
				throw new IllegalStateException(where + ": a step names its demo in its step block, not in the text");
			}
			html.append(part.html());
		}
		return html.toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> yaml(String text, String where) {
		if (text.isBlank()) {
			return Map.of();
		}
		Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		if (!(data instanceof Map<?, ?> map)) {
			throw new IllegalStateException(where + ": the step block is not a map");
		}
		for (Object key : map.keySet()) {
			if (!List.of("demo", "actions", "check", "hint").contains(String.valueOf(key))) {
				throw new IllegalStateException(where + ": unknown key '" + key + "' in the step block");
			}
		}
		return (Map<String, Object>) map;
	}

	private static List<String> strings(Object value, String where) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new IllegalStateException(where + " is not a list");
		}
		return list.stream().map(String::valueOf).toList();
	}

	/**
	 * The body cut at its level-2 headings (outside code fences), with each step's two
	 * blocks taken out.
	 */
	static List<RawStep> split(String body, String source) {
		List<RawStep> steps = new ArrayList<>();
		String title = null;
		StringBuilder text = new StringBuilder();
		StringBuilder meta = new StringBuilder();
		StringBuilder notes = new StringBuilder();
		StringBuilder into = text;
		boolean inFence = false;
		for (String line : body.split("\n", -1)) {
			if (!inFence && line.startsWith("## ")) {
				if (title != null) {
					steps.add(new RawStep(title, text.toString(), meta.toString(), notes.toString()));
				}
				title = line.substring(3).trim();
				text = new StringBuilder();
				meta = new StringBuilder();
				notes = new StringBuilder();
				into = text;
				continue;
			}
			if (line.startsWith(FENCE)) {
				String info = line.substring(FENCE.length()).trim();
				if (!inFence && (info.equals("step") || info.equals("notes"))) {
					if (title == null) {
						throw new IllegalStateException(source + ": a '" + info + "' block before the first step");
					}
					into = info.equals("step") ? meta : notes;
					inFence = true;
					continue;
				}
				if (inFence && info.isEmpty() && into != text) {
					into = text;
					inFence = false;
					continue;
				}
				inFence = !inFence || !info.isEmpty();
			}
			if (title == null) {
				if (!line.isBlank()) {
					throw new IllegalStateException(source + ": text before the first '## ' step heading");
				}
				continue;
			}
			into.append(line).append('\n');
		}
		if (title != null) {
			steps.add(new RawStep(title, text.toString(), meta.toString(), notes.toString()));
		}
		return steps;
	}

	record RawStep(String title, String text, String meta, String notes) {
	}

}
