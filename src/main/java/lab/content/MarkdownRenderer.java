package lab.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * Turns a lesson's Markdown body into HTML parts and a table of contents, with what the
 * site adds to plain Markdown: heading anchors, {@code glossary:} links, live-demo
 * places, left-to-right code in both languages, and isolated Latin runs inside Persian
 * text.
 */
public final class MarkdownRenderer {

	static final String DEMO_INFO = "demo";

	private static final String DEMO_MARK = "<!--lab-demo:";

	private static final Pattern DEMO_SPLIT = Pattern.compile("<!--lab-demo:([a-z0-9-]+)-->\\n?");

	/**
	 * A Latin run inside Persian text: words, with the spaces and signs that join them.
	 */
	private static final Pattern LATIN_RUN = Pattern
		.compile("[A-Za-z][A-Za-z0-9+#_./&'-]*(?:[ ,:][A-Za-z0-9][A-Za-z0-9+#_./&'-]*)*");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

	private final Parser parser;

	private final DataHolder options;

	public MarkdownRenderer() {
		MutableDataSet set = new MutableDataSet();
		set.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
		set.set(TablesExtension.CLASS_NAME, "table table-bordered align-top");
		set.set(HtmlRenderer.ESCAPE_HTML, false);
		this.options = set.toImmutable();
		this.parser = Parser.builder(this.options).build();
	}

	/** The rendered body of a lesson. */
	public record Rendered(List<LessonPart> parts, List<Lesson.TocEntry> toc, int words) {
	}

	public Rendered render(String markdown, Lang lang) {
		Document document = this.parser.parse(markdown);
		Map<Node, String> headingIds = new HashMap<>();
		List<Lesson.TocEntry> toc = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (Node node : document.getDescendants()) {
			if (node instanceof Heading heading) {
				String text = new TextCollectingVisitor().collectAndGetText(heading).trim();
				String id = uniqueId(slug(text), used);
				headingIds.put(heading, id);
				if (heading.getLevel() == 2 || heading.getLevel() == 3) {
					toc.add(new Lesson.TocEntry(heading.getLevel(), id, text));
				}
			}
		}
		HtmlRenderer renderer = HtmlRenderer.builder(this.options)
			.attributeProviderFactory(new IndependentAttributeProviderFactory() {
				@Override
				public AttributeProvider apply(LinkResolverContext context) {
					return new SiteAttributes(headingIds, lang);
				}
			})
			.nodeRendererFactory(options -> new SiteNodes(lang))
			.build();
		String html = renderer.render(document);
		return new Rendered(split(html), List.copyOf(toc), countWords(document));
	}

	private static List<LessonPart> split(String html) {
		List<LessonPart> parts = new ArrayList<>();
		Matcher m = DEMO_SPLIT.matcher(html);
		int from = 0;
		while (m.find()) {
			addHtml(parts, html.substring(from, m.start()));
			parts.add(new LessonPart.Demo(m.group(1)));
			from = m.end();
		}
		addHtml(parts, html.substring(from));
		return List.copyOf(parts);
	}

	private static void addHtml(List<LessonPart> parts, String html) {
		if (!html.isBlank()) {
			parts.add(new LessonPart.Html(html));
		}
	}

	private static int countWords(Document document) {
		String text = new TextCollectingVisitor().collectAndGetText(document);
		int words = 0;
		for (String w : NOT_WORD.split(text)) {
			if (!w.isEmpty()) {
				words++;
			}
		}
		return words;
	}

	/**
	 * An anchor id from a heading: letters and digits of any script, joined by hyphens.
	 */
	static String slug(String text) {
		String s = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
		s = s.replaceAll("^-+|-+$", "");
		return s.isEmpty() ? "section" : s;
	}

	private static String uniqueId(String base, Set<String> used) {
		String id = base;
		for (int n = 2; !used.add(id); n++) {
			id = base + "-" + n;
		}
		return id;
	}

	/** The id of a fenced block that places a demo, or null when it is ordinary code. */
	static String demoPreset(FencedCodeBlock block) {
		String info = block.getInfo().toString().trim();
		if (info.startsWith(DEMO_INFO + " ")) {
			String preset = info.substring(DEMO_INFO.length()).trim();
			if (preset.matches("[a-z0-9-]+")) {
				return preset;
			}
		}
		return null;
	}

	private static final class SiteAttributes implements AttributeProvider {

		private final Map<Node, String> headingIds;

		private final Lang lang;

		SiteAttributes(Map<Node, String> headingIds, Lang lang) {
			this.headingIds = headingIds;
			this.lang = lang;
		}

		@Override
		public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
			if (node instanceof Heading && part == AttributablePart.NODE) {
				attributes.replaceValue("id", this.headingIds.get(node));
			}
			else if ((node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock)
					&& part == AttributablePart.NODE) {
				attributes.replaceValue("dir", "ltr");
			}
			else if (node instanceof Code) {
				attributes.replaceValue("dir", "ltr");
			}
			else if (node instanceof Link link && part == AttributablePart.LINK) {
				String url = link.getUrl().toString();
				if (url.startsWith("glossary:")) {
					attributes.replaceValue("href", "/" + this.lang.code() + "/glossary#term-" + url.substring(9));
					attributes.addValue("class", "glossary-link");
				}
			}
			else if (node instanceof TableBlock && part == AttributablePart.NODE) {
				attributes.addValue("class", "table");
			}
		}

	}

	private static final class SiteNodes implements NodeRenderer {

		private final Lang lang;

		SiteNodes(Lang lang) {
			this.lang = lang;
		}

		@Override
		public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
			Set<NodeRenderingHandler<?>> handlers = new HashSet<>();
			handlers.add(new NodeRenderingHandler<>(FencedCodeBlock.class, this::fenced));
			if (this.lang.rightToLeft()) {
				handlers.add(new NodeRenderingHandler<>(Text.class, this::isolatedText));
			}
			return handlers;
		}

		private void fenced(FencedCodeBlock block, NodeRendererContext context, HtmlWriter html) {
			String preset = demoPreset(block);
			if (preset == null) {
				context.delegateRender();
				return;
			}
			html.line().raw(DEMO_MARK + preset + "-->").line();
		}

		/**
		 * Latin words inside Persian text are isolated so the neutral signs around them
		 * stay put.
		 */
		private void isolatedText(Text text, NodeRendererContext context, HtmlWriter html) {
			String s = text.getChars().unescape();
			Matcher m = LATIN_RUN.matcher(s);
			int from = 0;
			while (m.find()) {
				html.text(s.substring(from, m.start()));
				html.raw("<bdi>").text(m.group()).raw("</bdi>");
				from = m.end();
			}
			html.text(s.substring(from));
		}

	}

}
