package lab.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuizGraderTest {

	private final Quiz quiz = new Quiz(List.of(
			new Quiz.Question("q1", "One?", new LinkedHashMap<>(Map.of("a", "A", "b", "B")), "a", "Because a."),
			new Quiz.Question("q2", "Two?", new LinkedHashMap<>(Map.of("a", "A", "b", "B")), "b", "Because b.")));

	@Test
	void rightAndWrongAnswersAreCounted() {
		QuizGrader.Grade grade = QuizGrader.grade(this.quiz, Map.of("answer-q1", "a", "answer-q2", "a"));
		assertThat(grade.valid()).isTrue();
		assertThat(grade.score()).isEqualTo(1);
		assertThat(grade.total()).isEqualTo(2);
		assertThat(grade.outcome("q1").correct()).isTrue();
		assertThat(grade.outcome("q2").correct()).isFalse();
	}

	@Test
	void aMissingAnswerIsAMessageNotAnError() {
		QuizGrader.Grade grade = QuizGrader.grade(this.quiz, Map.of("answer-q1", "a"));
		assertThat(grade.valid()).isFalse();
		assertThat(grade.outcome("q2").error()).isEqualTo("quiz.error.missing");
		assertThat(grade.outcome("q1").chosen()).isEqualTo("a");
	}

	@Test
	void aForgedChoiceIsRefused() {
		QuizGrader.Grade grade = QuizGrader.grade(this.quiz, Map.of("answer-q1", "zz", "answer-q2", "b"));
		assertThat(grade.outcome("q1").error()).isEqualTo("quiz.error.invalidChoice");
		assertThat(grade.valid()).isFalse();
	}

	@Test
	void aForgedQuestionIsReported() {
		QuizGrader.Grade grade = QuizGrader.grade(this.quiz,
				Map.of("answer-q1", "a", "answer-q2", "b", "answer-q9", "a"));
		assertThat(grade.formErrors()).containsExactly("quiz.error.unknownQuestion");
		assertThat(grade.valid()).isFalse();
	}

}
