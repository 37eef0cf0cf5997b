package lab.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * The self-check quiz of one lesson in one language, as read from its YAML file and
 * checked with Bean Validation.
 */
public record Quiz(@NotEmpty List<@Valid Question> questions) {

	public Optional<Question> question(String id) {
		return this.questions.stream().filter(q -> q.id().equals(id)).findFirst();
	}

	/**
	 * A question with its choices (key to text, in order) and the key of the right one.
	 */
	public record Question(@NotBlank String id, @NotBlank String text,
			@NotEmpty Map<@NotBlank String, @NotBlank String> choices, @NotBlank String answer,
			@NotBlank String explanation) {

		public boolean hasChoice(String key) {
			return this.choices.containsKey(key);
		}

		/** Bean Validation: the right answer must be one of the choices. */
		@AssertTrue(message = "must name one of the choices")
		boolean isAnswerAmongTheChoices() {
			return this.answer == null || this.choices == null || hasChoice(this.answer);
		}

	}

}
