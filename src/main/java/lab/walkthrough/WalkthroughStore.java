package lab.walkthrough;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import lab.content.ContentFiles;
import lab.content.ContentStore;
import lab.content.Lang;
import lab.content.Markdown;
import lab.content.SourceTree;

/**
 * The walkthroughs of {@code content/walkthroughs/{en,fa}/}, read and checked at
 * start-up: a file that does not parse, an unknown action, check or demo, or two
 * languages that disagree stop the start with a message naming the file and the step. The
 * reading runs on a thread of its own while the rest of the site starts (it costs a cold
 * JVM a few hundred milliseconds), and the start waits for it once every other bean is
 * made. From the jar they are read once. From the source tree (as lessons, see
 * {@link SourceTree}) an edited, added or removed file is read again on the next request;
 * an edit that does not pass the same checks is logged and the last good walkthroughs
 * stay, so a half-saved file never breaks a class in progress.
 */
@Component
public class WalkthroughStore implements SmartInitializingSingleton {

	private static final Log log = LogFactory.getLog(WalkthroughStore.class);

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private final String root;

	private final WalkthroughParser parser;

	private final boolean watch;

	/** The first reading, begun by the constructor. */
	private final CompletableFuture<Library> first;

	/**
	 * The last good walkthroughs, replaced whole (never changed) when files change; null
	 * until the first reading is taken.
	 */
	private volatile Library library;

	/**
	 * The files as they were when a reload last failed: not read again until they change.
	 */
	private volatile Map<String, Long> refused = Map.of();

	@Autowired
	public WalkthroughStore(MessageSource messages, Markdown markdown) {
		this(SourceTree.location("content") + "walkthroughs/", preset -> known(messages, preset), SourceTree.active(),
				markdown);
	}

	WalkthroughStore(String root, Predicate<String> knownDemo) {
		this(root, knownDemo, false);
	}

	WalkthroughStore(String root, Predicate<String> knownDemo, boolean watch) {
		this(root, knownDemo, watch, new Markdown(root));
	}

	/**
	 * The walkthroughs at this Spring resource location (ending in '/'), whose demos
	 * {@code knownDemo} names, read again after an edit when {@code watch} is set.
	 */
	public WalkthroughStore(String root, Predicate<String> knownDemo, boolean watch, Markdown markdown) {
		this.root = root;
		this.parser = new WalkthroughParser(knownDemo, markdown);
		this.watch = watch;
		this.first = CompletableFuture.supplyAsync(() -> {
			Map<String, Long> stamps = new TreeMap<>();
			return load(files(stamps), stamps);
		}, task -> {
			Thread reader = new Thread(task, "walkthrough-reader");
			reader.setDaemon(true);
			reader.start();
		});
	}

	/**
	 * Waits for the first reading: the start stops here, with the reading's own message,
	 * when a walkthrough is broken.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		current();
	}

	public List<Walkthrough> all(Lang lang) {
		return List.copyOf(current().byLang().get(lang).values());
	}

	public Optional<Walkthrough> find(Lang lang, String slug) {
		if (slug == null || !ContentStore.SLUG.matcher(slug).matches()) {
			return Optional.empty();
		}
		return Optional.ofNullable(current().byLang().get(lang).get(slug));
	}

	private Library current() {
		Library now = this.library;
		if (now == null) {
			now = firstReading();
		}
		if (!this.watch) {
			return now;
		}
		Map<String, Long> stamps = new TreeMap<>();
		Map<Lang, Resource[]> files = files(stamps);
		if (stamps.equals(now.stamps()) || stamps.equals(this.refused)) {
			return now;
		}
		synchronized (this) {
			if (this.library != now) {
				return this.library;
			}
			try {
				this.library = load(files, stamps);
				log.info("Walkthroughs read again after an edit");
			}
			catch (RuntimeException ex) {
				this.refused = stamps;
				log.warn("An edited walkthrough was not taken, the last good ones stay: " + ex.getMessage());
			}
			return this.library;
		}
	}

	private synchronized Library firstReading() {
		if (this.library == null) {
			try {
				this.library = this.first.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw ex;
			}
		}
		return this.library;
	}

	private Map<Lang, Resource[]> files(Map<String, Long> stamps) {
		Map<Lang, Resource[]> files = new EnumMap<>(Lang.class);
		for (Lang lang : Lang.values()) {
			Resource[] found = list(this.resolver, this.root + lang.code() + "/*.md");
			for (Resource file : found) {
				stamps.put(file.getDescription(), ContentFiles.lastModified(file));
			}
			files.put(lang, found);
		}
		return files;
	}

	private Library load(Map<Lang, Resource[]> files, Map<String, Long> stamps) {
		Map<Lang, Map<String, Walkthrough>> byLang = new EnumMap<>(Lang.class);
		for (Lang lang : Lang.values()) {
			Map<String, Walkthrough> all = new LinkedHashMap<>();
			for (Resource file : files.get(lang)) {
				String name = Objects.requireNonNull(file.getFilename());
				String slug = name.substring(0, name.length() - ".md".length());
				if (!ContentStore.SLUG.matcher(slug).matches()) {
					throw new IllegalStateException(file.getDescription() + ": the file name is not a slug");
				}
				all.put(slug, this.parser.parse(ContentFiles.read(file), slug, lang,
						"walkthroughs/" + lang.code() + "/" + name));
			}
			List<Walkthrough> sorted = new ArrayList<>(all.values());
			sorted.sort(Comparator.comparingInt(Walkthrough::order).thenComparing(Walkthrough::slug));
			Map<String, Walkthrough> ordered = new LinkedHashMap<>();
			sorted.forEach(w -> ordered.put(w.slug(), w));
			byLang.put(lang, Collections.unmodifiableMap(ordered));
		}
		List<String> problems = parityProblems(byLang);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"walkthroughs differ between languages:\n  " + String.join("\n  ", problems));
		}
		return new Library(Collections.unmodifiableMap(byLang), Map.copyOf(stamps));
	}

	/** Every walkthrough in both languages, and the files' stamps they were read from. */
	private record Library(Map<Lang, Map<String, Walkthrough>> byLang, Map<String, Long> stamps) {
	}

	List<String> parityProblems() {
		return parityProblems(current().byLang());
	}

	/**
	 * Every way the languages disagree: a walkthrough in one language only, or a
	 * different number of steps, demos, actions, checks, notes, length or order.
	 */
	private static List<String> parityProblems(Map<Lang, Map<String, Walkthrough>> byLang) {
		List<String> problems = new ArrayList<>();
		Map<String, Walkthrough> en = byLang.get(Lang.EN);
		Map<String, Walkthrough> fa = byLang.get(Lang.FA);
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

}
