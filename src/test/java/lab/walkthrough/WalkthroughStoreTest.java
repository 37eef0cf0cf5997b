package lab.walkthrough;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.content.Lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The walkthrough files: the real ones load in both languages and agree; broken or
 * disagreeing ones stop the start with a message that names the file and the step.
 */
class WalkthroughStoreTest {

	private static final Set<String> PRESETS = Set.of("architecture", "monolith", "autonomous", "specialized",
			"scaling", "deployment", "technology", "reuse", "resilience");

	private static final String STEP = """
			## Payments fails

			Kill it.

			```step
			actions:
			  - kill payments
			check: down payments
			hint: %s
			```

			```notes
			Ask the room.
			```
			""";

	@TempDir
	Path root;

	@Test
	void theCoursesWalkthroughsLoadInBothLanguagesAndAgree() {
		WalkthroughStore store = new WalkthroughStore("file:content/walkthroughs/", PRESETS::contains);
		assertThat(store.parityProblems()).isEmpty();
		for (Lang lang : Lang.values()) {
			assertThat(store.all(lang)).extracting(Walkthrough::slug)
				.containsExactly("monolith-vs-microservices", "one-failing-service", "shipping-a-change");
		}
		Walkthrough tour = store.find(Lang.EN, "monolith-vs-microservices").orElseThrow();
		assertThat(tour.demos()).contains("autonomous", "specialized", "scaling", "deployment", "technology", "reuse",
				"resilience");
		Walkthrough failing = store.find(Lang.FA, "one-failing-service").orElseThrow();
		assertThat(failing.step(2).check().text()).isEqualTo("down payments");
		assertThat(failing.step(2).hint()).contains("پرداخت‌ها");
		assertThat(failing.step(2).notesHtml()).isNotBlank();
	}

	@Test
	void aWalkthroughInOneLanguageOnlyStopsTheStart() throws IOException {
		write("en", "solo", STEP.formatted("Press it."));
		assertThatIllegalStateException().isThrownBy(this::load).withMessageContaining("solo: only in en");
	}

	@Test
	void languagesThatDifferInActionsChecksOrStepsStopTheStart() throws IOException {
		write("en", "tour", STEP.formatted("Press it."));
		write("fa", "tour", STEP.replace("kill payments", "stop payments").formatted("دکمه را بزنید."));
		assertThatIllegalStateException().isThrownBy(this::load).withMessageContaining("tour: step 1 actions");

		write("fa", "tour", STEP.replace("down payments", "up payments").formatted("دکمه را بزنید."));
		assertThatIllegalStateException().isThrownBy(this::load).withMessageContaining("tour: step 1 check");

		write("fa", "tour", (STEP + STEP).formatted("دکمه را بزنید.", "دکمه را بزنید."));
		assertThatIllegalStateException().isThrownBy(this::load).withMessageContaining("1 steps in en, 2 in fa");

		write("fa", "tour", STEP.formatted("دکمه را بزنید."));
		assertThat(load().find(Lang.FA, "tour")).isPresent();
	}

	@Test
	void unknownActionsChecksAndDemosStopTheStart() throws IOException {
		write("en", "tour", STEP.replace("kill payments", "explode payments").formatted("Press it."));
		assertThatIllegalStateException().isThrownBy(this::load)
			.withMessageContaining("walkthroughs/en/tour.md: step 1 (Payments fails): action 'explode payments'");

		write("en", "tour", STEP.replace("down payments", "payments is sad").formatted("Press it."));
		assertThatIllegalStateException().isThrownBy(this::load).withMessageContaining("unknown check");

		write("en", "tour", STEP.replace("actions:", "demo: fireworks\nactions:").formatted("Press it."));
		assertThatIllegalStateException().isThrownBy(this::load)
			.withMessageContaining("unknown demo preset 'fireworks'");

		write("en", "tour", STEP.replace("hint: %s\n", ""));
		assertThatIllegalStateException().isThrownBy(this::load).withMessageContaining("needs a hint");
	}

