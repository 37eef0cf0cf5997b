package lab.content;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A term of the course in both languages, with a one-line definition in each. */
public record GlossaryTerm(String id, String en, String fa, String definitionEn, String definitionFa) {

	public String term(Lang lang) {
		return (lang == Lang.FA) ? this.fa : this.en;
	}

	public String definition(Lang lang) {
		return (lang == Lang.FA) ? this.definitionFa : this.definitionEn;
	}

	/** The term in the other language, shown beside it. */
	public String counterpart(Lang lang) {
		return term(lang.other());
	}

	/** One item of {@code glossary.yml}, as written there and checked on load. */
	record Entry(@NotBlank String id, @NotBlank String en, @NotBlank String fa, @NotNull @Valid Definition definition) {

		GlossaryTerm term() {
			return new GlossaryTerm(this.id, this.en, this.fa, this.definition.en(), this.definition.fa());
		}

	}

	/** The definition of a glossary item in both languages. */
	record Definition(@NotBlank String en, @NotBlank String fa) {

	}

}
