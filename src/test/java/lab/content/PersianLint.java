package lab.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Persian prose against the typography rules of {@code shared/PERSIAN.md} (the
 * rules of Virastar, the usual Persian text linter), and extracts the prose of a Markdown
 * file so that code, URLs, HTML tags and front-matter keys are not checked.
 * <p>
 * The rules aim at few false positives: each one flags a pattern that is wrong in Persian
 * prose, not everything that might be.
 */
public final class PersianLint {

	/** Arabic letters used instead of the Persian ones (ي ك and other look-alikes). */
	public static final String ARABIC_LETTER = "arabic-letter";

	/**
	 * A space where a ZWNJ belongs after the prefixes می، نمی، بی (or nothing at all).
	 */
	public static final String ZWNJ_PREFIX = "zwnj-prefix";

	/**
	 * A space where a ZWNJ belongs before the suffixes ها، های، تر، ترین، ‌ای، ‌اند ...
	 */
	public static final String ZWNJ_SUFFIX = "zwnj-suffix";

	/** Two or more ZWNJs in a row. */
	public static final String DOUBLE_ZWNJ = "double-zwnj";

	/**
	 * A ZWNJ that joins nothing: after a non-joining letter, digit, punctuation, space,
	 * Latin.
	 */
	public static final String MISPLACED_ZWNJ = "misplaced-zwnj";

	/** ASCII digits in Persian prose (outside Latin words such as gRPC, HTTP/2, p99). */
	public static final String ASCII_DIGIT = "ascii-digit";

	/**
	 * Persian digits inside a Latin token (v۲, p۹۵): the token keeps its Latin digits.
	 */
	public static final String LATIN_TOKEN_DIGIT = "latin-token-digit";

	/** The Latin percent sign after Persian digits (۵%): Persian writes ۵٪. */
	public static final String PERCENT_SIGN = "percent-sign";

	/** Arabic-Indic digits (٠-٩) instead of the Persian ones (۰-۹). */
	public static final String ARABIC_INDIC_DIGIT = "arabic-indic-digit";

	/** ASCII comma, semicolon or question mark next to Persian words. */
	public static final String ASCII_PUNCTUATION = "ascii-punctuation";

	/** ASCII (or English curly) double quotes around Persian text instead of «». */
	public static final String ASCII_QUOTES = "ascii-quotes";

	/** A space before . ، ؛ : ! ؟ */
	public static final String SPACE_BEFORE_PUNCTUATION = "space-before-punctuation";

	/** No space after . ، ؛ : ! ؟ when a letter follows. */
	public static final String NO_SPACE_AFTER_PUNCTUATION = "no-space-after-punctuation";

	/** A space just inside () [] «». */
	public static final String SPACE_INSIDE_BRACKETS = "space-inside-brackets";

	/** Three dots instead of the ellipsis character. */
	public static final String ELLIPSIS = "ellipsis";

	/** Kashida (ـ) stretching a word. */
	public static final String KASHIDA = "kashida";

	/** The ezafe after a final ه written as a separate ی instead of ـهٔ. */
	public static final String EZAFE = "ezafe-hamzeh";

	/**
	 * A typography problem: the rule it breaks, a short excerpt around it, its offset.
	 */
	public record Violation(String rule, String excerpt, int offset) {
	}

	static final char ZWNJ = '\u200C';

	/** A letter of the Arabic script (Persian letters, and the Arabic ones we flag). */
	private static final String PL = "[\\p{IsArabic}&&\\p{L}]";

	private static final String WS = "[ \\t\\u00A0]";

	private static final Pattern ARABIC_LETTERS = Pattern
		.compile("[\\u064A\\u0643\\u0649\\u06CD\\u06D0\\u06C1\\u06D5\\u06BE]");

	/**
	 * می، نمی or بی as a word of its own, then a space and a Persian word. When the next
	 * word is a particle (می و ساقی، جام می را), می is the noun and stands alone rightly.
	 */
	private static final Pattern SPACED_PREFIX = Pattern.compile("(?<![\\p{L}\\p{M}\\u200C])(نمی|می|بی)" + WS + "+(?="
			+ PL + ")(?!(و|را|که|از|به|با|در|یا|هم|تا|است|بود)(?![\\p{L}\\p{M}\\u200C]))");

