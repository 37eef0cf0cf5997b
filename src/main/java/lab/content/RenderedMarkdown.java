package lab.content;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The course's Markdown as the build rendered it: each text, with its language, and what
 * {@link MarkdownRenderer} made of it. The jar carries it beside the lessons, so a
 * packaged site does not spend its start rendering them again (see {@link Markdown}). A
 * text is found only by its exact words, so an edited lesson is rendered afresh, never
 * served stale.
 * <p>
 * The file is read once, on a cold JVM: a plain binary layout (a magic number, a version,
 * then per text its language, the text, its parts, headings and word count) is read in a
 * few milliseconds with nothing to warm up. Strings are UTF-8 with an int length.
 */
public final class RenderedMarkdown {

	/** The file's name, at the root of the content folder. */
	public static final String FILE = "rendered-markdown.bin";

	private static final int MAGIC = 0x4D4C4D44;

	private static final int VERSION = 1;

	private static final byte HTML = 0;

	private static final byte DEMO = 1;

	/** Far more than the course has: a bound for a damaged file's counts. */
	private static final int MAX_COUNT = 100_000;

	/** Far longer than any lesson: a bound for a damaged file's lengths. */
	private static final int MAX_BYTES = 16 * 1024 * 1024;

	/** The order the build writes them in, so the same texts give the same bytes. */
	private static final Comparator<Source> ORDER = Comparator.comparing(Source::lang).thenComparing(Source::markdown);

	private final Map<Source, MarkdownRenderer.Rendered> renderings;

	/** A Markdown text in the language it was rendered for. */
	public record Source(Lang lang, String markdown) {
	}

	public RenderedMarkdown(Map<Source, MarkdownRenderer.Rendered> renderings) {
		this.renderings = Map.copyOf(renderings);
	}

	/** Nothing rendered beforehand: every text is rendered when asked for. */
	public static RenderedMarkdown none() {
		return new RenderedMarkdown(Map.of());
	}

	/** How this very text was rendered for this language, if it was. */
	public Optional<MarkdownRenderer.Rendered> find(Lang lang, String markdown) {
		return Optional.ofNullable(this.renderings.get(new Source(lang, markdown)));
	}

	public int size() {
		return this.renderings.size();
	}

	public void write(OutputStream stream) throws IOException {
		DataOutputStream out = new DataOutputStream(stream);
		out.writeInt(MAGIC);
		out.writeInt(VERSION);
		out.writeInt(this.renderings.size());
		Map<Source, MarkdownRenderer.Rendered> sorted = new TreeMap<>(ORDER);
		sorted.putAll(this.renderings);
		for (Map.Entry<Source, MarkdownRenderer.Rendered> e : sorted.entrySet()) {
			MarkdownRenderer.Rendered rendered = e.getValue();
			writeString(out, e.getKey().lang().code());
			writeString(out, e.getKey().markdown());
			out.writeInt(rendered.parts().size());
			for (LessonPart part : rendered.parts()) {
				if (part instanceof LessonPart.Demo demo) {
					out.writeByte(DEMO);
					writeString(out, demo.preset());
				}
				else {
					out.writeByte(HTML);
					writeString(out, part.html());
				}
			}
			out.writeInt(rendered.toc().size());
			for (Lesson.TocEntry heading : rendered.toc()) {
				out.writeInt(heading.level());
				writeString(out, heading.id());
				writeString(out, heading.text());
			}
			out.writeInt(rendered.words());
		}
		out.flush();
	}

	/**
	 * Reads a file that {@link #write} made.
	 * @throws IOException when it is not such a file, is of another version, is cut short
	 * or carries more than it should
	 */
	public static RenderedMarkdown read(InputStream stream) throws IOException {
		DataInputStream in = new DataInputStream(stream);
		if (in.readInt() != MAGIC) {
			throw new IOException("not a file of rendered Markdown");
		}
		int version = in.readInt();
		if (version != VERSION) {
			throw new IOException("rendered Markdown of version " + version + ", expected " + VERSION);
		}
		int count = readCount(in);
		Map<Source, MarkdownRenderer.Rendered> renderings = new HashMap<>();
		for (int i = 0; i < count; i++) {
			String code = readString(in);
			Lang lang = Lang.of(code).orElseThrow(() -> new IOException("unknown language '" + code + "'"));
			String markdown = readString(in);
			int partCount = readCount(in);
			List<LessonPart> parts = new ArrayList<>(partCount);
			for (int p = 0; p < partCount; p++) {
				byte kind = in.readByte();
				String text = readString(in);
				parts.add(switch (kind) {
					case HTML -> new LessonPart.Html(text);
					case DEMO -> new LessonPart.Demo(text);
					default -> throw new IOException("unknown part kind " + kind);
				});
			}
			int headingCount = readCount(in);
			List<Lesson.TocEntry> toc = new ArrayList<>(headingCount);
			for (int h = 0; h < headingCount; h++) {
				toc.add(new Lesson.TocEntry(in.readInt(), readString(in), readString(in)));
			}
			renderings.put(new Source(lang, markdown),
					new MarkdownRenderer.Rendered(List.copyOf(parts), List.copyOf(toc), in.readInt()));
		}
		if (in.read() != -1) {
			throw new IOException("rendered Markdown with trailing bytes");
		}
		return new RenderedMarkdown(renderings);
	}

	private static void writeString(DataOutputStream out, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String readString(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > MAX_BYTES) {
			throw new IOException("a text of " + length + " bytes in rendered Markdown");
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static int readCount(DataInputStream in) throws IOException {
		int count = in.readInt();
		if (count < 0 || count > MAX_COUNT) {
			throw new IOException("a count of " + count + " in rendered Markdown");
		}
		return count;
	}

}
