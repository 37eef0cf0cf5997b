package lab.content;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * The Persian term base ({@code content/terms.yml}): for each English term the one
 * Persian form to use and the forms not to use, and the spellings the course keeps. Finds
 * the forms to avoid in a line of Persian prose, on Persian word boundaries.
 */
public final class TermBase {

	static final Path FILE = Path.of("content", "terms.yml");

	/** A term: the English, the Persian to use, the forms to avoid, and why. */
	public record Term(String en, String fa, String say, String glossary, String latin, List<String> avoid,
			String note) {

		/** The form to write in running prose: {@code say} if given, else {@code fa}. */
		public String use() {
			return this.say.isEmpty() ? this.fa : this.say;
		}

	}

	/** A form to avoid found in a text: where it starts, what it is, and its term. */
	public record Hit(int offset, String found, String form, Term term) {
	}

	/**
	 * Suffixes joined to a word with a ZWNJ: the word plus one of these is still the word
	 * (فراخوان‌ها is فراخوان), while a ZWNJ before anything else makes a new word
	 * (سیستم‌عامل is not سیستم).
	 */
	private static final String SUFFIX = "\u200C(?:هایشان|هایتان|هایمان|هایش|هایی|های|ها|ترین|تر|شان|تان|مان|اش|ای|ام|ات|اند|ایم|اید|ی)";

	/** What may not touch a form on either side: a letter, a mark or a ZWNJ. */
	private static final String WORD_PART = "[\\p{L}\\p{M}\\u200C]";

	private final List<Term> terms;

	private final List<Form> forms;

	private record Form(Pattern pattern, String form, Term term) {
	}

	TermBase(List<Term> terms) {
		this.terms = List.copyOf(terms);
		List<Form> all = new ArrayList<>();
		for (Term term : terms) {
			for (String form : term.avoid()) {
				String regex = "(?<!" + WORD_PART + ")" + Pattern.quote(form) + "(?:" + SUFFIX + ")?(?!" + WORD_PART
						+ ")";
				all.add(new Form(Pattern.compile(regex), form, term));
			}
		}
		this.forms = List.copyOf(all);
	}

	public static TermBase load() throws IOException {
		return parse(PersianSources.read(FILE));
	}

	@SuppressWarnings("unchecked")
	static TermBase parse(String yaml) {
		Map<String, Object> root = new Yaml().load(new StringReader(yaml));
		List<Term> terms = new ArrayList<>();
		for (Map<String, Object> t : (List<Map<String, Object>>) root.getOrDefault("terms", List.of())) {
			terms.add(new Term(text(t.get("en")), text(t.get("fa")), text(t.get("say")), text(t.get("glossary")),
					text(t.get("latin")), strings(t.get("avoid")), text(t.get("note"))));
		}
		for (Map<String, Object> s : (List<Map<String, Object>>) root.getOrDefault("spellings", List.of())) {
			String use = text(s.get("use"));
			terms.add(new Term("(spelling)", use, "", "", "", strings(s.get("avoid")), ""));
		}
		return new TermBase(terms);
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString().strip();
	}

	private static List<String> strings(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(TermBase::text).toList();
		}
		return List.of(text(value));
	}

	List<Term> terms() {
		return this.terms;
	}

	/**
	 * The forms to avoid in a text, by offset. A form is not flagged where the text goes
	 * on with the form to use (سرویس پرداخت inside سرویس پرداخت‌ها).
	 */
	public List<Hit> find(String text) {
		List<Hit> hits = new ArrayList<>();
		for (Form form : this.forms) {
			Matcher m = form.pattern().matcher(text);
			while (m.find()) {
				if (!text.startsWith(form.term().fa(), m.start()) && !text.startsWith(form.term().use(), m.start())) {
					hits.add(new Hit(m.start(), m.group(), form.form(), form.term()));
				}
			}
		}
		return outermost(hits);
	}

	/** One hit per place: where forms overlap (آزمون in آزمون قرارداد), the longest. */
	private static List<Hit> outermost(List<Hit> hits) {
		hits.sort(Comparator.comparingInt(Hit::offset).thenComparing(h -> -h.found().length()));
		List<Hit> kept = new ArrayList<>();
		int end = -1;
		for (Hit hit : hits) {
			if (hit.offset() >= end) {
				kept.add(hit);
				end = hit.offset() + hit.found().length();
			}
		}
		return kept;
	}

	/**
	 * Latin service names (Payments) that stand in Persian prose on their own: allowed
	 * only in brackets, «سرویس پرداخت‌ها (Payments)».
	 */
	public List<Hit> bareLatinNames(String text) {
		List<Hit> hits = new ArrayList<>();
		for (Term term : this.terms) {
			if (term.latin().isEmpty()) {
				continue;
			}
			Matcher m = Pattern.compile("(?<![\\p{L}(/_-])" + Pattern.quote(term.latin()) + "(?![\\p{L})/_-])")
				.matcher(text);
			while (m.find()) {
				hits.add(new Hit(m.start(), m.group(), term.latin(), term));
			}
		}
		hits.sort(Comparator.comparingInt(Hit::offset));
		return hits;
	}

}
