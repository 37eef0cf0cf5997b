package lab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import lab.content.ContentStore;
import lab.content.Lang;
import lab.content.Markdown;
import lab.content.RenderedMarkdown;
import lab.walkthrough.WalkthroughStore;

/**
 * {@code PrerenderCourse <content folder>}: reads the course in that folder as the site
 * does (lessons, quizzes, glossary, walkthroughs), rendering all its Markdown afresh, and
 * writes the renderings to {@value RenderedMarkdown#FILE} there. The build runs it on the
 * compiled resources, so the jar carries its course already rendered and the site's start
 * reads it instead of rendering (see {@link Markdown}). A file the site would refuse
 * fails the build, with the site's own message. No Spring context: only the two stores.
 */
public final class PrerenderCourse {

	private PrerenderCourse() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			throw new IllegalArgumentException("usage: PrerenderCourse <content folder>");
		}
		Path folder = Path.of(args[0]).toAbsolutePath();
		RenderedMarkdown rendered = render(folder);
		try (OutputStream out = Files.newOutputStream(folder.resolve(RenderedMarkdown.FILE))) {
			rendered.write(out);
		}
		System.out
			.println("Rendered " + rendered.size() + " Markdown texts into " + folder.resolve(RenderedMarkdown.FILE));
	}

	/** Every text of the course in {@code folder}, rendered. */
	static RenderedMarkdown render(Path folder) {
		Markdown markdown = Markdown.recording();
		String root = folder.toUri().toString();
		String location = root.endsWith("/") ? root : root + "/";
		try (ValidatorFactory validation = Validation.byDefaultProvider()
			.configure()
			.messageInterpolator(new ParameterMessageInterpolator())
			.buildValidatorFactory()) {
			ContentStore lessons = new ContentStore(location, false, validation.getValidator(), markdown);
			// demo names are the site's to check at its start; here only the text counts
			WalkthroughStore walkthroughs = new WalkthroughStore(location + "walkthroughs/", preset -> true, false,
					markdown);
			lessons.glossary();
			for (Lang lang : Lang.values()) {
				lessons.lessons(lang);
				walkthroughs.all(lang);
			}
		}
		return markdown.given();
	}

}
