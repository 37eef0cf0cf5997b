package lab.site;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

import lab.content.ContentStore;
import lab.content.Lang;
import lab.content.Lesson;
import lab.content.Quiz;
import lab.content.QuizGrader;

/**
 * A lesson page with its table of contents, previous and next lessons, and its self-check
 * quiz. The quiz is graded on the server and the page is shown again with the verdicts;
 * grading changes nothing on the server, so the answer page is rendered directly rather
 * than redirected.
 */
@Controller
class LessonController {

	static final String LESSON_VIEW = "lesson";

	private final ContentStore content;

	LessonController(ContentStore content) {
		this.content = content;
	}

	@GetMapping(PagesController.LANG + "/lessons/{slug}")
	String lesson(@PathVariable String lang, @PathVariable String slug, Model model) {
		return show(PagesController.lang(lang), slug, model);
	}

	@PostMapping(PagesController.LANG + "/lessons/{slug}/quiz")
	String check(@PathVariable String lang, @PathVariable String slug, @RequestParam Map<String, String> form,
			Model model, HttpServletResponse response) {
		Lang language = PagesController.lang(lang);
		Quiz quiz = this.content.quiz(language, slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		QuizGrader.Grade grade = QuizGrader.grade(quiz, form);
		model.addAttribute("grade", grade);
		if (!grade.valid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(language, slug, model);
	}

	private String show(Lang lang, String slug, Model model) {
		Lesson lesson = this.content.lesson(lang, slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<Lesson> all = this.content.lessons(lang);
		int at = all.indexOf(lesson);
		model.addAttribute("lesson", lesson);
		model.addAttribute("number", at + 1);
		model.addAttribute("count", all.size());
		model.addAttribute("previous", (at > 0) ? all.get(at - 1) : null);
		model.addAttribute("next", (at >= 0 && at < all.size() - 1) ? all.get(at + 1) : null);
		model.addAttribute("quiz", this.content.quiz(lang, slug).orElse(null));
		return LESSON_VIEW;
	}

}
