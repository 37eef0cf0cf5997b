package lab.content;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	private static String html(MarkdownRenderer.Rendered rendered) {
		StringBuilder out = new StringBuilder();
		for (LessonPart part : rendered.parts()) {
			if (part instanceof LessonPart.Html h) {
				out.append(h.html());
			}
		}
		return out.toString();
	}

	@Test
	void headingsGetAnchorsAndFormTheTableOfContents() {
		MarkdownRenderer.Rendered r = this.renderer
			.render("## Why it matters\n\ntext\n\n### A detail\n\n## Why it matters\n", Lang.EN);
		assertThat(r.toc()).extracting(Lesson.TocEntry::id)
			.containsExactly("why-it-matters", "a-detail", "why-it-matters-2");
		assertThat(r.toc()).extracting(Lesson.TocEntry::level).containsExactly(2, 3, 2);
		assertThat(html(r)).contains("<h2 id=\"why-it-matters\">").contains("<h3 id=\"a-detail\">");
	}

	@Test
	void persianHeadingsKeepPersianLettersInTheirAnchors() {
		MarkdownRenderer.Rendered r = this.renderer.render("## مقیاس‌پذیری منعطف\n", Lang.FA);
		assertThat(r.toc().get(0).id()).isEqualTo("مقیاس-پذیری-منعطف");
	}

	@Test
	void glossaryLinksPointToTheGlossaryOfThePageLanguage() {
		String md = "A [service](glossary:microservice) here.\n";
		assertThat(html(this.renderer.render(md, Lang.EN))).contains("href=\"/en/glossary#term-microservice\"");
		assertThat(html(this.renderer.render(md, Lang.FA))).contains("href=\"/fa/glossary#term-microservice\"");
	}

	@Test
	void ordinaryLinksAreLeftAlone() {
		assertThat(html(this.renderer.render("[x](/en/about)\n", Lang.EN))).contains("href=\"/en/about\"");
	}

	@Test
	void aDemoBlockSplitsTheBodyAtItsPlace() {
		MarkdownRenderer.Rendered r = this.renderer.render("Before.\n\n```demo resilience\n```\n\nAfter.\n", Lang.EN);
		assertThat(r.parts()).hasSize(3);
		assertThat(r.parts().get(1)).isEqualTo(new LessonPart.Demo("resilience"));
		assertThat(html(r)).contains("Before.").contains("After.").doesNotContain("demo resilience");
	}

	@Test
	void codeStaysLeftToRightInsidePersianPages() {
		String out = html(this.renderer.render("متن `GET /api/posts` متن\n\n```json\n{\"a\": 1}\n```\n", Lang.FA));
		assertThat(out).contains("<pre dir=\"ltr\">").contains("<code dir=\"ltr\">GET /api/posts</code>");
	}

	@Test
	void latinRunsInsidePersianTextAreIsolated() {
		String out = html(this.renderer.render("معماری سرویس‌گرا (Service-Oriented Architecture) است.\n", Lang.FA));
		assertThat(out).contains("(<bdi>Service-Oriented Architecture</bdi>)");
		String en = html(this.renderer.render("Service-Oriented Architecture is old.\n", Lang.EN));
		assertThat(en).doesNotContain("<bdi>");
	}

	@Test
	void tablesCarryBootstrapClasses() {
		String out = html(this.renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n", Lang.EN));
		assertThat(out).contains("<table class=\"table");
	}

	@Test
	void rawSvgFiguresPassThrough() {
		String svg = "<figure class=\"diagram\"><svg role=\"img\" viewBox=\"0 0 10 10\"><title>t</title><text x=\"1\" y=\"1\">Users</text></svg></figure>\n";
		assertThat(html(this.renderer.render(svg, Lang.EN))).contains("<svg role=\"img\"").contains(">Users</text>");
	}

	@Test
	void wordsAreCountedForTheReadingTime() {
		MarkdownRenderer.Rendered r = this.renderer.render("one two three\n\n## four five\n", Lang.EN);
		assertThat(r.words()).isEqualTo(5);
		Lesson lesson = new Lesson("s", Lang.EN, "t", 1, "s", null, List.of(), List.of(), 401);
		assertThat(lesson.readingMinutes()).isEqualTo(3);
	}

}
