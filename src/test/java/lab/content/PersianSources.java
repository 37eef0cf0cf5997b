package lab.content;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Every Persian text the site shows, read from the files it comes from: lessons, quizzes,
 * the glossary, walkthroughs and the Persian message bundle. Paths are relative to the
 * project root, where Maven runs the tests. Shared by the typography test and the
 * term-base test so that both read the same texts the same way.
 */
final class PersianSources {

	static final Path FA = Path.of("content", "fa");

	static final Path QUIZZES = FA.resolve("quiz");

	static final Path GLOSSARY = Path.of("content", "glossary.yml");

	static final Path WALKTHROUGHS = Path.of("content", "walkthroughs", "fa");

	static final Path MESSAGES = Path.of("i18n", "messages_fa.properties");

	/** The Persian values of a glossary entry: its term and its definition. */
	static final String GLOSSARY_FA = "\\[\\d+]\\.(fa|definition\\.fa)";

	private PersianSources() {
	}

	/**
	 * A line of Persian prose as a reader sees it: the file, the 1-based line in that
	 * file, the text (Markdown and code already taken out), and where in a YAML or
	 * properties file it sits (empty for Markdown).
	 */
	record Line(Path file, int line, String text, String where) {
	}

	/** Every Persian line the site shows, from every source, file by file. */
	static List<Line> allLines() throws IOException {
		List<Line> lines = new ArrayList<>();
		for (Path lesson : filesUnder(FA, ".md")) {
			lines.addAll(markdownLines(lesson));
		}
		for (Path quiz : filesUnder(QUIZZES, ".yml")) {
			lines.addAll(yamlLines(quiz, ".*"));
		}
		lines.addAll(yamlLines(GLOSSARY, GLOSSARY_FA));
		lines.addAll(walkthroughLines());
		lines.addAll(messageLines());
		return lines;
	}

