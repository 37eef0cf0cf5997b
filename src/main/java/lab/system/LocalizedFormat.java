package lab.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ULocale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers and dates as each language writes them: Persian digits and the Solar Hijri
 * calendar in Persian, Western digits and the Gregorian calendar in English. Templates
 * call it as {@code ${@fmt.number(n)}}.
 */
@Component("fmt")
public class LocalizedFormat {

	private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

	public String number(long value) {
		return number(value, LocaleContextHolder.getLocale());
	}

	public String number(long value, Locale locale) {
		return NumberFormat.getInstance(ULocale.forLocale(locale)).format(value);
	}

	public String decimal(double value, int fractionDigits) {
		NumberFormat format = NumberFormat.getInstance(ULocale.forLocale(LocaleContextHolder.getLocale()));
		format.setMaximumFractionDigits(fractionDigits);
		format.setMinimumFractionDigits(fractionDigits);
		return format.format(value);
	}

	/**
	 * ASCII digits of a string (a port, a count, a clock) as the page's language writes
	 * them. Digits inside a Latin token stay Latin, as Persian writes them ({@code v2},
	 * {@code p95}, {@code H2}, {@code payments-1}): only a run of digits that touches no
	 * Latin letter becomes Persian.
	 */
	public String digits(String text) {
		return digits(text, LocaleContextHolder.getLocale());
	}

	public static String digits(String text, Locale locale) {
		if (text == null || !"fa".equals(locale.getLanguage())) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (!isAsciiDigit(c)) {
				out.append(c);
				i++;
				continue;
			}
			int end = i;
			while (end < text.length() && isAsciiDigit(text.charAt(end))) {
				end++;
			}
			boolean latin = inLatinToken(text, i, end);
			for (int n = i; n < end; n++) {
				out.append(latin ? text.charAt(n) : (char) ('۰' + (text.charAt(n) - '0')));
			}
			i = end;
		}
		return out.toString();
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * Whether the word around [start, end) holds a Latin letter: v2, p95, H2, payments-1.
	 */
	private static boolean inLatinToken(String text, int start, int end) {
		int a = start;
		while (a > 0 && isTokenPart(text.charAt(a - 1))) {
			a--;
		}
		int b = end;
		while (b < text.length() && isTokenPart(text.charAt(b))) {
			b++;
		}
		for (int n = a; n < b; n++) {
			char c = text.charAt(n);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTokenPart(char c) {
		return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
	}

	public String date(LocalDate date) {
		return date(date, LocaleContextHolder.getLocale());
	}

	/**
	 * A calendar date in the language's calendar: Solar Hijri for Persian, Gregorian
	 * otherwise.
	 */
	public String date(LocalDate date, Locale locale) {
		Instant noon = date.atTime(12, 0).atZone(TEHRAN).toInstant();
		return format(noon, locale, DateFormat.LONG, -1);
	}

	public String dateTime(Instant instant) {
		return format(instant, LocaleContextHolder.getLocale(), DateFormat.LONG, DateFormat.MEDIUM);
	}

	private static String format(Instant instant, Locale locale, int dateStyle, int timeStyle) {
		ULocale uLocale = ULocale.forLocale(locale);
		Calendar calendar = Calendar.getInstance(uLocale);
		DateFormat format = (timeStyle < 0) ? DateFormat.getDateInstance(calendar, dateStyle, uLocale)
				: DateFormat.getDateTimeInstance(calendar, dateStyle, timeStyle, uLocale);
		format.setTimeZone(
				com.ibm.icu.util.TimeZone.getTimeZone("fa".equals(locale.getLanguage()) ? "Asia/Tehran" : "UTC"));
		return format.format(Date.from(instant));
	}

}
