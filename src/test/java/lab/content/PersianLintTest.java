package lab.content;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import lab.content.PersianLint.Violation;

import static lab.content.PersianLint.ARABIC_INDIC_DIGIT;
import static lab.content.PersianLint.ARABIC_LETTER;
import static lab.content.PersianLint.ASCII_DIGIT;
import static lab.content.PersianLint.ASCII_PUNCTUATION;
import static lab.content.PersianLint.ASCII_QUOTES;
import static lab.content.PersianLint.DOUBLE_ZWNJ;
import static lab.content.PersianLint.ELLIPSIS;
import static lab.content.PersianLint.EZAFE;
import static lab.content.PersianLint.KASHIDA;
import static lab.content.PersianLint.LATIN_TOKEN_DIGIT;
import static lab.content.PersianLint.PERCENT_SIGN;
import static lab.content.PersianLint.MISPLACED_ZWNJ;
import static lab.content.PersianLint.NO_SPACE_AFTER_PUNCTUATION;
import static lab.content.PersianLint.SPACE_BEFORE_PUNCTUATION;
import static lab.content.PersianLint.SPACE_INSIDE_BRACKETS;
import static lab.content.PersianLint.ZWNJ_PREFIX;
import static lab.content.PersianLint.ZWNJ_SUFFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PersianLintTest {

	/** ZWNJ (نیم‌فاصله), written out so that the tests show where it is. */
	private static final String Z = "\u200C";

	static Stream<Arguments> wrongAndRight() {
		return Stream.of(
				// Arabic letters instead of Persian ones
				arguments(ARABIC_LETTER, "سرويس", "سرویس"), arguments(ARABIC_LETTER, "كاربر", "کاربر"),
				arguments(ARABIC_LETTER, "ھمه", "همه"), arguments(ARABIC_LETTER, "مصطفى", "مصطفی"),
				// a space instead of ZWNJ after the prefixes, or no separator at all
				arguments(ZWNJ_PREFIX, "اجرا می شود", "اجرا می" + Z + "شود"),
				arguments(ZWNJ_PREFIX, "نمی توان گفت", "نمی" + Z + "توان گفت"),
				arguments(ZWNJ_PREFIX, "سرویس بی حالت", "سرویس بی" + Z + "حالت"),
				arguments(ZWNJ_PREFIX, "اجرا میشود", "اجرا می" + Z + "شود"),
				// a space instead of ZWNJ before the suffixes
				arguments(ZWNJ_SUFFIX, "سرویس ها", "سرویس" + Z + "ها"),
				arguments(ZWNJ_SUFFIX, "سرویس های مستقل", "سرویس" + Z + "های مستقل"),
				arguments(ZWNJ_SUFFIX, "نمونه هایی از", "نمونه" + Z + "هایی از"),
				arguments(ZWNJ_SUFFIX, "سریع تر", "سریع" + Z + "تر"),
				arguments(ZWNJ_SUFFIX, "ساده ترین راه", "ساده" + Z + "ترین راه"),
				arguments(ZWNJ_SUFFIX, "ساخته شده اند", "ساخته شده" + Z + "اند"),
				arguments(ZWNJ_SUFFIX, "مجموعه ای از", "مجموعه" + Z + "ای از"),
				// ZWNJ in the wrong place
				arguments(DOUBLE_ZWNJ, "سرویس" + Z + Z + "ها", "سرویس" + Z + "ها"),
				arguments(MISPLACED_ZWNJ, "کار" + Z + "ها", "کارها"),
				arguments(MISPLACED_ZWNJ, "داده" + Z + "ها و کد" + Z + "ها", "داده" + Z + "ها و کدها"),
				arguments(MISPLACED_ZWNJ, "۳" + Z + "تا", "۳ تا"),
				arguments(MISPLACED_ZWNJ, "سرویس،" + Z + "داده", "سرویس، داده"),
				arguments(MISPLACED_ZWNJ, "سرویس " + Z + "ها", "سرویس" + Z + "ها"),
				arguments(MISPLACED_ZWNJ, "API" + Z + "ها", "APIها"), arguments(MISPLACED_ZWNJ, Z + "سرویس", "سرویس"),
				arguments(MISPLACED_ZWNJ, "سرویس" + Z + "\nداده", "سرویس\nداده"),
				arguments(MISPLACED_ZWNJ, "سرویس" + Z, "سرویس"),
				// digits
				arguments(ASCII_DIGIT, "7 ویژگی", "۷ ویژگی"),
				arguments(ASCII_DIGIT, "در سال 1404 و ۲۰ درصد", "در سال ۱۴۰۴ و ۲۰ درصد"),
				arguments(ASCII_DIGIT, "نسخهٔ 2.5 آمد", "نسخهٔ ۲٫۵ آمد"),
				arguments(ARABIC_INDIC_DIGIT, "٧ ویژگی", "۷ ویژگی"),
				arguments(LATIN_TOKEN_DIGIT, "استقرار v۲", "استقرار v2"),
				arguments(LATIN_TOKEN_DIGIT, "تأخیر p۹۵ زیاد است", "تأخیر p95 زیاد است"),
				arguments(PERCENT_SIGN, "۵% خطا", "۵٪ خطا"), arguments(PERCENT_SIGN, "۹۹٫۹ % زمان", "۹۹٫۹٪ زمان"),
				// Latin punctuation and quotes next to Persian words
				arguments(ASCII_PUNCTUATION, "سرویس, داده", "سرویس، داده"),
				arguments(ASCII_PUNCTUATION, "اول; دوم", "اول؛ دوم"), arguments(ASCII_PUNCTUATION, "چرا?", "چرا؟"),
				arguments(ASCII_QUOTES, "\"سرویس\"", "«سرویس»"),
				arguments(ASCII_QUOTES, "نام \"کاربر\" است", "نام «کاربر» است"),
				arguments(ASCII_QUOTES, "“سرویس”", "«سرویس»"),
				// spaces around punctuation
				arguments(SPACE_BEFORE_PUNCTUATION, "سرویس ، داده", "سرویس، داده"),
				arguments(SPACE_BEFORE_PUNCTUATION, "تمام شد .", "تمام شد."),
				arguments(SPACE_BEFORE_PUNCTUATION, "چرا ؟", "چرا؟"),
				arguments(SPACE_BEFORE_PUNCTUATION, "اول ؛ دوم", "اول؛ دوم"),
				arguments(SPACE_BEFORE_PUNCTUATION, "نکته : این", "نکته: این"),
				arguments(SPACE_BEFORE_PUNCTUATION, "عالی !", "عالی!"),
				arguments(NO_SPACE_AFTER_PUNCTUATION, "سرویس،داده", "سرویس، داده"),
				arguments(NO_SPACE_AFTER_PUNCTUATION, "تمام شد.بعد", "تمام شد. بعد"),
				arguments(NO_SPACE_AFTER_PUNCTUATION, "اول؛دوم", "اول؛ دوم"),
				arguments(NO_SPACE_AFTER_PUNCTUATION, "چرا؟چون", "چرا؟ چون"),
				arguments(NO_SPACE_AFTER_PUNCTUATION, "نکته:این", "نکته: این"),
				arguments(SPACE_INSIDE_BRACKETS, "( مثال )", "(مثال)"),
				arguments(SPACE_INSIDE_BRACKETS, "(مثال )", "(مثال)"),
				arguments(SPACE_INSIDE_BRACKETS, "[ مثال]", "[مثال]"),
				arguments(SPACE_INSIDE_BRACKETS, "« سرویس »", "«سرویس»"),
				// ellipsis, kashida, ezafe
				arguments(ELLIPSIS, "سرویس" + Z + "ها...", "سرویس" + Z + "ها…"), arguments(KASHIDA, "ســرویس", "سرویس"),
				arguments(EZAFE, "خانه ی ما", "خانهٔ ما"), arguments(EZAFE, "نسخه" + Z + "ی جدید", "نسخهٔ جدید"));
	}

	@ParameterizedTest(name = "{0}: «{1}» is flagged, «{2}» is not")
	@MethodSource("wrongAndRight")
	void flagsTheWrongFormAndAcceptsTheRightOne(String rule, String wrong, String right) {
		assertThat(rules(PersianLint.check(wrong))).as("violations of «%s»", wrong).contains(rule);
		assertThat(PersianLint.check(right)).as("violations of «%s»", right).isEmpty();
	}

	@ParameterizedTest(name = "«{0}» is correct")
	@ValueSource(strings = { "میز کار و میان دو سرویس", // words that merely start with می
			"جام می و ساقی", // می the noun
			"میدان اصلی شهر", "بیمه و بیرون", // words that merely start with بی
			"لباس تر و خشک", // تر the adjective
			"پروتکل HTTP/2 و gRPC، نسخهٔ v2 و صدک p99", // digits inside Latin words
			"طبق RFC 9457 و Java 17", // digits in a Latin phrase
			"نام سرویس \"Users\" و \"Posts\" است", // Latin words in Latin quotes
			"فریم" + Z + "ورک .NET و Node.js", // dots inside Latin words
			"ساعت ۱۰:۳۰ و عدد ۲٫۵", // Persian digits with their separators
			"سرویس" + Z + "ها، سریع" + Z + "تر و ساده" + Z + "ترین؛ می" + Z + "شود؟ بله!" })
	void acceptsCorrectProse(String prose) {
		assertThat(PersianLint.check(prose)).isEmpty();
	}

	@Test
	void reportsTheOffsetAndAnExcerptOfTheLine() {
		String prose = "سطر اول درست است.\nدر سطر دوم سرویس ها آمده.";
		List<Violation> violations = PersianLint.check(prose);
		assertThat(violations).singleElement().satisfies(v -> {
			assertThat(v.rule()).isEqualTo(ZWNJ_SUFFIX);
			assertThat(v.offset()).isEqualTo(prose.indexOf(" ها"));
			assertThat(v.excerpt()).contains("سرویس ها").doesNotContain("\n").doesNotContain("اول");
			assertThat(PersianLint.lineOf(prose, v.offset())).isEqualTo(2);
		});
	}

	@Test
	void proseOfMarkdownKeepsTheTextAndDropsCodeUrlsTagsAndKeys() {
		String markdown = """
				---
				title: "سرویس" + Z + "ها"
				order: 1
				demo: architecture
				---
				## عنوان بخش

				1. متن با `code, here` و [پیوند](glossary:microservice) و https://example.com/a?b=1
				- مورد **مهم**، با <bdi>REST</bdi>، [ارجاع][ref] و ![تصویر](img/a.png "t").

				| ستون | دیگری |
				|:---|---:|
				| ۱ | ۲ |

				```java
				int x = 1; // "سرویس" ,
				```

				<figure class="diagram"><svg role="img" viewBox="0 0 10 10"><title id="t">عنوان شکل</title>
				<text x="10" y="20" font-size="14">کاربران</text></svg><figcaption>شرح شکل</figcaption></figure>
				<!-- note, 1 -->
				[ref]: https://example.com/x
				""".replace("\" + Z + \"", Z);
		String prose = PersianLint.proseOfMarkdown(markdown);

		assertThat(prose.split("\n", -1)).hasSameSizeAs(markdown.split("\n", -1));
		assertThat(prose).contains("سرویس" + Z + "ها", "عنوان بخش", "پیوند", "مهم", "REST", "ارجاع", "تصویر",
				"عنوان شکل", "کاربران", "شرح شکل", "ستون");
		assertThat(prose).doesNotContain("title", "order", "demo:", "glossary:", "example.com", "int x", "svg",
				"viewBox", "font-size", "bdi", "img/a.png", "note", "**", "##", "1.", ":---");
		assertThat(prose.lines().filter(line -> line.contains("کاربران")).findFirst().orElseThrow())
			.doesNotContain("x=");
		assertThat(PersianLint.check(prose)).isEmpty();
		assertThat(PersianLint.lineOf(prose, prose.indexOf("کاربران")))
			.isEqualTo(PersianLint.lineOf(markdown, markdown.indexOf("کاربران")));
	}

	@Test
	void proseOfMarkdownStillShowsTheMistakesInTheProse() {
		String markdown = """
				---
				title: سرویس ها
				---
				متن `code` ، و [پیوند](https://example.com) ,بعد
				<figcaption>شکل 2</figcaption>
				""";
		List<Violation> violations = PersianLint.check(PersianLint.proseOfMarkdown(markdown));
		assertThat(rules(violations)).containsExactly(ZWNJ_SUFFIX, SPACE_BEFORE_PUNCTUATION, ASCII_PUNCTUATION,
				ASCII_DIGIT);
	}

	private static List<String> rules(List<Violation> violations) {
		return violations.stream().map(Violation::rule).toList();
	}

}
