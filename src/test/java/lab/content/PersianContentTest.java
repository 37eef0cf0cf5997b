package lab.content;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import lab.content.PersianLint.Violation;
import lab.content.PersianSources.Value;

import static lab.content.PersianSources.FA;
import static lab.content.PersianSources.GLOSSARY;
import static lab.content.PersianSources.GLOSSARY_FA;
import static lab.content.PersianSources.MESSAGES;
import static lab.content.PersianSources.QUIZZES;
import static lab.content.PersianSources.filesUnder;
import static lab.content.PersianSources.lineOfKey;
import static lab.content.PersianSources.read;
import static lab.content.PersianSources.scalarValues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the Persian typography rules ({@link PersianLint}) over every Persian text the
 * site shows: lessons, quizzes, the glossary and the message bundle. Paths are relative
 * to the project root, where Maven runs the tests.
 */
class PersianContentTest {

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
			if (value.path().matches(GLOSSARY_FA)) {
				lint(GLOSSARY, value, problems);
			}
		}
		assertNoProblems(problems);
	}

	@Test
	void persianWalkthroughsFollowTheTypographyRules() throws IOException {
		// the folder comes with the walkthroughs (issue 8); step hints and notes are
		// checked too
		List<String> problems = new ArrayList<>();
		for (PersianSources.Line line : PersianSources.walkthroughLines()) {
			for (Violation v : PersianLint.check(line.text())) {
				problems.add(report(line.file(), line.line(), v));
			}
		}
		assertNoProblems(problems);
	}

	@Test
	void persianMessagesFollowTheTypographyRules() throws IOException {
		assertThat(MESSAGES).as("the Persian message bundle").isRegularFile();
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

}