	@Test
	void fromTheSourceTreeAnEditedWalkthroughShowsOnTheNextRequest() throws IOException {
		write("en", "tour", STEP.formatted("Press it."));
		write("fa", "tour", STEP.formatted("دکمه را بزنید."));
		WalkthroughStore store = watching();
		assertThat(store.find(Lang.EN, "tour").orElseThrow().step(1).title()).isEqualTo("Payments fails");

		write("en", "tour", STEP.replace("Payments fails", "Payments falls over").formatted("Press it."));
		touch("en", "tour", 5);
		assertThat(store.find(Lang.EN, "tour").orElseThrow().step(1).title()).isEqualTo("Payments falls over");

		// a new walkthrough in both languages joins the index
		write("en", "second", STEP.formatted("Press it."));
		write("fa", "second", STEP.formatted("دکمه را بزنید."));
		assertThat(store.all(Lang.FA)).extracting(Walkthrough::slug).containsExactlyInAnyOrder("tour", "second");
	}

	@Test
	void anEditThatBreaksAWalkthroughKeepsTheLastGoodOne() throws IOException {
		write("en", "tour", STEP.formatted("Press it."));
		write("fa", "tour", STEP.formatted("دکمه را بزنید."));
		WalkthroughStore store = watching();

		write("en", "tour", STEP.replace("kill payments", "explode payments").formatted("Press it."));
		touch("en", "tour", 5);
		assertThat(store.find(Lang.EN, "tour").orElseThrow().step(1).actions()).extracting(Action::text)
			.containsExactly("kill payments");

		// once both languages agree again the edit is taken
		write("en", "tour", STEP.replace("kill payments", "stop payments").formatted("Press it."));
		write("fa", "tour", STEP.replace("kill payments", "stop payments").formatted("دکمه را بزنید."));
		touch("en", "tour", 10);
		touch("fa", "tour", 10);
		assertThat(store.find(Lang.FA, "tour").orElseThrow().step(1).actions()).extracting(Action::text)
			.containsExactly("stop payments");
	}

	@Test
	void fromTheJarAWalkthroughIsReadOnce() throws IOException {
		write("en", "tour", STEP.formatted("Press it."));
		write("fa", "tour", STEP.formatted("دکمه را بزنید."));
		WalkthroughStore store = load();
		Walkthrough first = store.find(Lang.EN, "tour").orElseThrow();
		write("en", "tour", STEP.replace("Payments fails", "Payments falls over").formatted("Press it."));
		touch("en", "tour", 5);
		assertThat(store.find(Lang.EN, "tour").orElseThrow()).isSameAs(first);
	}

	/** File times are coarse on some file systems: an edit is made to look later. */
	private void touch(String lang, String slug, int secondsLater) throws IOException {
		Files.setLastModifiedTime(this.root.resolve(lang + "/" + slug + ".md"),
				FileTime.from(Instant.now().plusSeconds(secondsLater)));
	}

	/** From the source tree, as the site does: made, then waited for. */
	private WalkthroughStore watching() {
		WalkthroughStore store = new WalkthroughStore(this.root.toUri().toString(), PRESETS::contains, true);
		store.afterSingletonsInstantiated();
		return store;
	}

	/** As the site does: made, and then waited for once every bean is made. */
	private WalkthroughStore load() {
		WalkthroughStore store = new WalkthroughStore(this.root.toUri().toString(), PRESETS::contains);
		store.afterSingletonsInstantiated();
		return store;
	}

	private void write(String lang, String slug, String steps) throws IOException {
		Path dir = Files.createDirectories(this.root.resolve(lang));
		Files.writeString(dir.resolve(slug + ".md"), """
				---
				title: A tour
				order: 1
				minutes: 5
				summary: One line.
				shows: One thing.
				demo: resilience
				---

				""" + steps);
	}

}
