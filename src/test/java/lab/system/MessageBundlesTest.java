package lab.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The two bundles must stay twins, and the Persian one must really be Persian. */
class MessageBundlesTest {

	/**
	 * Keys whose value is the same in both languages on purpose: each language's own
	 * name.
	 */
	static final Set<String> SAME_IN_BOTH = Set.of("lang.name.en", "lang.name.fa");

	private static final Pattern PERSIAN_LETTER = Pattern.compile("[\\u0600-\\u06FF]");

	private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z0-9.]+)[}(]");

	static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of("i18n", name), StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}

	@Test
	void bothBundlesHaveTheSameKeys() throws IOException {
		Set<String> en = load("messages.properties").stringPropertyNames();
		Set<String> fa = load("messages_fa.properties").stringPropertyNames();
		assertThat(new TreeSet<>(fa)).as("keys in Persian").isEqualTo(new TreeSet<>(en));
	}

	@Test
	void persianValuesArePersianAndTranslated() throws IOException {
		Properties en = load("messages.properties");
		Properties fa = load("messages_fa.properties");
		List<String> wrong = new ArrayList<>();
		for (String key : fa.stringPropertyNames()) {
			String value = fa.getProperty(key);
			if (value.isBlank()) {
				wrong.add(key + ": empty");
			}
			else if (SAME_IN_BOTH.contains(key)) {
				continue;
			}
			else if (!PERSIAN_LETTER.matcher(value).find()) {
				wrong.add(key + ": not in Persian script: " + value);
			}
			else if (value.equals(en.getProperty(key))) {
				wrong.add(key + ": same as English");
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		List<String> missing = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = KEY_IN_TEMPLATE.matcher(Files.readString(file));
				while (m.find()) {
					if (!keys.contains(m.group(1))) {
						missing.add(file.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

}
