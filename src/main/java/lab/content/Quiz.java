package lab.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The self-check quiz of one lesson in one language. */
public record Quiz(List<Question> questions) {

	public Optional<Question> question(String id) {
		return this.questions.stream().filter(q -> q.id().equals(id)).findFirst();
	}

	/**
	 * A question with its choices (key to text, in order) and the key of the right one.
	 */
	public record Question(String id, String text, Map<String, String> choices, String answer, String explanation) {

		public boolean hasChoice(String key) {
			return this.choices.containsKey(key);
		}

	}

}
