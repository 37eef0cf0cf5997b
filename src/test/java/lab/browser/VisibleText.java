package lab.browser;

import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The text a reader sees on the current page, line by line (a line is the text of one
 * block: a paragraph, a list item, a table cell, a button, one label of a diagram),
 * whatever put it there: the template, the Markdown renderer, or a script. Left out: code
 * ({@code pre}, {@code code}, {@code kbd}, {@code samp}), scripts and styles, what is not
 * rendered ({@code display: none}, {@code hidden}), and runs marked as another language
 * ({@code lang="en"}, such as the language switch or a glossary term's English twin).
 */
final class VisibleText {

	private static final String SCRIPT = """
			const skip = 'pre, code, kbd, samp, script, style, noscript, template, [hidden], [lang]:not([lang|="fa"])';
			const inline = (el) => getComputedStyle(el).display.startsWith('inline');
			const blockOf = (el) => {
			  if (el.closest('svg')) {
			    return el.closest('text, title, desc') ?? el;
			  }
			  while (el.parentElement && el !== document.body && inline(el)) {
			    el = el.parentElement;
			  }
			  return el;
			};
			const lines = [];
			let block = null;
			let text = '';
			const flush = () => {
			  const line = text.replace(/[\\s\\u00A0]+/g, ' ').trim();
			  if (line) {
			    lines.push(line);
			  }
			  text = '';
			};
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			  const el = node.parentElement;
			  if (!el || el.closest(skip)) {
			    continue;
			  }
			  if (!el.closest('svg') && !el.checkVisibility()) {
			    continue;
			  }
			  const here = blockOf(el);
			  if (here !== block) {
			    flush();
			    block = here;
			  }
			  text += node.textContent;
			}
			flush();
			return lines;
			""";

	private VisibleText() {
	}

	@SuppressWarnings("unchecked")
	static List<String> lines(WebDriver driver) {
		return (List<String>) ((JavascriptExecutor) driver).executeScript(SCRIPT);
	}

}
