package lab.content;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import lab.content.PersianSources.Line;
import lab.content.PersianSources.Value;
import lab.content.TermBase.Hit;
import lab.content.TermBase.Term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One Persian form per term (issue 10): every Persian text the site shows (lessons,
 * quizzes, glossary, walkthroughs, interface messages) uses the forms of the term base
 * ({@code content/terms.yml}) and none of the forms it lists to avoid. A failure names
 * the file, the line, the form found and the form to use.
 */
class TermBaseTest {

	/**
	 * The English terms of table 1a of the Persian review
	 * (shared/reviews/persian-2026-12.md).
	 */
	private static final List<String> REVIEW_TABLE_1A = List.of("scaling", "idempotency", "idempotency key", "caller",
			"provider (of an API)", "consumer (of an API)", "Users service", "Posts service", "Threads service",
			"Payments service", "copy", "version", "running copy", "test (noun and verb)", "build (noun)", "pipeline",
			"metrics", "platform", "cache", "endpoint", "thread", "thread pool", "connection pool", "schema",
			"contract test", "restart", "monolith", "application");

	private final TermBase base = TermBase.load();

	TermBaseTest() throws IOException {
	}

	@Test
	void everyPersianTextUsesTheTermBase() throws IOException {
		List<Line> lines = PersianSources.allLines();
		assertThat(lines).as("Persian lines").hasSizeGreaterThan(500);
		List<String> problems = new ArrayList<>();
		for (Line line : lines) {
			for (Hit hit : this.base.find(line.text())) {
				problems.add(report(line, hit, "use «" + hit.term().use() + "»" + about(hit.term())));
			}
			for (Hit hit : this.base.bareLatinNames(line.text())) {
				problems.add(report(line, hit, "write «" + hit.term().use() + "»; the Latin name only in brackets"
						+ " after it at first use: «" + hit.term().use() + " (" + hit.term().latin() + ")»"));
			}
		}
		if (!problems.isEmpty()) {
			fail(problems.size() + " Persian term(s) the term base (" + TermBase.FILE + ") says not to use:\n"
					+ String.join("\n", problems));
		}
	}

	@Test
	void everyGlossaryTermIsInTheTermBaseWithTheSamePersian() throws IOException {
		Map<String, Term> byGlossaryId = new HashMap<>();
		this.base.terms().stream().filter(t -> !t.glossary().isEmpty()).forEach(t -> byGlossaryId.put(t.glossary(), t));
		List<Value> values = PersianSources.scalarValues(PersianSources.read(PersianSources.GLOSSARY));
		Map<String, String> idOfEntry = new HashMap<>();
		values.stream()
			.filter(v -> v.path().matches("\\[\\d+]\\.id"))
			.forEach(v -> idOfEntry.put(v.path().replace(".id", ""), v.text()));
		assertThat(idOfEntry).as("glossary entries").isNotEmpty();
		List<String> problems = new ArrayList<>();
		for (Value value : values) {
			if (!value.path().matches("\\[\\d+]\\.fa")) {
				continue;
			}
			String id = idOfEntry.get(value.path().replace(".fa", ""));
			Term term = byGlossaryId.get(id);
			if (term == null) {
				problems.add(PersianSources.GLOSSARY + ":" + value.line() + ": glossary term «" + id
						+ "» has no entry in " + TermBase.FILE + " (add one with glossary: " + id + ")");
			}
			else if (!term.fa().equals(value.text())) {
				problems.add(PersianSources.GLOSSARY + ":" + value.line() + ": glossary term «" + id + "» says «"
						+ value.text() + "», the term base says «" + term.fa() + "»");
			}
		}
		if (!problems.isEmpty()) {
			fail(String.join("\n", problems));
		}
	}

	@Test
	void theTermBaseCoversTheReviewedTerms() {
		Set<String> english = new HashSet<>();
		for (Term term : this.base.terms()) {
			english.addAll(Arrays.stream(term.en().split(",")).map(String::strip).toList());
		}
		assertThat(english).containsAll(REVIEW_TABLE_1A);
	}