	/**
	 * Frequent verbs written with the prefix glued on (میشود). A closed list, so that
	 * words that merely start with می (میز، میان، میدان) are never flagged.
	 */
	private static final Pattern GLUED_PREFIX = Pattern.compile("(?<![\\p{L}\\p{M}\\u200C])(نمی|می)"
			+ "(شود|شوند|شد|شدند|کند|کنند|کنیم|کنید|کرد|کردند|توان|تواند|توانند|توانیم|توانید|دهد|دهند|دهیم"
			+ "|گیرد|گیرند|رود|روند|آید|آیند|خواهد|خواهند|خواهیم|بیند|بینید|بینیم|دانیم|دانید|یابد|سازد"
			+ "|رسد|گوید|دارد|دارند|ماند|گردد|پذیرد|افتد|فرستد|زند|خورد)(?![\\p{L}\\p{M}\\u200C])");

	private static final Pattern SPACED_SUFFIX = Pattern
		.compile("(?<=" + PL + "\\p{M}?)" + WS + "+(ها|های|هایی|تر|ترین)(?![\\p{L}\\p{M}\\u200C])");

	/** Fixed phrases in which تر or های is a word of its own (تر و تازه، های و هوی). */
	private static final Pattern SUFFIX_EXCEPTIONS = Pattern.compile("^" + WS + "+و" + WS + "+(تازه|خشک|تمیز|هوی|هو)");

	private static final Pattern SPACED_SUFFIX_AFTER_HEH = Pattern
		.compile("(?<=\\p{L}ه)" + WS + "+(ای|ام|ات|اش|اند|ایم|اید)(?![\\p{L}\\p{M}\\u200C])");

	private static final Pattern EZAFE_YEH = Pattern.compile("(?<=\\p{L})ه[ \\u00A0\\u200C]ی(?![\\p{L}\\p{M}\\u200C])");

	private static final Pattern DOUBLE_ZWNJS = Pattern.compile("\\u200C{2,}");

	private static final Pattern ARABIC_INDIC_DIGITS = Pattern.compile("[\\u0660-\\u0669]+");

	private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

	private static final Pattern LATIN_WITH_PERSIAN_DIGITS = Pattern.compile("[A-Za-z][۰-۹]+|[۰-۹]+[A-Za-z]");

	private static final Pattern LATIN_PERCENT = Pattern.compile("[۰-۹٫]" + WS + "?%");

	private static final Pattern ASCII_PUNCT = Pattern.compile("[,;?]");

	private static final Pattern CURLY_QUOTED = Pattern.compile("“[^”\\n]*" + PL + "[^”\\n]*”");

	private static final Pattern SPACE_BEFORE = Pattern.compile(WS + "+([.،؛:!؟])");

	private static final Pattern NO_SPACE_AFTER = Pattern.compile("[.،؛:!؟](?=\\p{L})");

	private static final Pattern BRACKET_SPACE = Pattern.compile("[(\\[«]" + WS + "+|" + WS + "+[)\\]»]");

	private static final Pattern THREE_DOTS = Pattern.compile("\\.{3,}");

	private static final Pattern KASHIDAS = Pattern.compile("\\u0640+");

	private PersianLint() {
	}

