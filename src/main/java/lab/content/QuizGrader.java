package lab.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a submitted quiz on the server. Form fields are {@code answer-<question id>}
 * with a choice key. A missing answer, a choice that is not offered, or a question that
 * does not exist are the learner's (or a forger's) mistakes: they come back as message
 * keys, never as an exception.
 */
public final class QuizGrader {

	public static final String FIELD_PREFIX = "answer-";

	private QuizGrader() {
	}

	/**
	 * The verdict on one question; {@code error} is a message key when the answer was
	 * unusable.
	 */
	public record Outcome(String chosen, boolean correct, String error) {
	}

	/**
	 * @param outcomes per question id, in quiz order
	 * @param formErrors message keys about the form as a whole
	 */
	public record Grade(Map<String, Outcome> outcomes, List<String> formErrors, int score, int total) {

		public boolean valid() {
			return this.formErrors.isEmpty() && this.outcomes.values().stream().allMatch(o -> o.error() == null);
		}

		/**
		 * How many questions had a usable answer (graded even when others were left
		 * blank).
		 */
		public int answered() {
			return (int) this.outcomes.values().stream().filter(o -> o.error() == null).count();
		}

		public Outcome outcome(String questionId) {
			return this.outcomes.get(questionId);
		}

	}

	public static Grade grade(Quiz quiz, Map<String, String> form) {
		List<String> formErrors = new ArrayList<>();
		for (String field : form.keySet()) {
			if (field.startsWith(FIELD_PREFIX) && quiz.question(field.substring(FIELD_PREFIX.length())).isEmpty()) {
				formErrors.add("quiz.error.unknownQuestion");
				break;
			}
		}
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		int score = 0;
		for (Quiz.Question q : quiz.questions()) {
			String chosen = form.get(FIELD_PREFIX + q.id());
			Outcome outcome;
			if (chosen == null || chosen.isBlank()) {
				outcome = new Outcome(null, false, "quiz.error.missing");
			}
			else if (!q.hasChoice(chosen)) {
				outcome = new Outcome(null, false, "quiz.error.invalidChoice");
			}
			else {
				outcome = new Outcome(chosen, chosen.equals(q.answer()), null);
				score += outcome.correct() ? 1 : 0;
			}
			outcomes.put(q.id(), outcome);
		}
		return new Grade(outcomes, List.copyOf(formErrors), score, quiz.questions().size());
	}

}