	@Test
	void theTermBaseIsConsistent() {
		Set<String> preferred = new HashSet<>();
		this.base.terms().forEach(t -> preferred.add(t.fa()));
		List<String> problems = new ArrayList<>();
		Map<String, String> avoidedBy = new HashMap<>();
		for (Term term : this.base.terms()) {
			if (term.en().isEmpty() || term.fa().isEmpty()) {
				problems.add("a term without en or fa: " + term);
			}
			for (String form : term.avoid()) {
				if (preferred.contains(form)) {
					problems.add("«" + form + "» is avoided by «" + term.en() + "» but preferred by another term");
				}
				String other = avoidedBy.put(form, term.en());
				if (other != null) {
					problems.add("«" + form + "» is listed twice: " + other + " and " + term.en());
				}
				if (!this.base.find(term.fa()).isEmpty()) {
					problems.add("«" + term.en() + "»: its own form «" + term.fa() + "» contains a form it avoids");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest(name = "«{0}» is flagged as «{1}»")
	@CsvSource({ "فراخوان‌ها منتظر می‌مانند, فراخوان", "هر فراخوان باید, فراخوان", "(فراخوان), فراخوان",
			"همهٔ نخ‌ها را می‌گیرد, نخ", "نخ آزادی ندارد, نخ", "با کلید خودتوانی, کلید خودتوانی", "هیچ چیز را, هیچ چیز",
			"مقیاس‌بندی کنید, مقیاس‌بندی", "سرویس پرداخت را, سرویس پرداخت", "سرویس پرداخت، فید, سرویس پرداخت",
			"اپلیکیشن‌های موبایل, اپلیکیشن" })
	void aFormToAvoidIsFound(String text, String form) {
		assertThat(this.base.find(text)).extracting(Hit::form).containsExactly(form);
	}

	@ParameterizedTest(name = "«{0}» is fine")
	@CsvSource({ "نخستین ویژگی", "فراخوانی شبکه", "فراخواننده‌ها", "سیستم‌عامل فرایندها را جدا می‌کند",
			"سرویس پرداخت‌ها را صدا می‌زند", "سرویس پرداخت‌هایی", "پاسخ این آزمونک", "نسخهٔ سرویس پست‌ها",
			"این تست قرارداد است", "برنامه‌نویسی" })
	void aWordThatOnlyContainsAFormIsNotFlagged(String text) {
		assertThat(this.base.find(text)).isEmpty();
	}

	@Test
	void aLatinServiceNameIsFineOnlyInBrackets() {
		assertThat(this.base.bareLatinNames("سرویس پرداخت‌ها (Payments) انعام را ثبت می‌کند")).isEmpty();
		assertThat(this.base.bareLatinNames("نشانی /payments/tips و payments-db")).isEmpty();
		assertThat(this.base.bareLatinNames("فقط Payments دوباره مستقر می‌شود")).extracting(Hit::form)
			.containsExactly("Payments");
	}

	@Test
	void theMessageNamesFileLineAndTheFormToUse() {
		Line line = new Line(PersianSources.FA.resolve("x.md"), 7, "هر فراخوان باید مهلت زمانی داشته باشد", "");
		Hit hit = this.base.find(line.text()).get(0);
		assertThat(report(line, hit, "use «" + hit.term().use() + "»" + about(hit.term())))
			.startsWith("content/fa/x.md:7: «فراخوان» → use «فراخواننده» (caller: ");
	}

	private static String report(Line line, Hit hit, String advice) {
		String where = line.where().isEmpty() ? "" : " [" + line.where() + "]";
		return line.file() + ":" + line.line() + where + ": «" + hit.found() + "» → " + advice + " in: «"
				+ excerpt(line.text(), hit.offset()) + "»";
	}

	private static String about(Term term) {
		if (term.en().equals("(spelling)")) {
			return " (one spelling for the whole course)";
		}
		String note = term.note().isEmpty() ? "" : ": " + term.note().split("(?<=\\.)\\s", 2)[0];
		return " (" + term.en() + note + ")";
	}

	private static String excerpt(String text, int at) {
		int from = Math.max(0, at - 25);
		int to = Math.min(text.length(), at + 35);
		return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
	}

}
