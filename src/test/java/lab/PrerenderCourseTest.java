package lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.content.ContentStore;
import lab.content.Lang;
import lab.content.Markdown;
import lab.content.MarkdownRenderer;
import lab.content.RenderedMarkdown;
import lab.walkthrough.WalkthroughStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class PrerenderCourseTest {

	@TempDir
	Path folder;

	@Test
	void theJarCarriesTheCourseAsItRendersNow() throws IOException {
		RenderedMarkdown built;
		try (InputStream in = getClass().getResourceAsStream("/content/" + RenderedMarkdown.FILE)) {
			assertThat(in).as("the build's " + RenderedMarkdown.FILE).isNotNull();
			built = RenderedMarkdown.read(in);
		}
		assertThat(bytes(built)).isEqualTo(bytes(PrerenderCourse.render(Path.of("content"))));
	}

	@Test
	void thePackagedSiteRendersNoneOfItsLessonsOrWalkthroughsAtStart() {
		AtomicInteger renders = new AtomicInteger();
		Markdown markdown = new Markdown("classpath:content/", (text, lang) -> {
			renders.incrementAndGet();
			return new MarkdownRenderer().render(text, lang);
		});
		ContentStore lessons = new ContentStore("classpath:content/", false,
				Validation.buildDefaultValidatorFactory().getValidator(), markdown);
		WalkthroughStore walkthroughs = new WalkthroughStore("classpath:content/walkthroughs/", preset -> true, false,
				markdown);
		for (Lang lang : Lang.values()) {
			assertThat(lessons.lessons(lang)).hasSizeGreaterThanOrEqualTo(12);
			assertThat(walkthroughs.all(lang)).hasSizeGreaterThanOrEqualTo(3)
				.allSatisfy(w -> assertThat(w.steps()).allSatisfy(s -> assertThat(s.html()).isNotBlank()));
		}
		assertThat(renders).hasValue(0);
	}

	@Test
	void aLessonTheSiteWouldRefuseFailsTheBuild() throws IOException {
		Files.createDirectories(this.folder.resolve("en"));
		Files.writeString(this.folder.resolve("en/broken.md"), "---\norder: 1\nsummary: s\n---\nNo title.\n");
		assertThatException().isThrownBy(() -> PrerenderCourse.main(new String[] { this.folder.toString() }))
			.withMessageContaining("title");
		assertThat(this.folder.resolve(RenderedMarkdown.FILE)).doesNotExist();
	}

	@Test
	void theBuildWritesEveryTextOfAFolder() throws IOException {
		Files.createDirectories(this.folder.resolve("en"));
		Files.createDirectories(this.folder.resolve("fa"));
		Files.writeString(this.folder.resolve("en/one.md"), "---\ntitle: One\norder: 1\nsummary: s\n---\n## One\n");
		Files.writeString(this.folder.resolve("fa/one.md"), "---\ntitle: یک\norder: 1\nsummary: s\n---\n## یک\n");

		PrerenderCourse.main(new String[] { this.folder.toString() });

		try (InputStream in = Files.newInputStream(this.folder.resolve(RenderedMarkdown.FILE))) {
			RenderedMarkdown written = RenderedMarkdown.read(in);
			assertThat(written.size()).isEqualTo(2);
			assertThat(written.find(Lang.FA, "## یک\n")).contains(new MarkdownRenderer().render("## یک\n", Lang.FA));
		}
	}

	private static byte[] bytes(RenderedMarkdown rendered) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		rendered.write(out);
		return out.toByteArray();
	}

}
