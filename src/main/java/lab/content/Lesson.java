package lab.content;

import java.util.List;

/**
 * One lesson in one language, rendered and ready to serve.
 *
 * @param slug the file name without extension, the same in both languages
 * @param parts the body: HTML pieces with the live-demo places between them
 * @param toc the table of contents (level 2 and 3 headings)
 */
public record Lesson(String slug, Lang lang, String title, int order, String summary, String demo,
		List<LessonPart> parts, List<TocEntry> toc, int words) {

	/** Minutes to read, at about 200 words a minute, never less than one. */
	public int readingMinutes() {
		return Math.max(1, (int) Math.ceil(this.words / 200.0));
	}

	/** A heading in the table of contents. */
	public record TocEntry(int level, String id, String text) {
	}

}
