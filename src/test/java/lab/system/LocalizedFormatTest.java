package lab.system;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalizedFormatTest {

	private static final Locale FA = Locale.forLanguageTag("fa");

	private final LocalizedFormat fmt = new LocalizedFormat();

	@Test
	void persianDatesUseTheSolarHijriCalendar() {
		assertThat(this.fmt.date(LocalDate.of(2025, 3, 21), FA)).isEqualTo("۱ فروردین ۱۴۰۴");
	}

	@Test
	void englishDatesUseTheGregorianCalendar() {
		assertThat(this.fmt.date(LocalDate.of(2025, 3, 21), Locale.ENGLISH)).isEqualTo("March 21, 2025");
	}

	@Test
	void persianNumbersUsePersianDigitsAndSeparators() {
		assertThat(this.fmt.number(1234, FA)).isEqualTo("۱٬۲۳۴");
		assertThat(this.fmt.number(1234, Locale.ENGLISH)).isEqualTo("1,234");
	}

	@Test
	void digitsInTextFollowTheLanguage() {
		assertThat(LocalizedFormat.digits("port 8080, 12:30", FA)).isEqualTo("port ۸۰۸۰, ۱۲:۳۰");
		assertThat(LocalizedFormat.digits("v2", Locale.ENGLISH)).isEqualTo("v2");
		assertThat(LocalizedFormat.digits("8080", Locale.ENGLISH)).isEqualTo("8080");
	}

	@Test
	void digitsInsideALatinTokenStayLatin() {
		assertThat(LocalizedFormat.digits("v2", FA)).isEqualTo("v2");
		assertThat(LocalizedFormat.digits("p95 23", FA)).isEqualTo("p95 ۲۳");
		assertThat(LocalizedFormat.digits("payments-1 on H2, 3/4", FA)).isEqualTo("payments-1 on H2, ۳/۴");
		assertThat(LocalizedFormat.digits("v1.2.3", FA)).isEqualTo("v1.2.3");
	}

}
