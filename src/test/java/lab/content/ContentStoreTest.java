package lab.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class ContentStoreTest {

	@TempDir
	Path root;

	private void lesson(String lang, String slug, int order, String title) throws IOException {
		Files.createDirectories(this.root.resolve(lang));
		Files.writeString(this.root.resolve(lang + "/" + slug + ".md"), "---\ntitle: " + title + "\norder: " + order
				+ "\nsummary: About " + title + "\n---\n## Part\n\nBody of " + title + ".\n");
	}

	private ContentStore store(boolean watch) {
		return new ContentStore("file:" + this.root.toAbsolutePath() + "/", watch);
	}

	@Test
	void renderingIsDoneOnceEveryLessonIsRendered() throws IOException {
		lesson("en", "first", 1, "First");
		ContentStore store = store(false);
		store.lessons(Lang.EN);
		assertThat(store.rendering()).isEqualTo(ContentStore.Rendering.DONE);
	}

	@Test
	void aFailedRenderingStaysFailed() throws IOException {
		lesson("en", "first", 1, "First");
		ContentStore store = new ContentStore("file:" + this.root.toAbsolutePath() + "/", false, (markdown, lang) -> {
			throw new IllegalStateException("cannot render");
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> store.rendering() != ContentStore.Rendering.RUNNING);
		assertThat(store.rendering()).isEqualTo(ContentStore.Rendering.FAILED);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> store.lessons(Lang.EN));
		assertThat(store.rendering()).isEqualTo(ContentStore.Rendering.FAILED);
	}

	@Test
	void lessonsComeInReadingOrder() throws IOException {
		lesson("en", "second", 2, "Second");
		lesson("en", "first", 1, "First");
		assertThat(store(false).lessons(Lang.EN)).extracting(Lesson::slug).containsExactly("first", "second");
	}

	@Test
	void aLessonIsRenderedOnceAndServedFromMemory() throws IOException {
		lesson("en", "first", 1, "First");
		ContentStore store = store(false);
		assertThat(store.lesson(Lang.EN, "first").get()).isSameAs(store.lesson(Lang.EN, "first").get());
	}

	@Test
	void fromTheSourceTreeAnEditedLessonShowsOnTheNextRequest() throws IOException {
		lesson("en", "first", 1, "First");
		ContentStore store = store(true);
		assertThat(store.lesson(Lang.EN, "first").get().title()).isEqualTo("First");
		lesson("en", "first", 1, "Edited");
		Files.setLastModifiedTime(this.root.resolve("en/first.md"), FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(store.lesson(Lang.EN, "first").get().title()).isEqualTo("Edited");
	}

	@Test
	void slugsThatAreNotPlainNamesFindNothing() throws IOException {
		lesson("en", "first", 1, "First");
		ContentStore store = store(false);
		assertThat(store.lesson(Lang.EN, "../en/first")).isEmpty();
		assertThat(store.lesson(Lang.EN, "First")).isEmpty();
		assertThat(store.lesson(Lang.EN, "a".repeat(81))).isEmpty();
		assertThat(store.lesson(Lang.EN, "missing")).isEmpty();
		assertThat(store.lesson(Lang.FA, "first")).isEmpty();
	}

	@Test
	void aLessonWithoutTitleIsRefusedAtStart() throws IOException {
		Files.createDirectories(this.root.resolve("en"));
		Files.writeString(this.root.resolve("en/bad.md"), "---\norder: 1\nsummary: s\n---\ntext\n");
		assertThatIllegalStateException().isThrownBy(() -> store(false)).withMessageContaining("title");
	}

	@Test
	void quizzesAndGlossaryAreParsed() throws IOException {
		lesson("en", "first", 1, "First");
		Files.createDirectories(this.root.resolve("en/quiz"));
		Files.writeString(this.root.resolve("en/quiz/first.yml"), """
				questions:
				  - id: q1
				    text: Pick b
				    choices:
				      a: A
				      b: B
				    answer: b
				    explanation: Because.
				""");
		Files.writeString(this.root.resolve("glossary.yml"), """
				- id: api
				  en: API
				  fa: API
				  definition:
				    en: A contract.
				    fa: یک قرارداد.
				""");
		ContentStore store = store(false);
		Quiz quiz = store.quiz(Lang.EN, "first").get();
		assertThat(quiz.questions()).singleElement().satisfies(q -> {
			assertThat(q.choices()).containsKeys("a", "b");
			assertThat(q.answer()).isEqualTo("b");
		});
		assertThat(store.quiz(Lang.EN, "missing")).isEmpty();
		assertThat(store.glossary()).singleElement()
			.satisfies(t -> assertThat(t.definition(Lang.FA)).isEqualTo("یک قرارداد."));
	}

}
