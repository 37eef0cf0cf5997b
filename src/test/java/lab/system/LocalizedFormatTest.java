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
		assertThat(LocalizedFormat.digits("v2 on 8080", FA)).isEqualTo("v۲ on ۸۰۸۰");
		assertThat(LocalizedFormat.digits("v2", Locale.ENGLISH)).isEqualTo("v2");
	}

}
