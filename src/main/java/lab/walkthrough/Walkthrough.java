package lab.walkthrough;

import java.util.List;

import lab.content.Lang;

/**
 * One walkthrough in one language: ordered steps, each with its text, notes, demo,
 * actions and check. The two languages share slug, steps, demos, actions and checks (a
 * test holds them to it).
 *
 * @param minutes how long it takes in front of a class
 * @param shows one line on what it shows, for the index
 * @param start actions that bring the fleet to where the walkthrough begins, after the
 * standard reset
 */
public record Walkthrough(String slug, Lang lang, int order, String title, String summary, int minutes, String shows,
		List<Action> start, List<Step> steps) {

	public Step step(int number) {
		return this.steps.get(number - 1);
	}

	public boolean hasStep(int number) {
		return number >= 1 && number <= this.steps.size();
	}

	public int count() {
		return this.steps.size();
	}

	/**
	 * The distinct demo presets, in order of first use: a page that changes step shows
	 * each.
	 */
	public List<String> demos() {
		return this.steps.stream().map(Step::demo).distinct().toList();
	}

}
