package lab.content;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The site's one way to turn the course's Markdown into HTML (lessons and walkthroughs):
 * what the build already rendered ({@link RenderedMarkdown}, read once, on first use) is
 * taken as it is, and only a text the build did not see (an edited file; every file when
 * the site runs from the source tree, where there is no such file) is rendered here. The
 * build's own instance ({@link #recording()}) renders everything and writes it down.
 */
@Component
public class Markdown {

	private static final Log log = LogFactory.getLog(Markdown.class);

	/** The build's file, or null when every text is rendered here. */
	private final Resource file;

	private final BiFunction<String, Lang, MarkdownRenderer.Rendered> renderer;

	private volatile RenderedMarkdown prerendered;

	/** What was given out, when recording for the build; otherwise null. */
	private final Map<RenderedMarkdown.Source, MarkdownRenderer.Rendered> given;

	@Autowired
	public Markdown() {
		this(SourceTree.location("content"));
	}

	/** For the content folder at this Spring resource location (ending in '/'). */
	public Markdown(String contentRoot) {
		this(contentRoot, new MarkdownRenderer()::render);
	}

	/** As above, rendering what the build did not with {@code renderer}. */
	public Markdown(String contentRoot, BiFunction<String, Lang, MarkdownRenderer.Rendered> renderer) {
		this(new DefaultResourceLoader().getResource(contentRoot + RenderedMarkdown.FILE), renderer, false);
	}

	private Markdown(Resource file, BiFunction<String, Lang, MarkdownRenderer.Rendered> renderer, boolean record) {
		this.file = file;
		this.renderer = renderer;
		this.given = record ? new ConcurrentHashMap<>() : null;
	}

	/**
	 * For the build: renders every text afresh (never from an earlier build's file, which
	 * an older renderer may have made) and remembers it for {@link #given()}.
	 */
	public static Markdown recording() {
		return new Markdown(null, new MarkdownRenderer()::render, true);
	}

	public MarkdownRenderer.Rendered render(String markdown, Lang lang) {
		MarkdownRenderer.Rendered rendered = prerendered().find(lang, markdown)
			.orElseGet(() -> this.renderer.apply(markdown, lang));
		if (this.given != null) {
			this.given.put(new RenderedMarkdown.Source(lang, markdown), rendered);
		}
		return rendered;
	}

	/** Every text rendered so far, when {@link #recording()}. */
	public RenderedMarkdown given() {
		if (this.given == null) {
			throw new IllegalStateException("not recording");
		}
		return new RenderedMarkdown(this.given);
	}

	private RenderedMarkdown prerendered() {
		RenderedMarkdown loaded = this.prerendered;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.prerendered;
				if (loaded == null) {
					loaded = load();
					this.prerendered = loaded;
				}
			}
		}
		return loaded;
	}

	/**
	 * The build's renderings, or none: a file that is missing or cannot be read only
	 * costs the time to render.
	 */
	private RenderedMarkdown load() {
		if (this.file == null || !this.file.exists()) {
			return RenderedMarkdown.none();
		}
		try (InputStream in = new BufferedInputStream(this.file.getInputStream())) {
			return RenderedMarkdown.read(in);
		}
		catch (IOException ex) {
			log.warn("Cannot read " + this.file.getDescription() + ": the course's Markdown is rendered here instead",
					ex);
			return RenderedMarkdown.none();
		}
	}

}
