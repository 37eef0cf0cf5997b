package lab.content;

/** A piece of a lesson body: rendered HTML, or the place of a live demo. */
public sealed interface LessonPart {

	/** Rendered Markdown, trusted (it comes from the project's own content files). */
	record Html(String html) implements LessonPart {
	}

	/** The place where the lesson embeds the live demo named by {@code preset}. */
	record Demo(String preset) implements LessonPart {
	}

}