	/**
	 * The Persian walkthroughs (issue 8): the prose of each Markdown file plus the text
	 * of its {@code step} and {@code notes} blocks (a step's hint, the presenter's
	 * notes), which readers see although they sit in fenced blocks. Other files are read
	 * as YAML or plain text. Lines without Persian (the commands of a step, the
	 * {@code start} list) are left out.
	 */
	static List<Line> walkthroughLines() throws IOException {
		List<Line> lines = new ArrayList<>();
		for (Path walkthrough : filesUnder(WALKTHROUGHS, "")) {
			String name = walkthrough.getFileName().toString();
			if (name.endsWith(".md")) {
				lines.addAll(markdownLines(walkthrough));
				lines.addAll(shownBlockLines(walkthrough, WALKTHROUGH_BLOCKS));
			}
			else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
				lines.addAll(yamlLines(walkthrough, ".*"));
			}
			else {
				lines.addAll(plainLines(walkthrough));
			}
		}
		// a line with no Persian in it is a command (load both feed 10 120), not prose
		return lines.stream().filter(line -> PersianLint.hasPersian(line.text())).toList();
	}

	/** Fenced blocks of a walkthrough whose text is shown to people, not run. */
	private static final Set<String> WALKTHROUGH_BLOCKS = Set.of("step", "notes");

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([A-Za-z0-9_-]*).*$");

	/**
	 * A key or list marker at the start of a line of a YAML-like block: "hint: ", " - ".
	 */
	private static final Pattern BLOCK_KEY = Pattern.compile("^\\s*(-\\s+)?([A-Za-z_][A-Za-z0-9_-]*:\\s*)?");

	/**
	 * The lines inside fenced blocks with one of the given info strings, each without its
	 * YAML key or list marker, so that «hint: دکمه را بزنید» is read as «دکمه را بزنید».
	 */
	static List<Line> shownBlockLines(Path file, Set<String> infos) throws IOException {
		List<Line> lines = new ArrayList<>();
		String[] all = read(file).split("\n", -1);
		String fence = null;
		String info = "";
		for (int i = 0; i < all.length; i++) {
			Matcher f = FENCE.matcher(all[i]);
			if (fence == null && f.matches()) {
				fence = f.group(1);
				info = f.group(2);
				continue;
			}
			if (fence != null && f.matches() && all[i].strip().equals(fence)) {
				fence = null;
				continue;
			}
			if (fence != null && infos.contains(info)) {
				String text = BLOCK_KEY.matcher(all[i]).replaceFirst("");
				if (!text.isBlank()) {
					lines.add(new Line(file, i + 1, PersianLint.proseOfMarkdown(text), "```" + info));
				}
			}
		}
		return lines;
	}

	/**
	 * The prose of a Markdown file, line by line (see
	 * {@link PersianLint#proseOfMarkdown}).
	 */
	static List<Line> markdownLines(Path file) throws IOException {
		return split(file, 1, PersianLint.proseOfMarkdown(read(file)), "");
	}

	/** The scalar values of a YAML file whose path matches, as prose, line by line. */
	static List<Line> yamlLines(Path file, String pathRegex) throws IOException {
		List<Line> lines = new ArrayList<>();
		for (Value value : scalarValues(read(file))) {
			if (value.path().matches(pathRegex)) {
				String prose = PersianLint.proseOfMarkdown(value.text());
				// a literal block starts on the line after its indicator
				int first = value.literal() ? value.line() + 1 : value.line();
				lines.addAll(split(file, first, prose, value.path()));
			}
		}
		return lines;
	}

	/** The values of the Persian message bundle, MessageFormat arguments shown as ۰. */
	static List<Line> messageLines() throws IOException {
		String text = read(MESSAGES);
		Properties messages = new Properties();
		messages.load(new StringReader(text));
		List<String> fileLines = text.lines().toList();
		List<Line> lines = new ArrayList<>();
		for (String key : messages.stringPropertyNames().stream().sorted().toList()) {
			// MessageFormat: {0} becomes a number (shown in Persian digits), '' an
			// apostrophe
			String value = messages.getProperty(key).replaceAll("\\{\\d+(,[^}]*)?}", "۰").replace("''", "'");
			lines.add(new Line(MESSAGES, lineOfKey(fileLines, key), value, key));
		}
		return lines;
	}

	private static List<Line> plainLines(Path file) throws IOException {
		return split(file, 1, read(file), "");
	}

	private static List<Line> split(Path file, int firstLine, String text, String where) {
		List<Line> lines = new ArrayList<>();
		String[] parts = text.split("\n", -1);
		for (int i = 0; i < parts.length; i++) {
			if (!parts[i].isBlank()) {
				lines.add(new Line(file, firstLine + i, parts[i], where));
			}
		}
		return lines;
	}

	static List<Path> filesUnder(Path dir, String suffix) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

	static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	/**
	 * A scalar value of a YAML file: where it is (a.b[2].c), its text and 1-based line.
	 */
	record Value(String path, String text, int line, boolean literal) {

		Value(String path, String text, int line) {
			this(path, text, line, false);
		}

	}

	/** Every scalar value (not key) of a YAML document, with its line. */
	static List<Value> scalarValues(String yaml) {
		List<Value> values = new ArrayList<>();
		Node root = new Yaml().compose(new StringReader(yaml));
		if (root != null) {
			collect(root, "", values);
		}
		return values;
	}

	private static void collect(Node node, String path, List<Value> values) {
		if (node instanceof ScalarNode scalar) {
			boolean literal = scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL;
			values.add(new Value(path, scalar.getValue(), scalar.getStartMark().getLine() + 1, literal));
		}
		else if (node instanceof SequenceNode sequence) {
			for (int i = 0; i < sequence.getValue().size(); i++) {
				collect(sequence.getValue().get(i), path + "[" + i + "]", values);
			}
		}
		else if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
				collect(tuple.getValueNode(), path.isEmpty() ? key : path + "." + key, values);
			}
		}
	}

	static int lineOfKey(List<String> lines, String key) {
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).stripLeading();
			if (line.startsWith(key)
					&& (line.length() == key.length() || "=: \t".indexOf(line.charAt(key.length())) >= 0)) {
				return i + 1;
			}
		}
		return 0;
	}

}
