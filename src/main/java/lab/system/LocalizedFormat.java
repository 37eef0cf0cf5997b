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
 * Numbers and dates as each language writes them: Persian digits and the Solar Hijri calendar in
 * Persian, Western digits and the Gregorian calendar in English. Templates call it as
 * {@code ${@fmt.number(n)}}.
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

	/** ASCII digits of a string (a version, a port) as the page's language writes them. */
	public String digits(String text) {
		return digits(text, LocaleContextHolder.getLocale());
	}

	public static String digits(String text, Locale locale) {
		if (text == null || !"fa".equals(locale.getLanguage())) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append((c >= '0' && c <= '9') ? (char) ('۰' + (c - '0')) : c);
		}
		return out.toString();
	}

	public String date(LocalDate date) {
		return date(date, LocaleContextHolder.getLocale());
	}

	/** A calendar date in the language's calendar: Solar Hijri for Persian, Gregorian otherwise. */
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
		format.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone("fa".equals(locale.getLanguage()) ? "Asia/Tehran" : "UTC"));
		return format.format(Date.from(instant));
	}

}
