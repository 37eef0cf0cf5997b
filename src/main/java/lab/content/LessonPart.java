package lab.content;

/** A piece of a lesson body: rendered HTML, or the place of a live demo. */
public sealed interface LessonPart {

	/** The rendered HTML of this piece, or null for a demo place. */
	String html();

	/** Rendered Markdown, trusted (it comes from the project's own content files). */
	record Html(String html) implements LessonPart {
	}

	/** The place where the lesson embeds the live demo named by {@code preset}. */
	record Demo(String preset) implements LessonPart {

		@Override
		public String html() {
			return null;
		}

	}

}
