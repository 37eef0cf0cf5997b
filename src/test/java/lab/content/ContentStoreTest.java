package lab.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

class ContentStoreTest {

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	/** A whole, valid quiz of one question. */
	private static final String QUESTION = """
			questions:
			  - id: q1
			    text: Pick b
			    choices:
			      a: A
			      b: B
			    answer: b
			    explanation: Because.
			""";

	/** A whole, valid glossary term. */
	private static final String TERM = """
			- id: api
			  en: API
			  fa: API
			  definition:
			    en: A contract.
			    fa: یک قرارداد.
			""";

	@TempDir
	Path root;

	private void quiz(String yaml) throws IOException {
		Files.createDirectories(this.root.resolve("en/quiz"));
		Files.writeString(this.root.resolve("en/quiz/first.yml"), yaml);
	}

	private void lesson(String lang, String slug, int order, String title) throws IOException {
		Files.createDirectories(this.root.resolve(lang));
		Files.writeString(this.root.resolve(lang + "/" + slug + ".md"), "---\ntitle: " + title + "\norder: " + order
				+ "\nsummary: About " + title + "\n---\n## Part\n\nBody of " + title + ".\n");
	}

	private ContentStore store(boolean watch) {
		return new ContentStore("file:" + this.root.toAbsolutePath() + "/", watch, VALIDATOR);
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
		ContentStore store = new ContentStore(location(), false, VALIDATOR,
				new Markdown(location(), (markdown, lang) -> {
					throw new IllegalStateException("cannot render");
				}));
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
	void thePackagedCourseIsServedAsTheBuildRenderedIt() {
		AtomicInteger renders = new AtomicInteger();
		ContentStore store = new ContentStore("classpath:content/", false, VALIDATOR,
				new Markdown("classpath:content/", (markdown, lang) -> {
					renders.incrementAndGet();
					return new MarkdownRenderer().render(markdown, lang);
				}));
		assertThat(store.lessons(Lang.FA)).hasSizeGreaterThanOrEqualTo(12)
			.allSatisfy(l -> assertThat(l.parts()).isNotEmpty());
		assertThat(store.lessons(Lang.EN)).hasSameSizeAs(store.lessons(Lang.FA));
		assertThat(renders).hasValue(0);
	}

	@Test
	void aLessonEditedAfterTheBuildIsRenderedAfresh() throws IOException {
		lesson("en", "first", 1, "First");
		lesson("en", "second", 2, "Second");
		Markdown build = Markdown.recording();
		new ContentStore(location(), false, VALIDATOR, build).lessons(Lang.EN);
		try (var out = Files.newOutputStream(this.root.resolve(RenderedMarkdown.FILE))) {
			build.given().write(out);
		}
		lesson("en", "second", 2, "Rewritten");
		AtomicInteger renders = new AtomicInteger();
		Markdown site = new Markdown(location(), (markdown, lang) -> {
			renders.incrementAndGet();
			return new MarkdownRenderer().render(markdown, lang);
		});

		ContentStore store = new ContentStore(location(), false, VALIDATOR, site);

		assertThat(store.lesson(Lang.EN, "second").get().parts().get(0).html()).contains("Body of Rewritten.");
		assertThat(store.lesson(Lang.EN, "first").get().parts().get(0).html()).contains("Body of First.");
		assertThat(renders).hasValue(1);
	}

	private String location() {
		return "file:" + this.root.toAbsolutePath() + "/";
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
		quiz(QUESTION);
		Files.writeString(this.root.resolve("glossary.yml"), TERM);
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

	@Test
	void theCourseContentPassesItsChecks() {
		ContentStore store = new ContentStore("file:" + Path.of("content").toAbsolutePath() + "/", false, VALIDATOR);
		assertThat(store.glossary()).isNotEmpty();
		assertThat(store.rendering()).isEqualTo(ContentStore.Rendering.DONE);
		assertThat(store.lessons(Lang.FA)).allSatisfy(l -> assertThat(store.quiz(Lang.FA, l.slug())).isPresent());
	}

	@Test
	void aQuizQuestionWithoutTextFailsTheLoadNamingTheFileAndTheField() throws IOException {
		lesson("en", "first", 1, "First");
		quiz(QUESTION + """
				  - id: q2
				    choices:
				      a: A
				    answer: a
				    explanation: "  "
				""");
		assertThat(failedLoad(store(false))).contains("first.yml")
			.contains("questions[1].text")
			.contains("questions[1].explanation")
			.doesNotContain("questions[0]");
	}

	@Test
	void aQuizAnswerThatIsNoChoiceFailsTheLoad() throws IOException {
		lesson("en", "first", 1, "First");
		Files.createDirectories(this.root.resolve("en/quiz"));
		Files.writeString(this.root.resolve("en/quiz/first.yml"), """
				questions:
				  - id: q1
				    text: Pick c
				    choices:
				      a: A
				    answer: c
				    explanation: Because.
				""");
		assertThat(failedLoad(store(false))).contains("first.yml").contains("questions[0].answerAmongTheChoices");
	}

	@Test
	void aGlossaryTermWithoutItsPersianDefinitionFailsTheLoad() throws IOException {
		lesson("en", "first", 1, "First");
		Files.writeString(this.root.resolve("glossary.yml"), TERM + """
				- id: rest
				  en: REST
				  fa: REST
				  definition:
				    en: A style.
				""");
		assertThat(failedLoad(store(false))).contains("glossary.yml")
			.contains("[1].definition.fa")
			.doesNotContain("[0]");
	}

	/** The message of the failure that left the content not ready. */
	private static String failedLoad(ContentStore store) {
		await().atMost(Duration.ofSeconds(30)).until(() -> store.rendering() != ContentStore.Rendering.RUNNING);
		assertThat(store.rendering()).isEqualTo(ContentStore.Rendering.FAILED);
		Throwable failure = catchThrowable(() -> store.lessons(Lang.EN));
		assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class);
		return failure.getCause().getMessage();
	}

}
