package lab.content;

import java.util.Locale;
import java.util.Optional;

/** The two languages of the site, as they appear in URLs. */
public enum Lang {

	EN("en", false), FA("fa", true);

	private final String code;

	private final boolean rightToLeft;

	Lang(String code, boolean rightToLeft) {
		this.code = code;
		this.rightToLeft = rightToLeft;
	}

	public String code() {
		return this.code;
	}

	public boolean rightToLeft() {
		return this.rightToLeft;
	}

	public String dir() {
		return this.rightToLeft ? "rtl" : "ltr";
	}

	public Locale locale() {
		return Locale.forLanguageTag(this.code);
	}

	public Lang other() {
		return (this == EN) ? FA : EN;
	}

	public static Optional<Lang> of(String code) {
		for (Lang lang : values()) {
			if (lang.code.equals(code)) {
				return Optional.of(lang);
			}
		}
		return Optional.empty();
	}

}
