package lab.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates hold structure only: every word comes from the message bundles or the
 * content.
 */
class TemplatesTest {

	private static final Pattern TAG = Pattern.compile("<[^>]*>", Pattern.DOTALL);

	private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	/** Attributes a person reads, written without Thymeleaf. */
	private static final Pattern READABLE_ATTRIBUTE = Pattern
		.compile("\\s(?<!th:)(alt|title|aria-label|placeholder|value|content)=\"([^\"]*\\p{L}[^\"]*)\"");

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			return files.filter(f -> f.toString().endsWith(".html")).toList();
		}
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : templates()) {
			String text = TAG.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(" ")).replaceAll(" ");
			text = text.replaceAll("&[a-z]+;|&#\\d+;", " ");
			if (text.codePoints().anyMatch(Character::isLetter)) {
				found.add(file.getFileName() + ": " + text.strip().replaceAll("\\s+", " "));
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void readableAttributesComeFromTheBundles() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : templates()) {
			Matcher m = READABLE_ATTRIBUTE.matcher(Files.readString(file));
			while (m.find()) {
				String attr = m.group(1);
				String value = m.group(2);
				boolean technical = (attr.equals("content") && value.startsWith("width="))
						|| (attr.equals("value") && value.matches("true|false|v\\d|\\d+"));
				if (!technical) {
					found.add(file.getFileName() + ": " + m.group().strip());
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void templatesHaveNoInlineScriptOrStyle() throws IOException {
		for (Path file : templates()) {
			String html = Files.readString(file);
			assertThat(html).as(file.toString()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
			assertThat(html).as(file.toString()).doesNotContain(" style=\"").doesNotContain("<style");
			assertThat(html).as(file.toString()).doesNotContainPattern("\\son[a-z]+=\"");
		}
	}

	@Test
	void templatesLoadNothingFromAnotherHost() throws IOException {
		for (Path file : templates()) {
			assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern("(src|href)=\"(https?:)?//");
		}
	}

}
