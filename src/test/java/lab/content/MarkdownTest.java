package lab.content;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MarkdownTest {

	private static final String TEXT = RenderedMarkdownTest.MARKDOWN;

	@TempDir
	Path root;

	private final AtomicInteger renders = new AtomicInteger();

	/** The site's Markdown over the temporary folder, its renderer counting its calls. */
	private Markdown site() {
		MarkdownRenderer real = new MarkdownRenderer();
		return new Markdown("file:" + this.root.toAbsolutePath() + "/", (markdown, lang) -> {
			this.renders.incrementAndGet();
			return real.render(markdown, lang);
		});
	}

	/** What the build writes for these texts, in Persian. */
	private void build(String... texts) throws IOException {
		Markdown build = Markdown.recording();
		for (String text : texts) {
			build.render(text, Lang.FA);
		}
		try (OutputStream out = Files.newOutputStream(this.root.resolve(RenderedMarkdown.FILE))) {
			build.given().write(out);
		}
	}

	@Test
	void whatTheBuildRenderedIsNotRenderedAgain() throws IOException {
		build(TEXT, "Two.\n");
		Markdown site = site();

		assertThat(site.render(TEXT, Lang.FA)).isEqualTo(new MarkdownRenderer().render(TEXT, Lang.FA));
		assertThat(site.render("Two.\n", Lang.FA).parts()).singleElement()
			.satisfies(p -> assertThat(p.html()).contains("Two."));
		assertThat(this.renders).hasValue(0);
	}

	@Test
	void anEditedTextOrAnotherLanguageIsRenderedHere() throws IOException {
		build(TEXT);
		Markdown site = site();

		assertThat(site.render(TEXT.replace("تأکید", "نکته"), Lang.FA).parts().get(0).html()).contains("نکته");
		assertThat(site.render(TEXT, Lang.EN)).isEqualTo(new MarkdownRenderer().render(TEXT, Lang.EN));
		assertThat(this.renders).hasValue(2);
	}

	@Test
	void withoutTheBuildsFileEverythingIsRenderedHere() {
		Markdown site = site();
		assertThat(site.render(TEXT, Lang.FA)).isEqualTo(new MarkdownRenderer().render(TEXT, Lang.FA));
		assertThat(this.renders).hasValue(1);
	}

	@Test
	void aDamagedFileOnlyCostsTheRendering() throws IOException {
		build(TEXT);
		byte[] good = Files.readAllBytes(this.root.resolve(RenderedMarkdown.FILE));
		Files.write(this.root.resolve(RenderedMarkdown.FILE), java.util.Arrays.copyOf(good, good.length / 2));
		Markdown site = site();

		assertThat(site.render(TEXT, Lang.FA)).isEqualTo(new MarkdownRenderer().render(TEXT, Lang.FA));
		assertThat(this.renders).hasValue(1);
	}

	@Test
	void onlyTheBuildsInstanceWritesDown() {
		assertThatIllegalStateException().isThrownBy(() -> site().given());
		Markdown build = Markdown.recording();
		build.render(TEXT, Lang.FA);
		build.render(TEXT, Lang.FA);
		assertThat(build.given().size()).isEqualTo(1);
		assertThat(build.given().find(Lang.FA, TEXT)).isPresent();
	}

}
