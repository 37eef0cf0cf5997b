package lab.content;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The English and Persian versions of every lesson and quiz have the same shape
 * (docs/CONTENT-FORMAT.md): same slugs, front-matter keys, order, headings, demos,
 * tables, code blocks, figures, quiz ids, choices and answers; and every glossary link
 * has a term.
 */
class LessonParityTest {

	private static final Path CONTENT = Path.of("content");

	private static final Path GLOSSARY = CONTENT.resolve("glossary.yml");

	private static final List<String> LANGUAGES = List.of("en", "fa");

	private static final Set<String> REQUIRED_KEYS = Set.of("title", "order", "summary");

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*(.*)$");

	private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+\\S.*$");

	private static final Pattern TABLE_DELIMITER = Pattern
		.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)+\\|?\\s*$|^\\s*\\|\\s*:?-+:?\\s*\\|\\s*$");

	private static final Pattern GLOSSARY_LINK = Pattern.compile("\\]\\(glossary:([^)\\s]*)\\)");

	private static final Pattern FIGURE = Pattern.compile("<figure\\b.*?</figure>", Pattern.DOTALL);

	@Test
	void everyLessonHasATwinInTheOtherLanguage() throws IOException {
		Set<String> en = slugs("en");
		Set<String> fa = slugs("fa");
		assertThat(en).as("English lessons").isNotEmpty();
		List<String> problems = new ArrayList<>();
		en.stream().filter(s -> !fa.contains(s)).forEach(s -> problems.add("content/fa/" + s + ".md is missing"));
		fa.stream().filter(s -> !en.contains(s)).forEach(s -> problems.add("content/en/" + s + ".md is missing"));
		assertNoProblems("lessons without a twin", problems);
	}

	@Test
	void twinsHaveTheSameFrontMatterKeysAndOrder() throws IOException {
		List<String> problems = new ArrayList<>();
		Map<Object, String> orders = new HashMap<>();
		for (String slug : twins()) {
			Lesson en = lesson("en", slug);
			Lesson fa = lesson("fa", slug);
			for (Lesson l : List.of(en, fa)) {
				Set<String> missing = new TreeSet<>(REQUIRED_KEYS);
				missing.removeAll(l.frontMatter().keySet());
				if (!missing.isEmpty()) {
					problems.add(l.file() + ": front matter lacks " + missing);
				}
				if (!(l.frontMatter().get("order") instanceof Integer)) {
					problems.add(l.file() + ": order is not a whole ASCII number: " + l.frontMatter().get("order"));
				}
			}
			if (!en.frontMatter().keySet().equals(fa.frontMatter().keySet())) {
				problems.add(slug + ": front-matter keys differ: en " + en.frontMatter().keySet() + ", fa "
						+ fa.frontMatter().keySet());
			}
			for (String key : List.of("order", "demo")) {
				if (!Objects.equals(en.frontMatter().get(key), fa.frontMatter().get(key))) {
					problems.add(slug + ": " + key + " differs: en " + en.frontMatter().get(key) + ", fa "
							+ fa.frontMatter().get(key));
				}
			}
			String other = orders.put(en.frontMatter().get("order"), slug);
			if (other != null) {
				problems.add(slug + " and " + other + " have the same order " + en.frontMatter().get("order"));
			}
		}
		assertNoProblems("front matter", problems);
	}

	@Test
	void twinsHaveTheSameHeadingLevelsInTheSameOrder() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String slug : twins()) {
			List<String> en = lesson("en", slug).headingLevels();
			List<String> fa = lesson("fa", slug).headingLevels();
			if (!en.equals(fa)) {
				problems.add(slug + ": headings differ: en " + en + ", fa " + fa);
			}
			if (en.contains("#")) {
				problems.add(slug + ": the body starts at ## (the page shows the title as h1)");
			}
		}
		assertNoProblems("headings", problems);
	}

	@Test
	void twinsHaveTheSameDemos() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String slug : twins()) {
			Lesson en = lesson("en", slug);
			Lesson fa = lesson("fa", slug);
			if (!en.demos().equals(fa.demos())) {
				problems.add(slug + ": demo blocks differ: en " + en.demos() + ", fa " + fa.demos());
			}
			for (Lesson l : List.of(en, fa)) {
				l.demos()
					.stream()
					.filter(String::isBlank)
					.forEach(d -> problems.add(l.file() + ": a demo block names no preset"));
				if (l.nonEmptyDemoBlocks() > 0) {
					problems.add(l.file() + ": a demo block must have an empty body");
				}
			}
		}
		assertNoProblems("demos", problems);
	}

	@Test
	void twinsHaveTheSameTablesCodeBlocksAndFigures() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String slug : twins()) {
			Lesson en = lesson("en", slug);
			Lesson fa = lesson("fa", slug);
			compare(problems, slug, "tables", en.tables(), fa.tables());
			compare(problems, slug, "fenced code blocks", en.codeBlocks(), fa.codeBlocks());
			compare(problems, slug, "figures", en.figures().size(), fa.figures().size());
		}
		assertNoProblems("tables, code blocks and figures", problems);
	}

	@Test
	void diagramsFollowTheContentFormat() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String lang : LANGUAGES) {
			for (String slug : slugs(lang)) {
				Lesson l = lesson(lang, slug);
				Set<String> ids = new LinkedHashSet<>();
				for (String figure : l.figures()) {
					checkFigure(l.file(), figure, ids, problems);
				}
			}
		}
		assertNoProblems("diagrams", problems);
	}

	@Test
	void glossaryLinksTargetKnownTerms() throws IOException {
		assertThat(GLOSSARY).as("the glossary").isRegularFile();
		Set<String> terms = glossaryIds();
		List<String> problems = new ArrayList<>();
		for (String lang : LANGUAGES) {
			for (String slug : slugs(lang)) {
				Lesson l = lesson(lang, slug);
				Matcher m = GLOSSARY_LINK.matcher(l.body());
				while (m.find()) {
					if (!terms.contains(m.group(1))) {
						problems.add(l.file() + ": glossary:" + m.group(1) + " is not in " + GLOSSARY);
					}
				}
			}
		}
		assertNoProblems("glossary links", problems);
	}

	@Test
	void everyLessonHasAMatchingQuizInBothLanguages() throws IOException {
		List<String> problems = new ArrayList<>();
		Set<String> lessons = new TreeSet<>(slugs("en"));
		lessons.addAll(slugs("fa"));
		for (String lang : LANGUAGES) {
			for (Path quiz : PersianSources.filesUnder(CONTENT.resolve(lang).resolve("quiz"), ".yml")) {
				String slug = quiz.getFileName().toString().replaceFirst("\\.yml$", "");
				if (!lessons.contains(slug)) {
					problems.add(quiz + ": no lesson " + slug);
				}
			}
		}
		for (String slug : lessons) {
			Map<String, Question> en = quiz("en", slug, problems);
			Map<String, Question> fa = quiz("fa", slug, problems);
			if (en == null || fa == null) {
				continue;
			}
			if (!en.keySet().equals(fa.keySet())) {
				problems.add(slug + ": question ids differ: en " + en.keySet() + ", fa " + fa.keySet());
				continue;
			}
			for (String id : en.keySet()) {
				Question e = en.get(id);
				Question f = fa.get(id);
				if (!e.choices().equals(f.choices())) {
					problems.add(slug + " " + id + ": choice keys differ: en " + e.choices() + ", fa " + f.choices());
				}
				if (!Objects.equals(e.answer(), f.answer())) {
					problems.add(slug + " " + id + ": answers differ: en " + e.answer() + ", fa " + f.answer());
				}
			}
		}
		assertNoProblems("quizzes", problems);
	}

	// ------------------------------------------------------------------ reading

	/** A lesson file, split into its front matter and its body. */
	record Lesson(Path file, Map<String, Object> frontMatter, String body) {

		/** The body's lines outside fenced code, and the fences themselves. */
		List<String> headingLevels() {
			List<String> levels = new ArrayList<>();
			for (String line : proseLines()) {
				Matcher m = HEADING.matcher(line);
				if (m.matches()) {
					levels.add(m.group(1));
				}
			}
			return levels;
		}

		List<String> demos() {
			return fences().stream()
				.filter(f -> f.info().matches("demo(\\s.*)?"))
				.map(f -> f.info().substring(4).strip())
				.toList();
		}

		long nonEmptyDemoBlocks() {
			return fences().stream()
				.filter(f -> f.info().matches("demo(\\s.*)?"))
				.filter(f -> !f.content().isBlank())
				.count();
		}

		int codeBlocks() {
			return (int) fences().stream().filter(f -> !f.info().matches("demo(\\s.*)?")).count();
		}

		int tables() {
			return (int) proseLines().stream().filter(line -> TABLE_DELIMITER.matcher(line).matches()).count();
		}

		List<String> figures() {
			String text = String.join("\n", proseLines());
			List<String> figures = new ArrayList<>();
			Matcher m = FIGURE.matcher(text);
			while (m.find()) {
				figures.add(m.group());
			}
			return figures;
		}

		private List<String> proseLines() {
			List<String> lines = new ArrayList<>();
			String fence = null;
			for (String line : body.split("\n", -1)) {
				Matcher f = FENCE.matcher(line);
				if (fence == null && f.matches()) {
					fence = f.group(1);
				}
				else if (fence != null && f.matches() && f.group(2).isEmpty() && f.group(1).charAt(0) == fence.charAt(0)
						&& f.group(1).length() >= fence.length()) {
					fence = null;
				}
				else if (fence == null) {
					lines.add(line);
				}
			}
			return lines;
		}

		private List<Fence> fences() {
			List<Fence> fences = new ArrayList<>();
			String fence = null;
			String info = null;
			StringBuilder content = new StringBuilder();
			for (String line : body.split("\n", -1)) {
				Matcher f = FENCE.matcher(line);
				if (fence == null && f.matches()) {
					fence = f.group(1);
					info = f.group(2).strip();
					content.setLength(0);
				}
				else if (fence != null && f.matches() && f.group(2).isEmpty() && f.group(1).charAt(0) == fence.charAt(0)
						&& f.group(1).length() >= fence.length()) {
					fences.add(new Fence(info, content.toString()));
					fence = null;
				}
				else if (fence != null) {
					content.append(line).append('\n');
				}
			}
			return fences;
		}

	}

	record Fence(String info, String content) {
	}

	record Question(Set<String> choices, String answer) {
	}

	private static Set<String> slugs(String lang) throws IOException {
		Set<String> slugs = new TreeSet<>();
		Path dir = CONTENT.resolve(lang);
		if (Files.isDirectory(dir)) {
			try (var files = Files.list(dir)) {
				files.filter(p -> p.toString().endsWith(".md"))
					.forEach(p -> slugs.add(p.getFileName().toString().replaceFirst("\\.md$", "")));
			}
		}
		return slugs;
	}

	private static Set<String> twins() throws IOException {
		Set<String> twins = slugs("en");
		twins.retainAll(slugs("fa"));
		return twins;
	}

	private static Lesson lesson(String lang, String slug) throws IOException {
		Path file = CONTENT.resolve(lang).resolve(slug + ".md");
		String text = PersianSources.read(file).replace("\r\n", "\n");
		if (!text.startsWith("---\n")) {
			return new Lesson(file, Map.of(), text);
		}
		int end = text.indexOf("\n---\n", 3);
		if (end < 0) {
			return new Lesson(file, Map.of(), text);
		}
		Object yaml = new Yaml().load(new StringReader(text.substring(4, end + 1)));
		Map<String, Object> frontMatter = new LinkedHashMap<>();
		if (yaml instanceof Map<?, ?> map) {
			map.forEach((k, v) -> frontMatter.put(String.valueOf(k), v));
		}
		return new Lesson(file, frontMatter, text.substring(end + 5));
	}

	private static Set<String> glossaryIds() throws IOException {
		Object yaml = new Yaml().load(PersianSources.read(GLOSSARY));
		Set<String> ids = new TreeSet<>();
		if (yaml instanceof List<?> terms) {
			for (Object term : terms) {
				if (term instanceof Map<?, ?> map && map.get("id") != null) {
					ids.add(String.valueOf(map.get("id")));
				}
			}
		}
		return ids;
	}

	/**
	 * The questions of a quiz by id, or null (with the problems noted) when it is
	 * unusable.
	 */
	private static Map<String, Question> quiz(String lang, String slug, List<String> problems) throws IOException {
		Path file = CONTENT.resolve(lang).resolve("quiz").resolve(slug + ".yml");
		if (!Files.isRegularFile(file)) {
			problems.add(file + " is missing");
			return null;
		}
		Object yaml = new Yaml().load(PersianSources.read(file));
		Object list = yaml instanceof Map<?, ?> map ? map.get("questions") : null;
		if (!(list instanceof List<?> questions)) {
			problems.add(file + ": no list of questions");
			return null;
		}
		if (questions.size() < 3 || questions.size() > 5) {
			problems.add(file + ": " + questions.size() + " questions (3 to 5 expected)");
		}
		Map<String, Question> byId = new LinkedHashMap<>();
		for (Object q : questions) {
			if (!(q instanceof Map<?, ?> question)) {
				problems.add(file + ": a question is not a mapping");
				continue;
			}
			String id = String.valueOf(question.get("id"));
			for (String key : List.of("text", "explanation")) {
				if (!(question.get(key) instanceof String s) || s.isBlank()) {
					problems.add(file + " " + id + ": no " + key);
				}
			}
			Set<String> choices = new LinkedHashSet<>();
			if (question.get("choices") instanceof Map<?, ?> map) {
				map.forEach((k, v) -> {
					choices.add(String.valueOf(k));
					if (!(v instanceof String s) || s.isBlank()) {
						problems.add(file + " " + id + ": choice " + k + " has no text");
					}
				});
			}
			if (choices.size() < 2) {
				problems.add(file + " " + id + ": fewer than two choices");
			}
			String answer = String.valueOf(question.get("answer"));
			if (!choices.contains(answer)) {
				problems.add(file + " " + id + ": the answer " + answer + " is not one of the choices " + choices);
			}
			if (byId.put(id, new Question(choices, answer)) != null) {
				problems.add(file + ": the id " + id + " is used twice");
			}
		}
		return byId;
	}

	private static void checkFigure(Path file, String figure, Set<String> ids, List<String> problems) {
		if (figure.lines().anyMatch(String::isBlank)) {
			problems.add(file + ": a blank line inside <figure> ends the HTML block");
		}
		if (figure.matches("(?s).*(\\sstyle\\s*=|<style\\b).*")) {
			problems.add(file + ": a style attribute or element (the Content-Security-Policy blocks them)");
		}
		if (!figure.contains("<figcaption")) {
			problems.add(file + ": a figure without <figcaption>");
		}
		org.w3c.dom.Document doc;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(figure)));
		}
		catch (Exception ex) {
			problems.add(file + ": a figure is not well-formed XML: " + ex.getMessage());
			return;
		}
		org.w3c.dom.NodeList svgs = doc.getElementsByTagName("svg");
		if (svgs.getLength() != 1) {
			problems.add(file + ": a figure holds " + svgs.getLength() + " <svg> elements (one expected)");
			return;
		}
		org.w3c.dom.Element svg = (org.w3c.dom.Element) svgs.item(0);
		if (!"img".equals(svg.getAttribute("role"))) {
			problems.add(file + ": <svg> without role=\"img\"");
		}
		if (svg.getAttribute("viewBox").isBlank()) {
			problems.add(file + ": <svg> without viewBox");
		}
		Map<String, String> idTags = new HashMap<>();
		org.w3c.dom.NodeList all = doc.getElementsByTagName("*");
		for (int i = 0; i < all.getLength(); i++) {
			org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
			if (!e.getAttribute("id").isEmpty()) {
				idTags.put(e.getAttribute("id"), e.getTagName());
				if (!ids.add(e.getAttribute("id"))) {
					problems.add(file + ": the id " + e.getAttribute("id") + " is used twice on the page");
				}
			}
		}
		String[] labelledBy = svg.getAttribute("aria-labelledby").trim().split("\\s+");
		if (labelledBy.length != 2 || !"title".equals(idTags.get(labelledBy[0]))
				|| !"desc".equals(idTags.get(labelledBy[1]))) {
			problems.add(file + ": <svg aria-labelledby> must name its <title> and <desc> ids, has \""
					+ svg.getAttribute("aria-labelledby") + "\"");
		}
		if (doc.getElementsByTagName("image").getLength() > 0 || doc.getElementsByTagName("img").getLength() > 0) {
			problems.add(file + ": labels belong in <text>, not in images");
		}
	}

	private static void compare(List<String> problems, String slug, String what, int en, int fa) {
		if (en != fa) {
			problems.add(slug + ": " + what + " differ: en " + en + ", fa " + fa);
		}
	}

	private static void assertNoProblems(String what, List<String> problems) {
		if (!problems.isEmpty()) {
			fail(problems.size() + " problem(s) with " + what + ":\n" + String.join("\n", problems));
		}
	}

}
