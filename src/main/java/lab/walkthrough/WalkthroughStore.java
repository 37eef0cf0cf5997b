package lab.walkthrough;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import lab.content.ContentStore;
import lab.content.Lang;
import lab.content.SourceTree;

/**
 * The walkthroughs of {@code content/walkthroughs/{en,fa}/}, read and checked once at
 * start-up: a file that does not parse, an unknown action, check or demo, or two
 * languages that disagree stop the start with a message naming the file and the step.
 * Immutable afterwards.
 */
@Component
public class WalkthroughStore {

	private final Map<Lang, Map<String, Walkthrough>> byLang = new LinkedHashMap<>();

	@Autowired
	public WalkthroughStore(MessageSource messages) {
		this(SourceTree.location("content") + "walkthroughs/", preset -> known(messages, preset));
	}

	WalkthroughStore(String root, Predicate<String> knownDemo) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		WalkthroughParser parser = new WalkthroughParser(knownDemo);
		for (Lang lang : Lang.values()) {
			Map<String, Walkthrough> all = new LinkedHashMap<>();
			for (Resource file : list(resolver, root + lang.code() + "/*.md")) {
				String name = Objects.requireNonNull(file.getFilename());
				String slug = name.substring(0, name.length() - ".md".length());
				if (!ContentStore.SLUG.matcher(slug).matches()) {
					throw new IllegalStateException(file.getDescription() + ": the file name is not a slug");
				}
				all.put(slug, parser.parse(read(file), slug, lang, "walkthroughs/" + lang.code() + "/" + name));
			}
			List<Walkthrough> sorted = new ArrayList<>(all.values());
			sorted.sort(Comparator.comparingInt(Walkthrough::order).thenComparing(Walkthrough::slug));
			Map<String, Walkthrough> ordered = new LinkedHashMap<>();
			sorted.forEach(w -> ordered.put(w.slug(), w));
			this.byLang.put(lang, ordered);
		}
		List<String> problems = parityProblems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"walkthroughs differ between languages:\n  " + String.join("\n  ", problems));
		}
	}

	public List<Walkthrough> all(Lang lang) {
		return List.copyOf(this.byLang.get(lang).values());
	}

	public Optional<Walkthrough> find(Lang lang, String slug) {
		if (slug == null || !ContentStore.SLUG.matcher(slug).matches()) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.byLang.get(lang).get(slug));
	}

	/**
	 * Every way the languages disagree: a walkthrough in one language only, or a
	 * different number of steps, demos, actions, checks, notes, length or order.
	 */
	List<String> parityProblems() {
		List<String> problems = new ArrayList<>();
		Map<String, Walkthrough> en = this.byLang.get(Lang.EN);
		Map<String, Walkthrough> fa = this.byLang.get(Lang.FA);
		for (String slug : new TreeSet<>(union(en.keySet(), fa.keySet()))) {
			Walkthrough a = en.get(slug);
			Walkthrough b = fa.get(slug);
			if (a == null || b == null) {
				problems.add(slug + ": only in " + ((a == null) ? "fa" : "en"));
				continue;
			}
			same(problems, slug + ": order", a.order(), b.order());
			same(problems, slug + ": minutes", a.minutes(), b.minutes());
			same(problems, slug + ": start", texts(a.start()), texts(b.start()));
			if (a.count() != b.count()) {
				problems.add(slug + ": " + a.count() + " steps in en, " + b.count() + " in fa");
				continue;
			}
			for (int n = 1; n <= a.count(); n++) {
				Step x = a.step(n);
				Step y = b.step(n);
				String where = slug + ": step " + n;
				same(problems, where + " demo", x.demo(), y.demo());
				same(problems, where + " actions", texts(x.actions()), texts(y.actions()));
				same(problems, where + " check", (x.check() == null) ? null : x.check().text(),
						(y.check() == null) ? null : y.check().text());
				same(problems, where + " has notes", x.notesHtml() != null, y.notesHtml() != null);
			}
		}
		return problems;
	}

	private static void same(List<String> problems, String what, Object en, Object fa) {
		if (!Objects.equals(en, fa)) {
			problems.add(what + ": en " + en + ", fa " + fa);
		}
	}

	private static List<String> texts(List<Action> actions) {
		return actions.stream().map(Action::text).toList();
	}

	private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
		java.util.Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return all;
	}

	/**
	 * A preset is known when both languages have its lead sentence (the widget shows it).
	 */
	private static boolean known(MessageSource messages, String preset) {
		if (!preset.matches("[a-z0-9-]+")) {
			return false;
		}
		for (Lang lang : Lang.values()) {
			try {
				messages.getMessage("demo." + preset + ".lead", null, Locale.forLanguageTag(lang.code()));
			}
			catch (NoSuchMessageException ex) {
				return false;
			}
		}
		return true;
	}

	private static Resource[] list(PathMatchingResourcePatternResolver resolver, String pattern) {
		try {
			return resolver.getResources(pattern);
		}
		catch (IOException ex) {
			return new Resource[0];
		}
	}

	private static String read(Resource file) {
		try {
			return file.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.getDescription(), ex);
		}
	}

}
