package lab.content;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import jakarta.validation.Validator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the course from {@code content/}: every lesson is rendered once (for the packaged
 * jar, by the build) and kept in memory. When the site runs from the source tree, a
 * lesson whose file changed is rendered again on its next request, so authors see their
 * edit on reload.
 */
@Component
public class ContentStore {

	/** Lesson slugs: lower-case words joined by hyphens, never a path. */
	public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+){0,8}");

	private static final int MAX_SLUG = 80;

	private static final Log log = LogFactory.getLog(ContentStore.class);

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private final Markdown markdown;

	private final YamlRecords yaml;

	private final String root;

	private final boolean watch;

	private final Map<String, Cached<Lesson>> lessons = new ConcurrentHashMap<>();

	private final Map<String, Cached<Quiz>> quizzes = new ConcurrentHashMap<>();

	private volatile Cached<List<GlossaryTerm>> glossary;

	private final CompletableFuture<Void> rendered;

	@Autowired
	public ContentStore(Validator validator, Markdown markdown) {
		this(SourceTree.location("content"), SourceTree.active(), validator, markdown);
	}

	ContentStore(String root, boolean watch, Validator validator) {
		this(root, watch, validator, new Markdown(root));
	}

	/**
	 * The course at this Spring resource location (ending in '/'), read again after an
	 * edit when {@code watch} is set.
	 */
	public ContentStore(String root, boolean watch, Validator validator, Markdown markdown) {
		this.root = root;
		this.watch = watch;
		this.markdown = markdown;
		this.yaml = new YamlRecords(validator);
		Map<String, Source> sources = new LinkedHashMap<>();
		for (Lang lang : Lang.values()) {
			for (Resource file : list(lang.code() + "/*.md")) {
				long stamp = ContentFiles.lastModified(file);
				FrontMatter fm = FrontMatter.split(ContentFiles.read(file), file.getDescription());
				// a lesson whose front matter is broken stops the start, right here
				fm.required("title");
				fm.requiredInt("order");
				fm.required("summary");
				sources.put(key(lang, slugOf(file)), new Source(file, stamp, lang, fm));
			}
		}
		// Rendering takes most of a second of a cold JVM, on a core the rest of the start
		// needs: the packaged jar carries its lessons rendered by the build (see
		// Markdown). This runs beside the rest of the start, and the first lookup waits
		// for it. The quizzes and the glossary are read and checked here too, so a broken
		// file keeps the site not ready, as a broken lesson does.
		this.rendered = CompletableFuture.runAsync(() -> {
			long start = System.nanoTime();
			this.glossary = loadGlossary();
			sources.forEach((key, source) -> {
				this.lessons.put(key, new Cached<>(source.file(), source.stamp(),
						lesson(source.frontMatter(), slugOf(source.file()), source.lang())));
				Resource quiz = quizFile(source.lang(), slugOf(source.file()));
				if (quiz.exists()) {
					this.quizzes.put(key, loadQuiz(quiz));
				}
			});
			log.info("Loaded " + sources.size() + " lessons in " + (System.nanoTime() - start) / 1_000_000 + " ms");
		}, runnable -> {
			Thread t = new Thread(runnable, "lesson-renderer");
			t.setDaemon(true);
			t.start();
		});
		this.rendered.whenComplete((done, failure) -> {
			if (failure != null) {
				log.error("Loading the content failed: the site stays not ready until it is restarted", failure);
			}
		});
	}

	/**
	 * Where the start-up rendering of the lessons stands; the site is ready only once it
	 * is done.
	 */
	public Rendering rendering() {
		if (!this.rendered.isDone()) {
			return Rendering.RUNNING;
		}
		return this.rendered.isCompletedExceptionally() ? Rendering.FAILED : Rendering.DONE;
	}

	/** The states of the start-up rendering. */
	public enum Rendering {

		/** Still rendering: pages wait for it. */
		RUNNING,
		/** Every lesson rendered. */
		DONE,
		/**
		 * A lesson could not be rendered: the site stays not ready until it is restarted.
		 */
		FAILED

	}

	/** The lessons of one language in reading order. */
	public List<Lesson> lessons(Lang lang) {
		this.rendered.join();
		List<Lesson> list = new ArrayList<>();
		for (Map.Entry<String, Cached<Lesson>> e : this.lessons.entrySet()) {
			if (e.getKey().startsWith(lang.code() + "/")) {
				list.add(fresh(e.getKey()));
			}
		}
		list.sort(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::slug));
		return list;
	}

	public Optional<Lesson> lesson(Lang lang, String slug) {
		if (slug == null || slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
			return Optional.empty();
		}
		this.rendered.join();
		if (!this.lessons.containsKey(key(lang, slug))) {
			return Optional.empty();
		}
		return Optional.of(fresh(key(lang, slug)));
	}

	public Optional<Quiz> quiz(Lang lang, String slug) {
		if (lesson(lang, slug).isEmpty()) {
			return Optional.empty();
		}
		String key = key(lang, slug);
		Cached<Quiz> cached = this.quizzes.get(key);
		if (cached == null || (this.watch && cached.stale())) {
			Resource file = quizFile(lang, slug);
			if (!file.exists()) {
				return Optional.empty();
			}
			cached = loadQuiz(file);
			this.quizzes.put(key, cached);
		}
		return Optional.of(cached.value());
	}

	public List<GlossaryTerm> glossary() {
		this.rendered.join();
		Cached<List<GlossaryTerm>> cached = this.glossary;
		if (this.watch && cached.stale()) {
			cached = loadGlossary();
			this.glossary = cached;
		}
		return cached.value();
	}

	private Lesson fresh(String key) {
		Cached<Lesson> cached = this.lessons.get(key);
		if (this.watch && cached.stale()) {
			Lesson old = cached.value();
			cached = new Cached<>(cached.file(), ContentFiles.lastModified(cached.file()),
					loadLesson(cached.file(), old.slug(), old.lang()));
			this.lessons.put(key, cached);
		}
		return cached.value();
	}

	private Lesson loadLesson(Resource file, String slug, Lang lang) {
		return lesson(FrontMatter.split(ContentFiles.read(file), file.getDescription()), slug, lang);
	}

	private Lesson lesson(FrontMatter fm, String slug, Lang lang) {
		MarkdownRenderer.Rendered body = this.markdown.render(fm.body(), lang);
		return new Lesson(slug, lang, fm.required("title"), fm.requiredInt("order"), fm.required("summary"),
				fm.optional("demo"), body.parts(), body.toc(), body.words());
	}

	private Resource quizFile(Lang lang, String slug) {
		return resource(lang.code() + "/quiz/" + slug + ".yml");
	}

	private Cached<Quiz> loadQuiz(Resource file) {
		return new Cached<>(file, ContentFiles.lastModified(file), this.yaml.read(file, Quiz.class));
	}

	private Cached<List<GlossaryTerm>> loadGlossary() {
		Resource file = resource("glossary.yml");
		List<GlossaryTerm> terms = file.exists()
				? this.yaml.readList(file, GlossaryTerm.Entry.class).stream().map(GlossaryTerm.Entry::term).toList()
				: List.of();
		return new Cached<>(file, ContentFiles.lastModified(file), terms);
	}

	private Resource[] list(String pattern) {
		try {
			return this.resolver.getResources(this.root + pattern);
		}
		catch (IOException ex) {
			return new Resource[0];
		}
	}

	private Resource resource(String path) {
		return this.resolver.getResource(this.root + path);
	}

	private static String slugOf(Resource file) {
		String name = file.getFilename();
		return name.substring(0, name.length() - ".md".length());
	}

	private static String key(Lang lang, String slug) {
		return lang.code() + "/" + slug;
	}

	/** A lesson file as read at start-up, its front matter already checked. */
	private record Source(Resource file, long stamp, Lang lang, FrontMatter frontMatter) {
	}

	private record Cached<T>(Resource file, long stamp, T value) {

		boolean stale() {
			return ContentFiles.lastModified(this.file) != this.stamp;
		}

	}

}