	/** All typography problems in a piece of Persian prose, ordered by offset. */
	public static List<Violation> check(String prose) {
		List<Violation> found = new ArrayList<>();
		each(prose, ARABIC_LETTERS, ARABIC_LETTER, found, m -> true);
		each(prose, SPACED_PREFIX, ZWNJ_PREFIX, found, m -> true);
		each(prose, GLUED_PREFIX, ZWNJ_PREFIX, found, m -> true);
		each(prose, SPACED_SUFFIX, ZWNJ_SUFFIX, found,
				m -> !SUFFIX_EXCEPTIONS.matcher(prose.substring(m.end())).find());
		each(prose, SPACED_SUFFIX_AFTER_HEH, ZWNJ_SUFFIX, found, m -> true);
		each(prose, EZAFE_YEH, EZAFE, found, m -> true);
		each(prose, DOUBLE_ZWNJS, DOUBLE_ZWNJ, found, m -> true);
		misplacedZwnj(prose, found);
		each(prose, ARABIC_INDIC_DIGITS, ARABIC_INDIC_DIGIT, found, m -> true);
		each(prose, ASCII_DIGITS, ASCII_DIGIT, found, m -> !inLatinContext(prose, m.start(), m.end()));
		each(prose, LATIN_WITH_PERSIAN_DIGITS, LATIN_TOKEN_DIGIT, found, m -> true);
		each(prose, LATIN_PERCENT, PERCENT_SIGN, found, m -> true);
		each(prose, ASCII_PUNCT, ASCII_PUNCTUATION, found, m -> besidePersian(prose, m.start()));
		asciiQuotes(prose, found);
		each(prose, CURLY_QUOTED, ASCII_QUOTES, found, m -> true);
		each(prose, SPACE_BEFORE, SPACE_BEFORE_PUNCTUATION, found, m -> spaceBeforeCounts(prose, m.start(1)));
		each(prose, NO_SPACE_AFTER, NO_SPACE_AFTER_PUNCTUATION, found, m -> missingSpaceCounts(prose, m.start()));
		each(prose, BRACKET_SPACE, SPACE_INSIDE_BRACKETS, found, m -> true);
		each(prose, THREE_DOTS, ELLIPSIS, found, m -> true);
		each(prose, KASHIDAS, KASHIDA, found, m -> true);
		found.sort(Comparator.comparingInt(Violation::offset).thenComparing(Violation::rule));
		return found;
	}

