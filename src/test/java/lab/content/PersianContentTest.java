package lab.content;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import lab.content.PersianLint.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the Persian typography rules ({@link PersianLint}) over every Persian text the
 * site shows: lessons, quizzes, the glossary and the message bundle. Paths are relative
 * to the project root, where Maven runs the tests.
 */
class PersianContentTest {

	private static final Path FA = Path.of("content", "fa");

	private static final Path QUIZZES = FA.resolve("quiz");

	private static final Path GLOSSARY = Path.of("content", "glossary.yml");

	private static final Path MESSAGES = Path.of("i18n", "messages_fa.properties");

	@Test
	void persianLessonsFollowTheTypographyRules() throws IOException {
		List<Path> lessons = filesUnder(FA, ".md");
		assertThat(lessons).as("Persian lessons under %s", FA).isNotEmpty();
		List<String> problems = new ArrayList<>();
		for (Path lesson : lessons) {
			String prose = PersianLint.proseOfMarkdown(read(lesson));
			for (Violation v : PersianLint.check(prose)) {
				problems.add(report(lesson, PersianLint.lineOf(prose, v.offset()), v));
			}
		}
		assertNoProblems(problems);
	}

	@Test
	void persianQuizzesFollowTheTypographyRules() throws IOException {
		List<Path> quizzes = filesUnder(QUIZZES, ".yml");
		assertThat(quizzes).as("Persian quizzes under %s", QUIZZES).isNotEmpty();
		List<String> problems = new ArrayList<>();
		for (Path quiz : quizzes) {
			for (Value value : scalarValues(read(quiz))) {
				lint(quiz, value, problems);
			}
		}
		assertNoProblems(problems);
	}

	@Test
	void persianGlossaryFollowsTheTypographyRules() throws IOException {
		assertThat(GLOSSARY).as("the glossary").isRegularFile();
		List<String> problems = new ArrayList<>();
		for (Value value : scalarValues(read(GLOSSARY))) {
			if (value.path().matches("\\[\\d+]\\.(fa|definition\\.fa)")) {
				lint(GLOSSARY, value, problems);
			}
		}
		assertNoProblems(problems);
	}

	@Test
	void persianMessagesFollowTheTypographyRules() throws IOException {
		assumeTrue(Files.isRegularFile(MESSAGES), MESSAGES + " does not exist yet");
		String text = read(MESSAGES);
		Properties messages = new Properties();
		messages.load(new StringReader(text));
		List<String> lines = text.lines().toList();
		List<String> problems = new ArrayList<>();
		for (String key : messages.stringPropertyNames()) {
			// MessageFormat: {0} becomes a number (shown in Persian digits), '' an
			// apostrophe
			String value = messages.getProperty(key).replaceAll("\\{\\d+(,[^}]*)?}", "۰").replace("''", "'");
			lint(MESSAGES, new Value(key, value, lineOfKey(lines, key)), problems);
		}
		assertNoProblems(problems);
	}

	private static void lint(Path file, Value value, List<String> problems) {
		String prose = PersianLint.proseOfMarkdown(value.text());
		for (Violation v : PersianLint.check(prose)) {
			int line = value.line() + (value.literal() ? PersianLint.lineOf(prose, v.offset()) : 0);
			problems.add(report(file, line, v) + " (" + value.path() + ")");
		}
	}

	private static String report(Path file, int line, Violation v) {
		String excerpt = v.excerpt().replace("\u200C", "[zwnj]").replace("\u00A0", "[nbsp]");
		return file + ":" + line + ": " + v.rule() + ": «" + excerpt + "»";
	}

	private static void assertNoProblems(List<String> problems) {
		if (!problems.isEmpty()) {
			fail(problems.size() + " Persian typography problem(s) (see shared/PERSIAN.md):\n"
					+ String.join("\n", problems));
		}
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
			boolean literal = scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL;
			// a literal block starts on the line after its indicator; lineOf adds the
			// lines inside it
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

	private static int lineOfKey(List<String> lines, String key) {
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
