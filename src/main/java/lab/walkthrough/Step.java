package lab.walkthrough;

import java.util.List;

/**
 * One step of a walkthrough in one language.
 *
 * @param number 1-based position
 * @param title the step's heading
 * @param html the step's text, rendered from Markdown
 * @param notesHtml the presenter's speaker notes, rendered, or null
 * @param demo the live-demo preset shown beside the step
 * @param actions buttons the presenter (or a reader alone) may press
 * @param check the condition on the live fleet this step asks for, or null
 * @param hint what to do while the check is not met, in the file's language, or null
 */
public record Step(int number, String title, String html, String notesHtml, String demo, List<Action> actions,
		Check check, String hint) {
}