	/** Whether a text holds a letter of the Persian (Arabic) script at all. */
	public static boolean hasPersian(String text) {
		return text.codePoints()
			.anyMatch(c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
	}

	/** The 1-based line of an offset in a text. */
	public static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static void each(String prose, Pattern pattern, String rule, List<Violation> found,
			Predicate<Matcher> counts) {
		Matcher m = pattern.matcher(prose);
		while (m.find()) {
			if (counts.test(m)) {
				found.add(violation(prose, rule, m.start(), m.end()));
			}
		}
	}

	private static Violation violation(String prose, String rule, int start, int end) {
		int from = Math.max(0, start - 12);
		int to = Math.min(prose.length(), Math.max(end, start + 1) + 12);
		int lineStart = prose.lastIndexOf('\n', start - 1) + 1;
		int lineEnd = prose.indexOf('\n', end);
		from = Math.max(from, lineStart);
		to = Math.min(to, lineEnd < 0 ? prose.length() : Math.max(lineEnd, end));
		return new Violation(rule, prose.substring(from, to), start);
	}

	private static boolean isPersianLetter(char c) {
		return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
	}

	private static boolean isMark(char c) {
		int type = Character.getType(c);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	private static boolean isLatinLetter(char c) {
		return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
	}

	/** Letters that never join the next one, so a ZWNJ after them does nothing. */
	private static final Set<Character> NON_JOINING = Set.of('ا', 'آ', 'أ', 'إ', 'د', 'ذ', 'ر', 'ز', 'ژ', 'و', 'ؤ', 'ء',
			'ة', 'ۀ');

	private static void misplacedZwnj(String prose, List<Violation> found) {
		for (int i = 0; i < prose.length(); i++) {
			if (prose.charAt(i) != ZWNJ) {
				continue;
			}
			boolean doubled = (i > 0 && prose.charAt(i - 1) == ZWNJ)
					|| (i + 1 < prose.length() && prose.charAt(i + 1) == ZWNJ);
			if (doubled) {
				continue;
			}
			int p = i - 1;
			while (p >= 0 && isMark(prose.charAt(p))) {
				p--;
			}
			boolean joinsBefore = p >= 0 && isPersianLetter(prose.charAt(p)) && !NON_JOINING.contains(prose.charAt(p));
			boolean letterAfter = i + 1 < prose.length() && isPersianLetter(prose.charAt(i + 1));
			if (!joinsBefore || !letterAfter) {
				found.add(violation(prose, MISPLACED_ZWNJ, i, i + 1));
			}
		}
	}

	/**
	 * ASCII digits are part of a Latin word (gRPC, HTTP/2, v2, p99) or of a Latin phrase
	 * next to them (Java 17, RFC 9457, 200 OK); elsewhere they are Persian prose and
	 * should be ۰-۹.
	 */
	private static boolean inLatinContext(String s, int start, int end) {
		int a = start;
		while (a > 0 && isWordPart(s.charAt(a - 1))) {
			a--;
		}
		int b = end;
		while (b < s.length() && isWordPart(s.charAt(b))) {
			b++;
		}
		for (int i = a; i < b; i++) {
			if (isLatinLetter(s.charAt(i))) {
				return true;
			}
		}
		int before = a - 1;
		while (before >= 0 && (s.charAt(before) == ' ' || s.charAt(before) == '\u00A0')) {
			before--;
		}
		int after = b;
		while (after < s.length() && (s.charAt(after) == ' ' || s.charAt(after) == '\u00A0')) {
			after++;
		}
		boolean latinBefore = before >= 0 && isLatinLetter(s.charAt(before));
		boolean latinAfter = after < s.length() && isLatinLetter(s.charAt(after));
		return latinBefore || latinAfter;
	}

	private static boolean isWordPart(char c) {
		return (c < 128 && (Character.isLetterOrDigit(c) || "_./+-#".indexOf(c) >= 0));
	}

	private static boolean besidePersian(String s, int at) {
		int before = at - 1;
		while (before >= 0 && (s.charAt(before) == ' ' || s.charAt(before) == '\u00A0' || isMark(s.charAt(before)))) {
			before--;
		}
		int after = at + 1;
		while (after < s.length() && (s.charAt(after) == ' ' || s.charAt(after) == '\u00A0')) {
			after++;
		}
		return (before >= 0 && isPersianLetter(s.charAt(before)))
				|| (after < s.length() && isPersianLetter(s.charAt(after)));
	}

	/**
	 * Pairs straight double quotes on each line; a pair around Persian text is flagged.
	 */
	private static void asciiQuotes(String prose, List<Violation> found) {
		int lineStart = 0;
		while (lineStart <= prose.length()) {
			int lineEnd = prose.indexOf('\n', lineStart);
			if (lineEnd < 0) {
				lineEnd = prose.length();
			}
			List<Integer> quotes = new ArrayList<>();
			for (int i = lineStart; i < lineEnd; i++) {
				if (prose.charAt(i) == '"') {
					quotes.add(i);
				}
			}
			for (int q = 0; q + 1 < quotes.size(); q += 2) {
				int open = quotes.get(q);
				int close = quotes.get(q + 1);
				if (containsPersian(prose, open + 1, close)) {
					found.add(violation(prose, ASCII_QUOTES, open, close + 1));
				}
			}
			if (quotes.size() % 2 == 1) {
				int lone = quotes.get(quotes.size() - 1);
				boolean touches = (lone > lineStart && isPersianLetter(prose.charAt(lone - 1)))
						|| (lone + 1 < lineEnd && isPersianLetter(prose.charAt(lone + 1)));
				if (touches) {
					found.add(violation(prose, ASCII_QUOTES, lone, lone + 1));
				}
			}
			lineStart = lineEnd + 1;
		}
	}

	private static boolean containsPersian(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			if (isPersianLetter(s.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static boolean spaceBeforeCounts(String s, int punct) {
		char c = s.charAt(punct);
		char next = punct + 1 < s.length() ? s.charAt(punct + 1) : '\n';
		if (c == '.' && next == '.') {
			return false; // three dots: the ellipsis rule speaks for it
		}
		// ".NET", ":8080" and the like are Latin words, not punctuation
		return !((c == '.' || c == ':') && next < 128 && Character.isLetterOrDigit(next));
	}

	private static boolean missingSpaceCounts(String s, int punct) {
		char c = s.charAt(punct);
		if (c == '،' || c == '؛' || c == '؟') {
			return true;
		}
		int before = punct - 1;
		while (before >= 0 && isMark(s.charAt(before))) {
			before--;
		}
		boolean persianBefore = before >= 0 && isPersianLetter(s.charAt(before));
		boolean persianAfter = isPersianLetter(s.charAt(punct + 1));
		return persianBefore || persianAfter;
	}

	// ---------------------------------------------------------------- Markdown to prose

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

	private static final Pattern FRONT_MATTER_ENTRY = Pattern.compile("^(\\s*)(-\\s+)?([A-Za-z0-9_.-]+)\\s*:\\s?(.*)$");

	private static final Pattern TABLE_DELIMITER = Pattern
		.compile("^\\s*\\|?\\s*:?-{1,}:?\\s*(\\|\\s*:?-{1,}:?\\s*)*\\|?\\s*$");

	private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}(\\s+|$)");

	private static final Pattern CLOSING_HASHES = Pattern.compile("\\s+#+\\s*$");

	private static final Pattern BLOCKQUOTE = Pattern.compile("^\\s*(>\\s?)+");

	private static final Pattern LIST_MARKER = Pattern.compile("^\\s*([-*+]|\\d{1,9}[.)])\\s+");

	private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");

	private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*\\S+.*$");

	private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?!`)(.+?)(?<!`)\\1(?!`)");

	private static final Pattern CODE_ELEMENT = Pattern
		.compile("<(code|pre|kbd|samp|script|style)\\b[^>]*>.*?</\\1\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern IMAGE = Pattern
		.compile("!\\[([^\\]]*)\\]\\((?:[^()\\s]|\\([^()]*\\))*(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern LINK = Pattern
		.compile("\\[([^\\]]*)\\]\\((?:[^()\\s]|\\([^()]*\\))*(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)\\]\\[[^\\]]*\\]");

	private static final Pattern AUTOLINK = Pattern.compile("<(?:https?|ftp|mailto):[^>\\s]+>");

	private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9:-]*)(?:\\s[^<>]*)?/?>", Pattern.DOTALL);

	private static final Pattern BARE_URL = Pattern.compile(
			"(?:https?|ftp)://[^\\s<>()«»\\u0600-\\u06FF]*[^\\s<>()«»\\u0600-\\u06FF.,;:!?'\"]|www\\.[A-Za-z0-9-]+\\.[^\\s<>()«»\\u0600-\\u06FF]*[^\\s<>()«»\\u0600-\\u06FF.,;:!?'\"]");

	private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);");

	private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|\"<>~])");

	private static final Pattern EMPHASIS = Pattern.compile("\\*+|(?<![\\p{L}\\p{N}])_{1,3}|_{1,3}(?![\\p{L}\\p{N}])");

	private static final Pattern PLAIN_NUMBER = Pattern.compile("^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$");

	/** Inline elements: removing their tags must not put a space into the text. */
	private static final Set<String> INLINE_ELEMENTS = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn",
			"em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "tspan", "wbr");

	private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos",
			"'", "nbsp", "\u00A0", "zwnj", "\u200C", "zwj", "\u200D", "hellip", "…", "laquo", "«");

	/**
	 * The prose of a Markdown file: what a reader reads. Front-matter keys (and plain
	 * numbers such as {@code order}), fenced code, inline code, link targets, URLs and
	 * HTML tags with their attributes are removed; link text and the text inside elements
	 * ({@code <text>}, {@code <title>}, {@code <desc>}, {@code <figcaption>},
	 * {@code <bdi>}) stay. Markdown markers (heading hashes, list numbers, emphasis
	 * stars, table delimiter rows) go too. The line structure is kept, so a line of the
	 * result is the same line of the file; offsets inside a line are not kept. Inline
	 * code becomes the Latin word {@code code} and a URL becomes {@code url}, so that the
	 * punctuation around them is still checked as written.
	 */
	public static String proseOfMarkdown(String markdown) {
		String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
		StringBuilder out = new StringBuilder();
		int i = 0;
		if (lines.length > 0 && lines[0].strip().equals("---")) {
			out.append('\n');
			i = 1;
			for (; i < lines.length; i++) {
				String line = lines[i];
				if (line.strip().equals("---") || line.strip().equals("...")) {
					out.append('\n');
					i++;
					break;
				}
				out.append(frontMatterValue(line)).append('\n');
			}
		}
		String fence = null;
		for (; i < lines.length; i++) {
			String line = lines[i];
			Matcher f = FENCE.matcher(line);
			if (fence == null && f.matches()) {
				fence = f.group(1);
				out.append('\n');
				continue;
			}
			if (fence != null) {
				if (f.matches() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()
						&& f.group(2).isBlank()) {
					fence = null;
				}
				out.append('\n');
				continue;
			}
			out.append(blockProse(line)).append('\n');
		}
		out.setLength(out.length() - 1); // the split kept the text's own last line ending
		return inlineProse(out.toString());
	}

	private static String frontMatterValue(String line) {
		Matcher m = FRONT_MATTER_ENTRY.matcher(line);
		String value;
		if (m.matches()) {
			value = m.group(4).strip();
		}
		else if (line.startsWith(" ") || line.startsWith("\t") || line.startsWith("-")) {
			value = line.strip().replaceFirst("^-\\s+", "");
		}
		else {
			return "";
		}
		if (PLAIN_NUMBER.matcher(value).matches()) {
			return "";
		}
		if (value.length() >= 2
				&& (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
			value = value.substring(1, value.length() - 1);
		}
		return value;
	}

	private static String blockProse(String line) {
		if (TABLE_DELIMITER.matcher(line).matches() && line.contains("-") || THEMATIC_BREAK.matcher(line).matches()
				|| REFERENCE_DEFINITION.matcher(line).matches()) {
			return "";
		}
		Matcher h = HEADING.matcher(line);
		if (h.find()) {
			return CLOSING_HASHES.matcher(line.substring(h.end())).replaceFirst("");
		}
		String text = BLOCKQUOTE.matcher(line).replaceFirst("");
		return LIST_MARKER.matcher(text).replaceFirst("");
	}

	private static String inlineProse(String text) {
		String s = keepLines(text, HTML_COMMENT, m -> "");
		s = keepLines(s, INLINE_CODE, m -> "code");
		s = keepLines(s, CODE_ELEMENT, m -> "code");
		s = keepLines(s, IMAGE, m -> m.group(1));
		s = keepLines(s, LINK, m -> m.group(1));
		s = keepLines(s, REFERENCE_LINK, m -> m.group(1));
		s = keepLines(s, AUTOLINK, m -> "url");
		s = keepLines(s, TAG, m -> INLINE_ELEMENTS.contains(m.group(1).toLowerCase()) ? "" : " ");
		s = keepLines(s, BARE_URL, m -> "url");
		s = keepLines(s, EMPHASIS, m -> "");
		s = keepLines(s, ESCAPE, m -> m.group(1));
		return keepLines(s, ENTITY, PersianLint::decodeEntity);
	}

	private static String decodeEntity(Matcher m) {
		String name = m.group(1);
		try {
			if (name.startsWith("#x") || name.startsWith("#X")) {
				return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
			}
			if (name.startsWith("#")) {
				return new String(Character.toChars(Integer.parseInt(name.substring(1))));
			}
		}
		catch (IllegalArgumentException ex) {
			return m.group();
		}
		return ENTITIES.getOrDefault(name, m.group());
	}

	/** Replaces every match, then puts back the line breaks the match held. */
	private static String keepLines(String text, Pattern pattern, Function<Matcher, String> replacement) {
		Matcher m = pattern.matcher(text);
		StringBuilder out = new StringBuilder();
		int last = 0;
		while (m.find()) {
			out.append(text, last, m.start());
			out.append(replacement.apply(m));
			m.group().chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
			last = m.end();
		}
		out.append(text, last, text.length());
		return out.toString();
	}

}
